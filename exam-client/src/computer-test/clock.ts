import type { AttemptClock, AttemptStatus } from '@adal/shared';
import { clockOffset, type SkewedDeadline } from '@adal/shared/web';

/**
 * The countdown of a computer test. The deadline lives on the server; this page only displays
 * it, corrected for the difference between the student's clock and the server's (the maths is in
 * @adal/shared/web: clockOffset, timeLeftMs, formatTimeLeft).
 */

/** What the countdown needs: the attempt's clock and this computer's offset from the server. */
export interface CountdownClock extends SkewedDeadline {
  status: AttemptStatus;
  /** The server's clock when it sent this. */
  serverNow: string;
}

export function countdownClock(clock: AttemptClock, receivedAt: number, sentAt?: number): CountdownClock {
  return {
    status: clock.status,
    deadlineAt: clock.deadlineAt,
    pausedAt: clock.pausedAt,
    serverNow: clock.serverNow,
    offset: clockOffset(clock.serverNow, receivedAt, sentAt),
  };
}

/** Answers may be saved: in progress, not paused, time not up. */
export const isOpenStatus = (status: AttemptStatus) => status === 'in_progress' || status === 'suspended';

/** Closed for good: the result page takes over. */
export const isClosedStatus = (status: AttemptStatus) => !isOpenStatus(status);

/**
 * Applies a newer clock (an `attempt:changed` event or a reloaded attempt). Events can overtake
 * each other on a reconnect; a clock whose server stamp is older than the one shown is ignored.
 */
export function newerClock(current: CountdownClock | null, next: CountdownClock): CountdownClock {
  if (current && Date.parse(next.serverNow) < Date.parse(current.serverNow)) return current;
  return next;
}
