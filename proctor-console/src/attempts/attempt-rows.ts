import type { AttemptChanged, AttemptClock, AttemptStatus, SittingAttempt } from '@adal/shared';
import { clockOffset } from '@adal/shared/web';

/**
 * A sitting's attempts as the proctor's roster shows them: the latest attempt per student, its
 * clock corrected for this computer's skew, merged with live `attempt:changed` events.
 */

/** An attempt with how far the server's clock is ahead of this computer's (ms). */
export interface ShownAttempt extends SittingAttempt {
  offset: number;
}

/** Open attempts may still be answered, paused or resumed; the others are closed for good. */
export const isOpen = (status: AttemptStatus): boolean => status === 'in_progress' || status === 'suspended';

/** The attempts as loaded, each with the skew measured by that request. */
export const fromList = (
  list: readonly SittingAttempt[],
  receivedAt: number,
  sentAt?: number,
): ShownAttempt[] => list.map((a) => ({ ...a, offset: clockOffset(a.serverNow, receivedAt, sentAt) }));

/** The latest attempt of each student (retakes: the highest number). */
export function latestByStudent(attempts: readonly ShownAttempt[]): Map<string, ShownAttempt> {
  const latest = new Map<string, ShownAttempt>();
  for (const a of attempts) {
    const shown = latest.get(a.studentId);
    if (!shown || a.number > shown.number) latest.set(a.studentId, a);
  }
  return latest;
}

type ClockChange = Pick<AttemptClock, 'status' | 'deadlineAt' | 'pausedAt' | 'serverNow'> &
  Partial<Pick<AttemptClock, 'startedAt'>>;

/**
 * One attempt with a newer clock (an event, or the answer to Pause/Resume). A clock stamped
 * earlier than the one shown is ignored: events may overtake each other on a reconnect.
 */
export function withClock(
  attempts: readonly ShownAttempt[],
  attemptId: string,
  clock: ClockChange,
  receivedAt: number,
): ShownAttempt[] {
  return attempts.map((a) => {
    if (a.attemptId !== attemptId || Date.parse(clock.serverNow) < Date.parse(a.serverNow)) return a;
    return {
      ...a,
      status: clock.status,
      deadlineAt: clock.deadlineAt,
      pausedAt: clock.pausedAt,
      serverNow: clock.serverNow,
      startedAt: clock.startedAt ?? a.startedAt,
      offset: clockOffset(clock.serverNow, receivedAt),
    };
  });
}

/**
 * Applies `attempt:changed`. The event carries no progress or result, so a new attempt, or one
 * that has just closed (its percent is now known), needs the list loaded again.
 */
export function applyAttemptChanged(
  attempts: readonly ShownAttempt[],
  event: AttemptChanged,
  receivedAt: number,
): { attempts: ShownAttempt[]; reload: boolean } {
  const known = attempts.find((a) => a.attemptId === event.attemptId);
  if (!known) return { attempts: [...attempts], reload: true };
  const next = withClock(attempts, event.attemptId, event, receivedAt);
  return { attempts: next, reload: isOpen(known.status) && !isOpen(event.status) };
}

/** The badge of an attempt: its status, or "paused" while a proctor holds it. */
export type AttemptBadge = AttemptStatus | 'paused';
export const badgeOf = (a: Pick<SittingAttempt, 'status' | 'pausedAt'>): AttemptBadge =>
  isOpen(a.status) && a.pausedAt ? 'paused' : a.status;
