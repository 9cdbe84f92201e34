import type { AppealPage } from '@adal/shared';
import { clockOffset, timeLeftMs } from '@adal/shared/web';

/**
 * The appeal window's countdown. The window's end lives on the server; the page corrects for the
 * difference between the student's clock and the server's, like the test's own countdown.
 */
export interface AppealWindow {
  /** When filing closes; null when this test cannot be appealed. */
  endsAt: string | null;
  /** serverNow − local time at receipt (ms). */
  offset: number;
}

export function appealWindow(
  page: Pick<AppealPage, 'windowEndsAt' | 'serverNow'>,
  receivedAt: number,
  sentAt?: number,
): AppealWindow {
  return { endsAt: page.windowEndsAt, offset: clockOffset(page.serverNow, receivedAt, sentAt) };
}

/** Milliseconds left to file, never below zero (zero when there is no window). */
export function appealMsLeft(window: AppealWindow, localNow: number): number {
  if (window.endsAt === null) return 0;
  return timeLeftMs({ deadlineAt: window.endsAt, pausedAt: null, offset: window.offset }, localNow);
}

export const isWindowOpen = (window: AppealWindow, localNow: number): boolean =>
  appealMsLeft(window, localNow) > 0;
