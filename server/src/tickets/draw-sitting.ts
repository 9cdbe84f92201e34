import { hasTicketDraw, type SittingKind, type SittingPolicies } from '@adal/shared';
import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { onRoster } from '../sittings/roster.js';
import { sittings } from '../sittings/schema.js';
import { students } from '../university/schema.js';

/** What the draw needs of a sitting. */
export interface DrawSitting {
  id: string;
  kind: SittingKind;
  groupId: string;
  ticketPoolId: string;
  policies: SittingPolicies;
}

/**
 * A written, oral or state exam with a ticket pool; anything else is refused with a message
 * that says why (404: no such sitting, 400: a kind without tickets, 409: no pool set yet).
 */
export async function drawSitting(db: Db | Tx, sittingId: string): Promise<DrawSitting> {
  const [row] = await db
    .select({
      id: sittings.id,
      kind: sittings.kind,
      groupId: sittings.groupId,
      ticketPoolId: sittings.ticketPoolId,
      policies: sittings.policies,
    })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!row) throw new HttpError('not_found', 'Sitting not found.');
  const kind = row.kind as SittingKind;
  if (!hasTicketDraw(kind))
    throw new HttpError(
      'validation_failed',
      'This sitting has no closed-ticket draw: only written, oral and state exams have tickets.',
      [{ path: 'params.sittingId', message: 'not a written, oral or state exam' }],
    );
  if (!row.ticketPoolId)
    throw new HttpError('conflict', 'No ticket pool is set for this sitting yet; tell your proctor.');
  return { id: row.id, kind, groupId: row.groupId, ticketPoolId: row.ticketPoolId, policies: row.policies };
}

/** How many students are on the sitting's list: the plan deals enough rounds for all of them. */
export async function rosterSize(db: Db | Tx, sittingId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(students)
    .innerJoin(sittings, onRoster())
    .where(eq(sittings.id, sittingId));
  return row?.n ?? 0;
}

/**
 * Serialises every draw (and the reveal) of one sitting for the rest of the transaction, so
 * `seq` has no gaps and two students never take one position.
 */
export async function lockDraw(tx: Tx, sittingId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`ticket-draw:${sittingId}`}, 0))`);
}
