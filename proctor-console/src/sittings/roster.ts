import type { AdmissionChanged, Role, RosterEntry, SittingWithRoster } from '@adal/shared';

/** Chairs, members and the dean's office only view; the rule itself lives in shared. */
export { canSetAdmission } from '@adal/shared';

/** Who may watch live media (the server's media-token route decides; the dean's office may not). */
export const canWatchLive = (role: Role): boolean => role !== 'registrar' && role !== 'student';

export const byStart = (sittings: readonly SittingWithRoster[]): SittingWithRoster[] =>
  [...sittings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

/** Replaces one student's row on one sitting; unknown sittings or students leave the list as it is. */
export function replaceRosterEntry(
  sittings: SittingWithRoster[],
  sittingId: string,
  entry: RosterEntry,
): SittingWithRoster[] {
  const sittingIndex = sittings.findIndex((s) => s.sittingId === sittingId);
  const sitting = sittings[sittingIndex];
  if (!sitting) return sittings;
  const studentIndex = sitting.students.findIndex((s) => s.studentId === entry.studentId);
  if (studentIndex < 0) return sittings;
  const students = [...sitting.students];
  students[studentIndex] = entry;
  const next = [...sittings];
  next[sittingIndex] = { ...sitting, students };
  return next;
}

/** The list after a live `admission:changed` from another proctor, the secretary, or this one. */
export function applyAdmission(sittings: SittingWithRoster[], event: AdmissionChanged): SittingWithRoster[] {
  const sitting = sittings.find((s) => s.sittingId === event.sittingId);
  const student = sitting?.students.find((s) => s.studentId === event.studentId);
  if (!student) return sittings;
  return replaceRosterEntry(sittings, event.sittingId, {
    ...student,
    access: event.access,
    admittedAt: event.admittedAt,
  });
}

export const admittedCount = (sitting: SittingWithRoster): number =>
  sitting.students.filter((s) => s.access === 'green').length;
