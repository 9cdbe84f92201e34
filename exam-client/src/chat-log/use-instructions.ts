import type { LogEntry } from '@adal/shared';
import { useCallback, useMemo, useState } from 'react';
import { type Instructions, instructionsOf } from './instructions.js';
import { readAcknowledged, tabStorage, withAcknowledged } from './warning-acks.js';

/** The instructions in force for this sitting, and the OK on a warning (remembered for the tab). */
export function useInstructions(
  sittingId: string,
  entries: readonly LogEntry[],
): Instructions & { acknowledge(seq: number): void } {
  const [acked, setAcked] = useState(() => ({ sittingId, seqs: readAcknowledged(tabStorage(), sittingId) }));
  const seqs = acked.sittingId === sittingId ? acked.seqs : readAcknowledged(tabStorage(), sittingId);
  const acknowledge = useCallback(
    (seq: number) =>
      setAcked((a) => {
        const base = a.sittingId === sittingId ? a.seqs : readAcknowledged(tabStorage(), sittingId);
        return { sittingId, seqs: withAcknowledged(tabStorage(), sittingId, base, seq) };
      }),
    [sittingId],
  );
  const instructions = useMemo(() => instructionsOf(entries, seqs), [entries, seqs]);
  return { ...instructions, acknowledge };
}
