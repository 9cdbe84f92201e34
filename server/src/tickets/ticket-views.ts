import type { DrawnTicket, TicketViewedEvidence } from '@adal/shared';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { tickets } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { announceEntry, appendEntry, type LogRow } from '../violations/append-entry.js';
import { violationLogEntries } from '../violations/schema.js';
import { ticketDraws } from './schema.js';

export type DrawRow = typeof ticketDraws.$inferSelect;

/** Reloads and staff refreshing within this time after a logged view are not logged again. */
export const VIEW_LOG_INTERVAL_MS = 60_000;

export async function studentDraw(db: Db | Tx, sittingId: string, studentId: string) {
  const [row] = await db
    .select()
    .from(ticketDraws)
    .where(and(eq(ticketDraws.sittingId, sittingId), eq(ticketDraws.studentId, studentId)));
  return row;
}

/** The drawn ticket with its questions: only ever sent after the draw. */
export async function drawnTicket(db: Db | Tx, draw: DrawRow): Promise<DrawnTicket> {
  const [ticket] = await db
    .select({ questions: tickets.questions })
    .from(tickets)
    .where(eq(tickets.id, draw.ticketId));
  if (!ticket) throw new Error(`ticket ${draw.ticketId} of draw ${draw.id} is gone`);
  return {
    ticketNumber: draw.ticketNumber,
    questions: ticket.questions,
    card: draw.card,
    faceDown: draw.faceDown,
    round: draw.round,
    drawnAt: draw.drawnAt.toISOString(),
  };
}

/**
 * Logs in the student's Chat&log that `viewer` was sent the student's ticket, unless the same
 * viewer was logged (or, for the student, drew) within the last minute, so reloads do not flood
 * the log. Returns the entry to announce after commit, if one was written.
 */
export async function logTicketViewed(tx: Tx, draw: DrawRow, viewer: Actor): Promise<LogRow | undefined> {
  // The lock appendEntry takes for this log: two reloads at once check and write one at a time.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`log:${draw.sittingId}:${draw.studentId}`}, 0))`,
  );
  const e = violationLogEntries;
  const byViewer = and(eq(e.type, 'ticket_viewed'), sql`${e.evidence}->>'viewerId' = ${viewer.id}`);
  const [recent] = await tx
    .select({ seq: e.seq })
    .from(e)
    .where(
      and(
        eq(e.sittingId, draw.sittingId),
        eq(e.studentId, draw.studentId),
        gte(e.at, new Date(Date.now() - VIEW_LOG_INTERVAL_MS)),
        viewer.id === draw.studentId ? or(byViewer, eq(e.type, 'ticket_drawn')) : byViewer,
      ),
    )
    .limit(1);
  if (recent) return undefined;
  const evidence: TicketViewedEvidence = {
    ticketNumber: draw.ticketNumber,
    viewerId: viewer.id,
    viewerName: viewer.fullName,
    viewerRole: viewer.role,
  };
  return appendEntry(tx, {
    sittingId: draw.sittingId,
    studentId: draw.studentId,
    source: 'system',
    type: 'ticket_viewed',
    severity: 'info',
    evidence,
  });
}

/** Sends `viewer` the student's drawn ticket, logging the view (at most once a minute per viewer). */
export async function showTicket(ctx: AppContext, draw: DrawRow, viewer: Actor): Promise<DrawnTicket> {
  const { ticket, logged } = await ctx.db.transaction(async (tx) => ({
    ticket: await drawnTicket(tx, draw),
    logged: await logTicketViewed(tx, draw, viewer),
  }));
  if (logged) announceEntry(ctx, logged);
  return ticket;
}
