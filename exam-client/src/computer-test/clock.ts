import type { AttemptClock, AttemptStatus } from '@adal/shared';

/**
 * The countdown of a computer test. The deadline lives on the server; this page only displays
 * it, corrected for the difference between the student's clock and the server's.
 */

/**
 * How far the server's clock is ahead of this computer's (ms), from one message stamped with
 * `serverNow`. When the request's send time is known, the stamp is compared with the midpoint of
 * the round trip (the NTP estimate); otherwise with the moment the message arrived.
 */
export function clockOffset(serverNow: string, receivedAt: number, sentAt?: number): number {
  const local = sentAt === undefined ? receivedAt : (sentAt + receivedAt) / 2;
  return Date.parse(serverNow) - local;
}

/** What the countdown needs: the attempt's clock and this computer's offset from the server. */
export interface CountdownClock {
  status: AttemptStatus;
  deadlineAt: string;
  pausedAt: string | null;
  /** The server's clock when it sent this. */
  serverNow: string;
  /** serverNow − local time at receipt (ms). */
  offset: number;
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

/**
 * Milliseconds left, never below zero. While paused the time stands still at what was left when
 * the proctor paused (on resume the server moves the deadline by the paused time).
 */
export function timeLeftMs(
  clock: Pick<CountdownClock, 'deadlineAt' | 'pausedAt' | 'offset'>,
  localNow: number,
): number {
  const deadline = Date.parse(clock.deadlineAt);
  const now = clock.pausedAt ? Date.parse(clock.pausedAt) : localNow + clock.offset;
  return Math.max(0, deadline - now);
}

/**
 * "00:39:56". Seconds are rounded up, so 00:00:00 shows only when the time is really up and the
 * first second after the start still shows the whole duration.
 */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
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
