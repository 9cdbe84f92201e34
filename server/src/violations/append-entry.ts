import type { LogEntry, LogSource, Severity } from '@adal/shared';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { entryHash, GENESIS } from './log-chain.js';
import { violationLogEntries } from './schema.js';

export interface NewEntry {
  sittingId: string;
  studentId: string;
  source: LogSource;
  type: string;
  severity: Severity;
  text?: string;
  evidence?: Record<string, unknown> | null;
  durationMs?: number | null;
  confidence?: number | null;
  at?: Date;
}

export type LogRow = typeof violationLogEntries.$inferSelect;

export const toLogEntry = (r: LogRow): LogEntry => ({
  seq: r.seq,
  at: r.at.toISOString(),
  source: r.source,
  type: r.type,
  severity: r.severity,
  text: r.text,
  evidence: r.evidence ?? null,
  durationMs: r.durationMs,
  confidence: r.confidence,
  prevHash: r.prevHash,
  hash: r.hash,
});

/**
 * Appends one entry to a student's log in the caller's transaction. A transaction-scoped advisory
 * lock per log serialises writers (two proctors, a job and the SFU's events at once), so the
 * sequence has no gaps and each entry carries its predecessor's hash.
 */
export async function appendEntry(tx: Tx, e: NewEntry): Promise<LogRow> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`log:${e.sittingId}:${e.studentId}`}, 0))`,
  );
  const [last] = await tx
    .select({ seq: violationLogEntries.seq, hash: violationLogEntries.hash })
    .from(violationLogEntries)
    .where(
      and(eq(violationLogEntries.sittingId, e.sittingId), eq(violationLogEntries.studentId, e.studentId)),
    )
    .orderBy(desc(violationLogEntries.seq))
    .limit(1);
  // Milliseconds only: what the hash covers must survive the trip through timestamptz exactly.
  const at = new Date(Math.floor((e.at ?? new Date()).getTime()));
  const fields = {
    sittingId: e.sittingId,
    studentId: e.studentId,
    seq: (last?.seq ?? 0) + 1,
    at,
    source: e.source,
    type: e.type,
    severity: e.severity,
    text: e.text ?? '',
    evidence: e.evidence ?? null,
    durationMs: e.durationMs ?? null,
    confidence: e.confidence ?? null,
    prevHash: last?.hash ?? GENESIS,
  };
  const [row] = await tx
    .insert(violationLogEntries)
    .values({ ...fields, hash: entryHash(fields) })
    .returning();
  if (!row) throw new Error('log insert returned no row');
  return row;
}

/** After the transaction that appended `row` committed: tells the student and the watchers. */
export function announceEntry(
  ctx: { live: { logAppended(event: { sittingId: string; studentId: string; entry: LogEntry }): void } },
  row: LogRow,
): void {
  ctx.live.logAppended({ sittingId: row.sittingId, studentId: row.studentId, entry: toLogEntry(row) });
}

/** Appends in a transaction of its own and tells the student and the sitting's watchers. */
export async function logEntry(
  db: Db,
  live: { logAppended(event: { sittingId: string; studentId: string; entry: LogEntry }): void },
  e: NewEntry,
): Promise<LogEntry> {
  const row = await db.transaction((tx) => appendEntry(tx, e));
  const entry = toLogEntry(row);
  live.logAppended({ sittingId: e.sittingId, studentId: e.studentId, entry });
  return entry;
}

/** A student's whole log for a sitting, oldest first. */
export function readLog(db: Db, sittingId: string, studentId: string): Promise<LogRow[]> {
  return db
    .select()
    .from(violationLogEntries)
    .where(and(eq(violationLogEntries.sittingId, sittingId), eq(violationLogEntries.studentId, studentId)))
    .orderBy(asc(violationLogEntries.seq));
}
