import type { StaffRef } from '@adal/shared';

/**
 * Splits a sitting's students between its proctors in contiguous blocks of the roster's order
 * (so each proctor has neighbours on the list, as on a paper list), then applies hand-overs to
 * proctors still on the sitting.
 */
export function splitRoster(
  studentIds: readonly string[],
  proctors: readonly StaffRef[],
  handedOver: ReadonlyMap<string, string>,
): Map<string, StaffRef | null> {
  const byId = new Map(proctors.map((p) => [p.id, p]));
  const out = new Map<string, StaffRef | null>();
  studentIds.forEach((studentId, i) => {
    const chosen = byId.get(handedOver.get(studentId) ?? '');
    const share = proctors[Math.floor((i * proctors.length) / Math.max(1, studentIds.length))];
    out.set(studentId, chosen ?? share ?? null);
  });
  return out;
}
