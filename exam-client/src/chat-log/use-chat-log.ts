import type { FlagEpisode, LogEntry } from '@adal/shared';
import { type AdalSocket, ApiError, useAuth, useOnConnect, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyEpisode, isOwnEvent, mergeEntries } from './log-entries.js';

export interface ChatLog {
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  entries: readonly LogEntry[];
  /** Automatic flags going on right now ("now: no face — 12 s"). */
  ongoing: readonly FlagEpisode[];
  reload(): void;
  /** Sends a message to the proctor; throws ApiError when the server refuses it. */
  send(text: string): Promise<void>;
}

interface LogState {
  sittingId: string;
  status: ChatLog['status'];
  error: ApiError | null;
  entries: readonly LogEntry[];
  ongoing: readonly FlagEpisode[];
}

const initial = (sittingId: string): LogState => ({
  sittingId,
  status: 'loading',
  error: null,
  entries: [],
  ongoing: [],
});

const toApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError('internal', String(error), 0, [], error);

/**
 * The student's own Chat&log for a sitting: loaded with `myLog`, then kept current by
 * `log:appended` and `flag:episode`. Events missed while disconnected are fetched again on
 * reconnect; entries are merged by seq, so nothing shows twice.
 */
export function useChatLog(sittingId: string, socket: AdalSocket | null, enabled = true): ChatLog {
  const { callApi, user, sessionEnded } = useAuth();
  const studentId = user?.id;
  const [state, setState] = useState<LogState>(() => initial(sittingId));
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Whether live events were already arriving when the last load started. */
  const liveAtLoad = useRef(false);
  // Another sitting: start from nothing rather than show the last one's entries.
  const current = state.sittingId === sittingId ? state : initial(sittingId);

  useEffect(() => {
    void attempt; // reload() bumps it
    if (!enabled) return;
    liveAtLoad.current = Boolean(socket?.connected);
    const controller = new AbortController();
    callApi('myLog', { params: { sittingId }, signal: controller.signal }).then(
      (entries) =>
        setState((s) => {
          const base = s.sittingId === sittingId ? s : initial(sittingId);
          return { ...base, status: 'ready', error: null, entries: mergeEntries(base.entries, entries) };
        }),
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(cause);
        if (error.code === 'unauthenticated') return sessionEnded();
        // A failed refetch keeps the entries already shown; only a first load shows the error.
        setState((s) => ({ ...s, status: s.status === 'ready' ? 'ready' : 'error', error }));
      },
    );
    return () => controller.abort();
  }, [callApi, sittingId, enabled, attempt, sessionEnded]);

  useServerEvent(socket, 'log:appended', (event) => {
    if (!enabled || !isOwnEvent(event, sittingId, studentId)) return;
    setState((s) => {
      if (s.sittingId !== sittingId) return s;
      const entries = mergeEntries(s.entries, [event.entry]);
      return entries === s.entries ? s : { ...s, entries };
    });
  });
  useServerEvent(socket, 'flag:episode', (event) => {
    if (!enabled || !isOwnEvent(event, sittingId, studentId)) return;
    setState((s) =>
      s.sittingId === sittingId ? { ...s, ongoing: applyEpisode(s.ongoing, event.episode) } : s,
    );
  });
  // Entries appended while the socket was down (or not yet up when the log loaded) never arrive
  // as events: load the log again.
  useOnConnect(socket, (_socket, isReconnect) => {
    if (!enabled || (!isReconnect && liveAtLoad.current)) return;
    // Episodes that ended while we were away would stay "going on" forever; live ones are reported again.
    setState((s) => ({ ...s, ongoing: [] }));
    reload();
  });

  const send = useCallback(
    async (text: string) => {
      const entry = await callApi('messageProctor', { params: { sittingId }, body: { text } });
      setState((s) => (s.sittingId === sittingId ? { ...s, entries: mergeEntries(s.entries, [entry]) } : s));
    },
    [callApi, sittingId],
  );

  return {
    status: current.status,
    error: current.error,
    entries: current.entries,
    ongoing: current.ongoing,
    reload,
    send,
  };
}
