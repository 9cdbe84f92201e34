import type { AttemptRow } from './attempt-queries.js';

type ClockFields = Pick<
  AttemptRow,
  'status' | 'pausedAt' | 'pausedMs' | 'deadlineAt' | 'pausedByProctor' | 'suspendedAt'
>;

/** Why an open attempt may stand still: a proctor's pause, a lost camera or screen. */
export interface Hold {
  pausedByProctor: boolean;
  suspended: boolean;
}

/**
 * The fields that change when an open attempt's holds change. The clock stops while a proctor
 * pauses, and while it is suspended unless the sitting lets the clock run then; when nothing
 * holds it any more, the deadline moves later by exactly the time it stood still. Overlapping
 * holds stop the clock once, so the deadline never moves twice for the same minute.
 */
export function applyHold(
  a: ClockFields,
  next: Hold,
  clockRunsWhileSuspended: boolean,
  now: Date,
): Omit<ClockFields, 'status'> & { status: 'in_progress' | 'suspended' } {
  const stop = next.pausedByProctor || (next.suspended && !clockRunsWhileSuspended);
  const base = {
    status: next.suspended ? ('suspended' as const) : ('in_progress' as const),
    pausedByProctor: next.pausedByProctor,
    suspendedAt: next.suspended ? (a.suspendedAt ?? now) : null,
    pausedMs: a.pausedMs,
    deadlineAt: a.deadlineAt,
    pausedAt: a.pausedAt,
  };
  if (stop && !a.pausedAt) return { ...base, pausedAt: now };
  if (!stop && a.pausedAt) {
    const stoodStill = Math.max(0, now.getTime() - a.pausedAt.getTime());
    return {
      ...base,
      pausedAt: null,
      pausedMs: a.pausedMs + stoodStill,
      deadlineAt: new Date(a.deadlineAt.getTime() + stoodStill),
    };
  }
  return base;
}
