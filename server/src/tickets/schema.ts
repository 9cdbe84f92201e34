import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { ticketPools, tickets } from '../banks/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittings } from '../sittings/schema.js';

/**
 * A sitting's closed-ticket draw plan: one secret shuffled order of the pool's ticket numbers per
 * round, and its published commitment (shared/src/domain/ticket-draw.ts). Made once, before the
 * first draw; afterwards only `revealedAt`/`revealedBy` may be set, once (a trigger enforces it).
 */
export const ticketDrawPlans = pgTable(
  'ticket_draw_plans',
  {
    sittingId: uuid()
      .primaryKey()
      .references(() => sittings.id),
    poolId: uuid()
      .notNull()
      .references(() => ticketPools.id),
    poolSize: integer().notNull(),
    /** Ticket numbers in position order, one array per round. Secret until revealed. */
    ticketOrder: jsonb().$type<number[][]>().notNull(),
    /** 32 random bytes, hex. Secret until revealed. */
    salt: text().notNull(),
    commitment: text().notNull(),
    createdAt: createdAt(),
    /** Set when staff end the draw: the order and salt are public from then on. */
    revealedAt: at(),
    revealedBy: uuid().references(() => users.id),
  },
  (t) => [
    check('ticket_plans_pool_size', sql`${t.poolSize} >= 1`),
    check('ticket_plans_has_rounds', sql`jsonb_array_length(${t.ticketOrder}) >= 1`),
    check('ticket_plans_salt', sql`${t.salt} ~ '^[0-9a-f]{64}$'`),
    check('ticket_plans_commitment', sql`${t.commitment} ~ '^[0-9a-f]{64}$'`),
    check('ticket_plans_revealed_by', sql`(${t.revealedAt} is null) = (${t.revealedBy} is null)`),
  ],
);

/**
 * A closed-ticket draw: final (append-only), one per student and sitting, made under the
 * sitting's draw lock so `seq` counts the draws and no two take one position of a round.
 */
export const ticketDraws = pgTable(
  'ticket_draws',
  {
    id: id(),
    sittingId: uuid()
      .notNull()
      .references(() => ticketDrawPlans.sittingId),
    studentId: userRef(),
    /** 1, 2, … in drawing order within the sitting. */
    seq: integer().notNull(),
    /** From 1; every ticket is dealt once per round. */
    round: integer().notNull(),
    /** The face-down card picked, from 0, among `faceDown` cards on the table. */
    card: integer().notNull(),
    faceDown: integer().notNull(),
    /** The position in the round's order the card stood for (from 0). */
    position: integer().notNull(),
    ticketNumber: integer().notNull(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    drawnAt: createdAt(),
  },
  (t) => [
    unique().on(t.sittingId, t.studentId),
    unique('ticket_draws_one_seq').on(t.sittingId, t.seq),
    unique('ticket_draws_one_position').on(t.sittingId, t.round, t.position),
    check('ticket_draws_seq', sql`${t.seq} >= 1`),
    check('ticket_draws_round', sql`${t.round} >= 1`),
    check('ticket_draws_card_on_table', sql`${t.card} >= 0 and ${t.card} < ${t.faceDown}`),
    check('ticket_draws_position', sql`${t.position} >= 0`),
  ],
);
