import type { AttemptClock } from '@adal/shared';

/**
 * Why a test stands still: the proctor paused it, or the webcam or the screen stopped and the
 * attempt is suspended (the clock stopped or running by the sitting's policy). Both can hold at once.
 */
export interface AttemptHold {
  suspended: boolean;
  pausedByProctor: boolean;
  /** The time is stopped (a proctor pause, or a suspension under a policy that stops the clock). */
  clockStopped: boolean;
  /** The server's clock when it said so: an older report never replaces a newer one. */
  serverNow: string;
}

export const holdOf = (
  clock: Pick<AttemptClock, 'status' | 'pausedAt' | 'pausedByProctor' | 'serverNow'>,
): AttemptHold => ({
  suspended: clock.status === 'suspended',
  pausedByProctor: clock.pausedByProctor,
  clockStopped: clock.pausedAt !== null,
  serverNow: clock.serverNow,
});

export function newerHold(current: AttemptHold | null, next: AttemptHold): AttemptHold {
  if (current && Date.parse(next.serverNow) < Date.parse(current.serverNow)) return current;
  return next;
}
