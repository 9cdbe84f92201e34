import { type AdalSocket, useOnConnect, useSocket } from '@adal/shared/web';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const WATCH_TIMEOUT_MS = 10_000;

export interface SittingWatch {
  socket: AdalSocket | null;
  /** Connected, and the server has acknowledged the watch on this connection. */
  live: boolean;
}

/**
 * Joins the sitting's watchers (`sitting:watch`) on every connection: rooms do not survive a
 * reconnect, so after one the page also catches up on what it missed (`onReconnect`).
 */
export function useSittingWatch(sittingId: string, onReconnect: () => void): SittingWatch {
  const { socket, connected } = useSocket(true);
  const [watched, setWatched] = useState<{ socket: AdalSocket; sittingId: string } | null>(null);
  const latestReconnect = useRef(onReconnect);
  useLayoutEffect(() => {
    latestReconnect.current = onReconnect;
  });

  useOnConnect(socket, (connection, isReconnect) => {
    setWatched(null);
    connection.timeout(WATCH_TIMEOUT_MS).emit('sitting:watch', { sittingId }, (timeoutError, ack) => {
      if (timeoutError || !ack.ok) {
        console.warn(`sitting:watch ${sittingId} failed`, timeoutError ?? ack);
        return;
      }
      setWatched({ socket: connection, sittingId });
    });
    if (isReconnect) latestReconnect.current();
  });

  useEffect(() => {
    if (!socket) return;
    return () => {
      if (socket.connected) socket.emit('sitting:unwatch', { sittingId }, () => undefined);
    };
  }, [socket, sittingId]);

  return { socket, live: connected && watched?.socket === socket && watched.sittingId === sittingId };
}
