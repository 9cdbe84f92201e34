/**
 * Written exams: results are due by `publishBy` (the sitting's end + resultsWithinHours). What the
 * page shows about it at a moment: time left, overdue while grades wait, or done.
 */
export type DeadlineView =
  | { state: 'none' }
  | { state: 'open'; msLeft: number }
  | { state: 'overdue'; msOver: number }
  /** Past the deadline, but nothing recorded is waiting: not an alarm. */
  | { state: 'passed' };

export function deadlineView(publishBy: string | null, unpublished: number, now: number): DeadlineView {
  if (publishBy === null) return { state: 'none' };
  const ms = Date.parse(publishBy) - now;
  if (ms > 0) return { state: 'open', msLeft: ms };
  return unpublished > 0 ? { state: 'overdue', msOver: Math.abs(ms) } : { state: 'passed' };
}

/** A duration in whole minutes (rounded up, so "0 min" never shows while time is left). */
export type DurationParts =
  | { unit: 'days'; days: number; hours: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'minutes'; minutes: number };

export function durationParts(ms: number): DurationParts {
  const minutesTotal = Math.max(0, Math.ceil(ms / 60_000));
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  if (days > 0) return { unit: 'days', days, hours };
  if (hours > 0) return { unit: 'hours', hours, minutes };
  return { unit: 'minutes', minutes };
}
