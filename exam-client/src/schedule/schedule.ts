import type { AdmissionChanged, ScheduleEntry } from '@adal/shared';
import { testPaths } from '../computer-test/paths.js';

/** Where the schedule's link leads: a computer test opens its pre-checks, other exams their sitting page. */
export const entryPath = (entry: Pick<ScheduleEntry, 'sittingId' | 'kind'>): string =>
  entry.kind === 'computer_test' ? testPaths.start(entry.sittingId) : `/sittings/${entry.sittingId}`;

/** Earliest first; the server's order is not part of the contract. */
export const byStart = (entries: readonly ScheduleEntry[]): ScheduleEntry[] =>
  [...entries].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

/**
 * The schedule after a live `admission:changed`. Events about another student or a sitting not
 * on this schedule leave it as it is (same array, so React skips the render).
 */
export function applyAdmission(
  entries: ScheduleEntry[],
  event: AdmissionChanged,
  studentId: string,
): ScheduleEntry[] {
  if (event.studentId !== studentId) return entries;
  const index = entries.findIndex((entry) => entry.sittingId === event.sittingId);
  const current = entries[index];
  if (!current) return entries;
  const next = [...entries];
  next[index] = { ...current, access: event.access, admittedAt: event.admittedAt };
  return next;
}
