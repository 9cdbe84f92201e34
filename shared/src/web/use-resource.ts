import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-client.js';
import { useAuth } from './auth.js';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

export interface Resource<T> {
  state: ResourceState<T>;
  reload(): void;
  /** Changes the loaded data in place (live events, results of a command). */
  update(change: (data: T) => T): void;
}

/**
 * Loads data for a screen. A 401 means the session ended meanwhile: the app goes back to the
 * login form instead of showing an error.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const { sessionEnded } = useAuth();
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Like useEffect, the caller's deps say when `load` has changed and the data must be loaded again.
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    void attempt; // reload() bumps it
    const controller = new AbortController();
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    stableLoad(controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError('internal', String(error), 0, [], error);
        if (apiError.code === 'unauthenticated') sessionEnded();
        else setState({ status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [stableLoad, attempt, sessionEnded]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) =>
        previous.status === 'ready' ? { status: 'ready', data: change(previous.data) } : previous,
      ),
    [],
  );
  return { state, reload, update };
}
