import { sql } from 'drizzle-orm';
import { check, date, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

/**
 * State exams (exam-procedures.md, "State attestation"): every commission member scores every
 * student; the chair sees all scores and fixes the final grade (written to `grades` with the
 * protocol's number and date). A member may change their score until the chair fixes the grade.
 */
export const commissionScores = pgTable(
  'commission_scores',
  {
    sittingId: sittingRef(),
    studentId: userRef(),
    memberId: uuid()
      .notNull()
      .references(() => users.id),
    percent: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    comment: text().notNull().default(''),
    scoredAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.sittingId, t.studentId, t.memberId] }),
    check('commission_scores_percent_range', sql`${t.percent} between 0 and 100`),
  ],
);

/** The sitting's protocol: its number and date go to each student's transcript with the grade. */
export const commissionProtocols = pgTable(
  'commission_protocols',
  {
    sittingId: sittingRef().primaryKey(),
    protocolNumber: text().notNull(),
    protocolDate: date().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** The chair announced the grades (published to the students). */
    announcedAt: at(),
  },
  (t) => [check('commission_protocol_number', sql`length(trim(${t.protocolNumber})) > 0`)],
);
