import { type AdalSocket, useSocket } from '@adal/shared/web';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * One socket for the attempts of every computer test on the page, opened only while at least one
 * card shows attempts. (The sittings page keeps its own socket for admissions inside
 * useWatchedSittings and does not share it.)
 */
interface AttemptsLive {
  socket: AdalSocket | null;
  connected: boolean;
  /** A card starts showing attempts; the returned function stops it. */
  register(): () => void;
}

const AttemptsLiveContext = createContext<AttemptsLive | null>(null);

export function AttemptsLiveProvider({ children }: { children: ReactNode }) {
  const [users, setUsers] = useState(0);
  const { socket, connected } = useSocket(users > 0);
  const register = useCallback(() => {
    setUsers((n) => n + 1);
    return () => setUsers((n) => n - 1);
  }, []);
  const value = useMemo(() => ({ socket, connected, register }), [socket, connected, register]);
  return <AttemptsLiveContext.Provider value={value}>{children}</AttemptsLiveContext.Provider>;
}

/** The shared socket while `enabled` (null outside the provider or before it connects). */
export function useAttemptsSocket(enabled: boolean): { socket: AdalSocket | null; connected: boolean } {
  const live = useContext(AttemptsLiveContext);
  const register = live?.register;
  useEffect(() => {
    if (enabled && register) return register();
  }, [enabled, register]);
  if (!enabled || !live) return { socket: null, connected: false };
  return { socket: live.socket, connected: live.connected };
}
