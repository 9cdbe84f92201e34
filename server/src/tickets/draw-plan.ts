import { randomBytes, randomInt } from 'node:crypto';
import { commitmentOf } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { tickets } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { sittings } from '../sittings/schema.js';
import { type DrawSitting, lockDraw, rosterSize } from './draw-sitting.js';
import { ticketDrawPlans } from './schema.js';

export type DrawPlanRow = typeof ticketDrawPlans.$inferSelect;

/** Fisher–Yates with the operating system's randomness: nobody can predict the order. */
export function cryptoShuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface NewPlan {
  order: number[][];
  salt: string;
  commitment: string;
}

/** A fresh order of the ticket numbers for each round, a 32-byte salt, and their commitment. */
export async function newPlan(ticketNumbers: readonly number[], rounds: number): Promise<NewPlan> {
  const order = Array.from({ length: rounds }, () => cryptoShuffle(ticketNumbers));
  const salt = randomBytes(32).toString('hex');
  return { order, salt, commitment: await commitmentOf(order, salt) };
}

export async function loadPlan(db: Db | Tx, sittingId: string): Promise<DrawPlanRow | undefined> {
  const [row] = await db.select().from(ticketDrawPlans).where(eq(ticketDrawPlans.sittingId, sittingId));
  return row;
}

/**
 * The sitting's plan, made on first use (the first student opening the table, or staff) so its
 * commitment is public before anyone draws. Two first uses at once make one plan: the loser's
 * insert does nothing and both read the winner's.
 */
export async function ensurePlan(db: Db, sitting: DrawSitting): Promise<DrawPlanRow> {
  const existing = await loadPlan(db, sitting.id);
  if (existing) return existing;
  // Under the draw's lock, with the pool read again: a pool attached at this moment (which takes
  // the same lock) is either fully before the plan or refused after it.
  return db.transaction(async (tx) => {
    await lockDraw(tx, sitting.id);
    const raced = await loadPlan(tx, sitting.id);
    if (raced) return raced;
    const [current] = await tx
      .select({ poolId: sittings.ticketPoolId })
      .from(sittings)
      .where(eq(sittings.id, sitting.id));
    const poolId = current?.poolId ?? sitting.ticketPoolId;
    const numbers = (
      await tx.select({ number: tickets.number }).from(tickets).where(eq(tickets.poolId, poolId))
    ).map((t) => t.number);
    if (numbers.length === 0)
      throw new HttpError('conflict', 'The ticket pool of this sitting is empty; tell your proctor.');
    // Enough rounds for the whole group: each round deals every ticket once.
    const rounds = Math.max(1, Math.ceil((await rosterSize(tx, sitting.id)) / numbers.length));
    const plan = await newPlan(numbers, rounds);
    const [made] = await tx
      .insert(ticketDrawPlans)
      .values({
        sittingId: sitting.id,
        poolId,
        poolSize: numbers.length,
        ticketOrder: plan.order,
        salt: plan.salt,
        commitment: plan.commitment,
      })
      .returning();
    if (!made) throw new Error('ticket draw plan insert returned no row');
    return made;
  });
}
