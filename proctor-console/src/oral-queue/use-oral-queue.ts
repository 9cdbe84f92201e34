import type { OralQueueView } from '@adal/shared';
import { type Resource, useAuth, useResource, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useState } from 'react';
import { useSittingWatch } from '../ticket-draw/use-sitting-watch.js';

/** Draws are not pushed as queue changes: look again now and then while students draw. */
const POLL_MS = 15_000;

export interface OralQueueState {
  queue: Resource<OralQueueView>;
  live: boolean;
  /** Local time minus the server's, from the last answer (timers follow the server's clock). */
  skewMs: number;
  callNext(): Promise<void>;
  calling: boolean;
  callError: unknown;
}

export function useOralQueue(sittingId: string): OralQueueState {
  const { callApi } = useAuth();
  const queue = useResource(
    (signal) => callApi('oralQueue', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { reload, update } = queue;
  const { socket, live } = useSittingWatch(sittingId, reload);
  useServerEvent(socket, 'oral:queueChanged', (e) => {
    if (e.sittingId === sittingId) reload();
  });
  useServerEvent(socket, 'log:appended', (e) => {
    if (e.sittingId === sittingId && e.entry.type === 'ticket_drawn') reload();
  });
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const [calling, setCalling] = useState(false);
  const [callError, setCallError] = useState<unknown>(null);
  const callNext = useCallback(async () => {
    setCalling(true);
    setCallError(null);
    try {
      const fresh = await callApi('callNextStudent', { params: { sittingId }, body: {} });
      update(() => fresh);
    } catch (error) {
      setCallError(error);
    } finally {
      setCalling(false);
    }
  }, [callApi, sittingId, update]);

  // Measured when an answer arrives, not on every render (the difference must not grow with time).
  const serverNow = queue.state.status === 'ready' ? queue.state.data.serverNow : null;
  const [skewMs, setSkewMs] = useState(0);
  useEffect(() => {
    if (serverNow) setSkewMs(Date.now() - Date.parse(serverNow));
  }, [serverNow]);
  return { queue, live, skewMs, callNext, calling, callError };
}
