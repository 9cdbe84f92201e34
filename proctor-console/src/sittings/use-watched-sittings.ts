import type { SittingWithRoster } from '@adal/shared';
import { type Resource, useOnConnect, useServerEvent, useSocket } from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { applyAdmission } from './roster.js';

const WATCH_TIMEOUT_MS = 10_000;

type WatchState = { key: string; status: 'pending' | 'watching' | 'failed' };

/**
 * Keeps the listed sittings live: `sitting:watch` for each on every connection (rooms do not
 * survive a reconnect), `admission:changed` applied to the rows, a reload after a reconnect.
 * Returns true once the server has acknowledged every watch on the current connection.
 */
export function useWatchedSittings(sittings: Resource<SittingWithRoster[]>): boolean {
  const { socket, connected } = useSocket(true);
  const [watch, setWatch] = useState<WatchState>({ key: '', status: 'pending' });
  const ids = sittings.state.status === 'ready' ? sittings.state.data.map((s) => s.sittingId) : [];
  const idsKey = ids.join(',');

  useServerEvent(socket, 'admission:changed', (event) =>
    sittings.update((list) => applyAdmission(list, event)),
  );
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) sittings.reload();
  });

  useEffect(() => {
    if (!socket || !connected || !idsKey) return;
    let cancelled = false;
    const sittingIds = idsKey.split(',');
    let acknowledged = 0;
    setWatch({ key: idsKey, status: 'pending' });
    for (const sittingId of sittingIds) {
      socket.timeout(WATCH_TIMEOUT_MS).emit('sitting:watch', { sittingId }, (timeoutError, ack) => {
        if (cancelled) return;
        if (timeoutError || !ack.ok) {
          console.warn(`sitting:watch ${sittingId} failed`, timeoutError ?? ack);
          setWatch({ key: idsKey, status: 'failed' });
          return;
        }
        acknowledged += 1;
        if (acknowledged === sittingIds.length) {
          setWatch((current) =>
            current.status === 'failed' ? current : { key: idsKey, status: 'watching' },
          );
        }
      });
    }
    return () => {
      cancelled = true;
    };
  }, [socket, connected, idsKey]);

  // With no sittings there is nothing to watch: being connected is all there is to "live".
  if (!idsKey) return connected;
  return connected && watch.key === idsKey && watch.status === 'watching';
}
