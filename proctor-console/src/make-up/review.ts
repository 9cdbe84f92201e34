import type { MakeUpApplicationView, Role } from '@adal/shared';

/** Who sees the make-up page (the server's REVIEWERS); a chair's seat then decides what they see. */
const REVIEWERS: readonly Role[] = ['registrar', 'commission_chair', 'admin'];
export const canReviewMakeUps = (role: Role): boolean => REVIEWERS.includes(role);

/** Pending first, oldest on top (as sent); decided ones after, the latest decision first. */
export function reviewOrder(list: readonly MakeUpApplicationView[]): {
  pending: MakeUpApplicationView[];
  decided: MakeUpApplicationView[];
} {
  const pending = list
    .filter((a) => a.status === 'pending')
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  const decided = list
    .filter((a) => a.status !== 'pending')
    .sort((a, b) => Date.parse(b.decidedAt ?? '') - Date.parse(a.decidedAt ?? ''));
  return { pending, decided };
}

export function replaceApplication(
  list: readonly MakeUpApplicationView[],
  next: MakeUpApplicationView,
): MakeUpApplicationView[] {
  return list.map((a) => (a.applicationId === next.applicationId ? next : a));
}

/** `yyyy-MM-ddTHH:mm` in the browser's time zone: the value and `min` of a datetime-local input. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type StartProblem = 'startsAtRequired' | 'startsAtPast';

/**
 * The make-up sitting's start from the datetime-local input (the reviewer's own time zone), as
 * the instant the server takes; or why it cannot be used.
 */
export function makeUpStart(value: string, now: Date): { startsAt: string } | { problem: StartProblem } {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return { problem: 'startsAtRequired' };
  const at = new Date(value); // no offset: local time, as the input shows it
  if (Number.isNaN(at.getTime())) return { problem: 'startsAtRequired' };
  if (at.getTime() <= now.getTime()) return { problem: 'startsAtPast' };
  return { startsAt: at.toISOString() };
}

/** Megabytes with one decimal (of 1024 × 1024 bytes, as the 5 MB limit), at least 0.1. */
export const sizeInMegabytes = (bytes: number) => Math.max(0.1, Math.ceil((bytes / (1024 * 1024)) * 10) / 10);
