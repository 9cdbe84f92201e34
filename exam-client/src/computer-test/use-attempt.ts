import type { AttemptChanged, AttemptView } from '@adal/shared';
import { type ApiError, isApiError, useAuth } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type CountdownClock, countdownClock, newerClock } from './clock.js';

export interface AttemptState {
  view: AttemptView | null;
  clock: CountdownClock | null;
  error: ApiError | null;
}

/**
 * The attempt as the server has it: the paper, the saved answers and the clock. The clock is
 * replaced by newer ones from `attempt:changed`; `reload` asks the server again (after a
 * reconnect, when a save was refused, while waiting for the attempt to close).
 */
export function useAttempt(attemptId: string) {
  const { callApi, sessionEnded } = useAuth();
  const [state, setState] = useState<AttemptState>({ view: null, clock: null, error: null });
  const inFlight = useRef<Promise<AttemptView | null> | null>(null);

  const reload = useCallback((): Promise<AttemptView | null> => {
    inFlight.current ??= (async () => {
      const sentAt = Date.now();
      try {
        const view = await callApi('getAttempt', { params: { attemptId } });
        const clock = countdownClock(view, Date.now(), sentAt);
        setState((s) => ({ view, clock: newerClock(s.clock, clock), error: null }));
        return view;
      } catch (error) {
        if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
        else setState((s) => ({ ...s, error: isApiError(error) ? error : null }));
        return null;
      } finally {
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, [callApi, attemptId, sessionEnded]);

  useEffect(() => {
    setState({ view: null, clock: null, error: null });
    void reload();
  }, [reload]);

  const applyChange = useCallback(
    (event: AttemptChanged) => {
      if (event.attemptId !== attemptId) return;
      const clock = countdownClock(event, Date.now());
      setState((s) => ({ ...s, clock: newerClock(s.clock, clock) }));
    },
    [attemptId],
  );

  return { ...state, reload, applyChange };
}
