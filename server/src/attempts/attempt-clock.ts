import { and, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { type AttemptRow, clockOf } from './attempt-queries.js';
import { attempts } from './schema.js';

export const ATTEMPT_DEADLINE = 'attempts.deadline';
export const ATTEMPT_SWEEP = 'attempts.sweep-overdue';

/**
 * A job at the deadline closes the attempt even if the student is gone. Its id names the
 * deadline, so a moved deadline (pause) gets a new job and the old one finds nothing due.
 */
export async function scheduleDeadline(ctx: AppContext, a: Pick<AttemptRow, 'id' | 'deadlineAt'>) {
  const deadline = a.deadlineAt.getTime();
  await ctx.scheduler.schedule(
    ATTEMPT_DEADLINE,
    { attemptId: a.id },
    { delayMs: Math.max(0, deadline - Date.now()), jobId: `attempt-deadline-${a.id}-${deadline}` },
  );
}

/**
 * Schedules the deadline job of every open attempt whose clock runs: at start (the in-process
 * scheduler's timers died with the last process) and when Redis came back without its jobs. A
 * job still queued has the same id and is kept, so nothing runs twice.
 */
export async function rearmDeadlines(ctx: AppContext): Promise<number> {
  const open = await ctx.db
    .select({ id: attempts.id, deadlineAt: attempts.deadlineAt })
    .from(attempts)
    .where(and(inArray(attempts.status, ['in_progress', 'suspended']), isNull(attempts.pausedAt)));
  for (const a of open) await scheduleDeadline(ctx, a);
  return open.length;
}

/** Tells the student and the sitting's watchers the attempt's clock and status. */
export function announce(ctx: AppContext, a: AttemptRow): void {
  ctx.live.attemptChanged({ ...clockOf(a), attemptId: a.id, sittingId: a.sittingId, studentId: a.studentId });
}
