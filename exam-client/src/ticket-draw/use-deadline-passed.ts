import { timeLeftMs } from '@adal/shared/web';
import { useEffect, useState } from 'react';
import type { CountdownClock } from '../computer-test/clock.js';

/**
 * True once the corrected clock reaches the deadline. The server closes the writing time at its
 * deadline and says so (`attempt:changed`); until then the page waits and asks again.
 */
export function useDeadlinePassed(clock: CountdownClock | null, stopped: boolean): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    if (!clock || stopped) {
      setPassed(false);
      return;
    }
    const left = timeLeftMs(clock, Date.now());
    setPassed(left <= 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setPassed(true), left);
    return () => clearTimeout(timer);
  }, [clock, stopped]);
  return passed;
}
