import type { ProctoringOverview, ProctoringRow } from '@adal/shared';
import {
  type AdalSocket,
  clockOffset,
  isApiError,
  type Resource,
  useAuth,
  useResource,
  useServerEvent,
  useSocket,
} from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyHandedOver, keepUnchanged, replaceRow } from './overview-rows.js';
import { createRefreshThrottle, type RefreshThrottle } from './refresh-throttle.js';

/** At most two refetches a second, however many events arrive (the first one at once). */
export const OVERVIEW_REFRESH_MS = 500;
const WATCH_TIMEOUT_MS = 10_000;

/** The overview with how far the server's clock is ahead of this one (for running durations). */
export interface LiveOverview extends ProctoringOverview {
  offset: number;
}

export interface ProctoringOverviewState {
  overview: Resource<LiveOverview>;
  /** The socket is connected and the server watches the sitting for us. */
  live: boolean;
  /** The last background refresh failed (the table shows the data from before). */
  refreshFailed: boolean;
  /** A row the server answered with (hand-over): shown at once. */
  applyRow(row: ProctoringRow): void;
  /** The page's one connection, for more of the sitting's events (identity checks). */
  socket: AdalSocket | null;
}

/**
 * A sitting's proctoring overview, loaded and kept current: every event that can change a row
 * (log entries, flags, attempts, admissions, media, hand-overs) makes it refetch, throttled.
 */
export function useProctoringOverview(sittingId: string): ProctoringOverviewState {
  const { callApi, sessionEnded } = useAuth();
  const overview = useResource(
    async (signal) => {
      const sentAt = Date.now();
      const data = await callApi('proctoringOverview', { params: { sittingId }, signal });
      return { ...data, offset: clockOffset(data.serverNow, Date.now(), sentAt) };
    },
    [callApi, sittingId],
  );
  const { update } = overview;
  const [refreshFailed, setRefreshFailed] = useState(false);
  const throttle = useRef<RefreshThrottle | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const refresher = createRefreshThrottle(async () => {
      const sentAt = Date.now();
      try {
        const data = await callApi('proctoringOverview', {
          params: { sittingId },
          signal: controller.signal,
        });
        const fresh = { ...data, offset: clockOffset(data.serverNow, Date.now(), sentAt) };
        // A reload may have answered meanwhile: never replace newer data with older.
        update((current) =>
          Date.parse(current.serverNow) > Date.parse(fresh.serverNow)
            ? current
            : keepUnchanged(current, fresh),
        );
        setRefreshFailed(false);
      } catch (error: unknown) {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
        else setRefreshFailed(true);
        throw error;
      }
    }, OVERVIEW_REFRESH_MS);
    throttle.current = refresher;
    return () => {
      refresher.dispose();
      controller.abort();
      if (throttle.current === refresher) throttle.current = null;
    };
  }, [callApi, sittingId, update, sessionEnded]);

  const { socket, connected } = useSocket(true);
  const [watched, setWatched] = useState<string | null>(null);
  const hadConnection = useRef(false);

  // Rooms belong to a connection: watch again after every reconnect and catch up on what was missed.
  useEffect(() => {
    if (!socket || !connected) return;
    let cancelled = false;
    if (hadConnection.current) throttle.current?.trigger();
    hadConnection.current = true;
    socket.timeout(WATCH_TIMEOUT_MS).emit('sitting:watch', { sittingId }, (timeoutError, ack) => {
      if (cancelled) return;
      if (timeoutError || !ack.ok) {
        console.warn(`sitting:watch ${sittingId} failed`, timeoutError ?? ack);
        return;
      }
      setWatched(sittingId);
    });
    return () => {
      cancelled = true;
      setWatched(null);
      if (socket.connected) socket.emit('sitting:unwatch', { sittingId }, () => undefined);
    };
  }, [socket, connected, sittingId]);

  const changed = (event: { sittingId: string }) => {
    if (event.sittingId === sittingId) throttle.current?.trigger();
  };
  useServerEvent(socket, 'log:appended', changed);
  useServerEvent(socket, 'flag:episode', changed);
  useServerEvent(socket, 'attempt:changed', changed);
  useServerEvent(socket, 'admission:changed', changed);
  useServerEvent(socket, 'media:sourceChanged', changed);
  useServerEvent(socket, 'student:handedOver', (event) => {
    if (event.sittingId !== sittingId) return;
    update((current) => applyHandedOver(current, event));
    changed(event);
  });

  const applyRow = useCallback(
    (row: ProctoringRow) => update((current) => replaceRow(current, row)),
    [update],
  );
  return { overview, live: connected && watched === sittingId, refreshFailed, applyRow, socket };
}
