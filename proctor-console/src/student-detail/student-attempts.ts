import type { AttemptClock } from '@adal/shared';
import { isOpen, type ShownAttempt, withClock } from '../attempts/attempt-rows.js';

/** The student's latest attempt (retakes: the highest number), or null before the first. */
export function latestAttempt(attempts: readonly ShownAttempt[]): ShownAttempt | null {
  let latest: ShownAttempt | null = null;
  for (const a of attempts) if (!latest || a.number > latest.number) latest = a;
  return latest;
}

/** The attempt Pause and Resume act on: the student's open one. */
export function openAttempt(attempts: readonly ShownAttempt[]): ShownAttempt | null {
  const latest = latestAttempt(attempts);
  return latest && isOpen(latest.status) ? latest : null;
}

/**
 * A newer clock for one attempt (an `attempt:changed` event or the answer to Pause/Resume), with
 * who holds it: withClock keeps the rest of the row, so the proctor's pause flag and the
 * suspension are carried over here.
 */
export function withAttemptClock(
  attempts: readonly ShownAttempt[],
  attemptId: string,
  clock: AttemptClock,
  receivedAt: number,
): ShownAttempt[] {
  return withClock(attempts, attemptId, clock, receivedAt).map((a) =>
    a.attemptId === attemptId && a.serverNow === clock.serverNow
      ? { ...a, pausedByProctor: clock.pausedByProctor, suspendedAt: clock.suspendedAt }
      : a,
  );
}
