import type { AttemptClock } from '@adal/shared';
import { type ResourceState, useAuth, useOnConnect, useResource, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect } from 'react';
import { applyAttemptChanged, fromList, type ShownAttempt, withClock } from './attempt-rows.js';
import { useAttemptsSocket } from './attempts-live.js';

const WATCH_TIMEOUT_MS = 10_000;
/**
 * `attempt:changed` carries clocks and statuses only: how many questions each student has
 * answered, and attempts just started, arrive with the list, loaded again this often.
 */
export const ATTEMPTS_REFRESH_MS = 15_000;

export interface SittingAttempts {
  state: ResourceState<ShownAttempt[]>;
  reload(): void;
  /** The answer to Pause or Resume, shown at once (the event follows). */
  applyClock(attemptId: string, clock: AttemptClock): void;
}

/** A computer test's attempts for its proctor: loaded, refreshed, and kept live while `enabled`. */
export function useSittingAttempts(sittingId: string, enabled: boolean): SittingAttempts {
  const { callApi } = useAuth();
  const attempts = useResource(
    async (signal) => {
      if (!enabled) return [];
      const sentAt = Date.now();
      const list = await callApi('sittingAttempts', { params: { sittingId }, signal });
      return fromList(list, Date.now(), sentAt);
    },
    [callApi, sittingId, enabled],
  );
  const { state, reload, update } = attempts;
  const { socket } = useAttemptsSocket(enabled);

  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, ATTEMPTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, reload]);

  // Rooms belong to a connection: watch the sitting again after every reconnect, and catch up.
  useOnConnect(socket, (connection, isReconnect) => {
    connection.timeout(WATCH_TIMEOUT_MS).emit('sitting:watch', { sittingId }, (timeoutError, ack) => {
      if (timeoutError || !ack.ok) console.warn(`sitting:watch ${sittingId} failed`, timeoutError ?? ack);
    });
    if (isReconnect) reload();
  });

  useServerEvent(socket, 'attempt:changed', (event) => {
    if (event.sittingId !== sittingId || state.status !== 'ready') return;
    const receivedAt = Date.now();
    const needsReload = applyAttemptChanged(state.data, event, receivedAt).reload;
    update((list) => applyAttemptChanged(list, event, receivedAt).attempts);
    if (needsReload) reload();
  });

  const applyClock = useCallback(
    (attemptId: string, clock: AttemptClock) =>
      update((list) => withClock(list, attemptId, clock, Date.now())),
    [update],
  );
  return { state, reload, applyClock };
}
