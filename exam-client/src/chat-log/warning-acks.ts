/**
 * Which proctor warnings the student has pressed OK on, per sitting, for this browser tab
 * (sessionStorage): a reload does not bring an acknowledged warning back, a new tab shows it once.
 */

export type AckStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const ackKey = (sittingId: string) => `adal.warnings-acknowledged.${sittingId}`;

export function readAcknowledged(storage: AckStorage | null, sittingId: string): Set<number> {
  const raw = storage?.getItem(ackKey(sittingId));
  if (!raw) return new Set();
  try {
    const seqs: unknown = JSON.parse(raw);
    return new Set(Array.isArray(seqs) ? seqs.filter((s): s is number => Number.isInteger(s)) : []);
  } catch {
    // Not ours or damaged: start afresh; at worst a warning shows once more.
    return new Set();
  }
}

export function withAcknowledged(
  storage: AckStorage | null,
  sittingId: string,
  acknowledged: ReadonlySet<number>,
  seq: number,
): Set<number> {
  const next = new Set(acknowledged).add(seq);
  storage?.setItem(ackKey(sittingId), JSON.stringify([...next]));
  return next;
}

/** The tab's sessionStorage, or null where the browser blocks it (the acknowledgement then lasts until reload). */
export function tabStorage(): AckStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
