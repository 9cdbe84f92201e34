import type { AdalSocket } from '@adal/shared/web';
import { useCallback, useEffect } from 'react';

/**
 * socket.io notices a dead network only when a heartbeat is missed (up to a minute). The browser
 * knows at once: when it goes offline the connection is dropped, so answers queue on this
 * computer and the banner shows; when it is back, reconnecting starts without waiting for the
 * back-off. `retry` is the banner's button: try to connect now.
 */
export function useConnectionNudges(socket: AdalSocket | null) {
  useEffect(() => {
    if (!socket) return;
    const offline = () => {
      if (socket.connected) socket.io.engine?.close();
    };
    const online = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [socket]);

  return useCallback(() => {
    if (!socket || socket.connected) return;
    // Leaves the back-off wait: a fresh connection attempt now (reconnecting goes on if it fails).
    socket.disconnect().connect();
  }, [socket]);
}
