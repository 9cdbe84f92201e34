import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { attempts } from '../attempts/schema.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';

/**
 * A student in a test lost or regained their connection to the server (the last of their
 * sockets closed, or the first one opened again): logged in each sitting where they have an
 * open attempt, so a dropped connection is in the record next to the media gaps (seed 004:
 * "after an internet drop, Retry continues the test").
 */
export async function logConnection(
  ctx: AppContext,
  studentId: string,
  state: 'connected' | 'disconnected',
  reason: string,
): Promise<void> {
  const open = await ctx.db
    .select({ sittingId: attempts.sittingId })
    .from(attempts)
    .where(and(eq(attempts.studentId, studentId), inArray(attempts.status, ['in_progress', 'suspended'])));
  for (const { sittingId } of open) {
    const row = await ctx.db.transaction((tx) =>
      appendEntry(tx, {
        sittingId,
        studentId,
        source: 'connection',
        type: state,
        severity: state === 'disconnected' ? 'low' : 'info',
        evidence: { reason },
      }),
    );
    announceEntry(ctx, row);
  }
}
