/**
 * Countdowns against the server's clock. Deadlines live on the server; a page only displays them,
 * corrected for the difference between this computer's clock and the server's.
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

/** What the time left needs: the deadline, when it was paused (if it is), and the clock offset. */
export interface SkewedDeadline {
  deadlineAt: string;
  pausedAt: string | null;
  /** serverNow − local time at receipt (ms), see clockOffset. */
  offset: number;
}

/**
 * Milliseconds left, never below zero. While paused the time stands still at what was left when
 * the proctor paused (on resume the server moves the deadline by the paused time).
 */
export function timeLeftMs(clock: SkewedDeadline, localNow: number): number {
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
