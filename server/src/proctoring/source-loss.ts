import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { announce, scheduleDeadline } from '../attempts/attempt-clock.js';
import { lockOpenAttempt, sittingPolicies } from '../attempts/attempt-queries.js';
import { applyHold } from '../attempts/clock-state.js';
import { attempts } from '../attempts/schema.js';
import { mediaSourceEvents } from '../media/schema.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';

/**
 * Seed 004: a lost camera suspends the exam; the rules also want the screen visible. The exam tab
 * is not guarded: it is optional (started by the student from the extension).
 */
export const GUARDED_SOURCES = ['webcam', 'screen'] as const;

/**
 * Suspends the student's open attempt while the webcam or the screen is stopped, and lifts the
 * suspension when every guarded source is live again. Reads the latest stored state of each
 * source, so batches arriving out of order or twice settle on the same answer. Both moments go
 * into the student's Chat&log.
 */
export async function followSourceLoss(ctx: AppContext, sittingId: string, studentId: string) {
  const now = new Date();
  const changed = await ctx.db.transaction(async (tx) => {
    const a = await lockOpenAttempt(tx, sittingId, studentId);
    if (!a) return null;
    const lost: string[] = [];
    for (const source of GUARDED_SOURCES) {
      const [last] = await tx
        .select({ state: mediaSourceEvents.state })
        .from(mediaSourceEvents)
        .where(
          and(
            eq(mediaSourceEvents.sittingId, sittingId),
            eq(mediaSourceEvents.studentId, studentId),
            eq(mediaSourceEvents.source, source),
          ),
        )
        .orderBy(desc(mediaSourceEvents.at), desc(mediaSourceEvents.id))
        .limit(1);
      if (last?.state === 'stopped') lost.push(source);
    }
    const suspend = lost.length > 0;
    if (suspend === (a.status === 'suspended')) return null;
    // Time already up: the deadline job closes it; suspending now would only hold it open.
    if (suspend && !a.pausedAt && a.deadlineAt <= now) return null;
    const { clockRunsWhileSuspended } = await sittingPolicies(tx, sittingId);
    const next = applyHold(
      a,
      { pausedByProctor: a.pausedByProctor, suspended: suspend },
      clockRunsWhileSuspended,
      now,
    );
    const [row] = await tx.update(attempts).set(next).where(eq(attempts.id, a.id)).returning();
    if (!row) throw new Error('attempt update returned no row');
    const logged = await appendEntry(tx, {
      sittingId,
      studentId,
      source: 'system',
      type: suspend ? 'suspended' : 'unsuspended',
      severity: suspend ? 'medium' : 'info',
      text: suspend
        ? `Suspended: ${lost.join(' and ')} stopped. Turn it back on to continue.`
        : 'Resumed: the camera and the screen are live again.',
      evidence: {
        attemptId: a.id,
        sources: lost,
        clockRuns: clockRunsWhileSuspended,
        ...(suspend ? {} : { stoodStillMs: row.pausedMs - a.pausedMs }),
      },
    });
    return { row, logged };
  });
  if (!changed) return;
  if (!changed.row.pausedAt) await scheduleDeadline(ctx, changed.row);
  announce(ctx, changed.row);
  announceEntry(ctx, changed.logged);
}
