import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  serverEventSchemas,
} from '../socket/events.js';

export type AdalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** Inbound payloads are parsed (serverEventSchemas) before any screen sees them. */
export { serverEventSchemas };

export interface SocketState {
  socket: AdalSocket | null;
  connected: boolean;
}

/**
 * One socket.io connection to the page's own origin while `enabled` (i.e. signed in). The session
 * cookie authenticates it; it is closed when the user signs out or the screen unmounts.
 */
export function useSocket(enabled: boolean, path = '/socket.io'): SocketState {
  const [state, setState] = useState<SocketState>({ socket: null, connected: false });

  useEffect(() => {
    if (!enabled) return;
    const socket: AdalSocket = io({ path, withCredentials: true });
    const update = () => setState({ socket, connected: socket.connected });
    socket.on('connect', update);
    socket.on('disconnect', update);
    socket.on('connect_error', (error) => {
      console.warn('live updates: connection failed', error.message);
      update();
    });
    update();
    return () => {
      socket.off();
      socket.disconnect();
      setState({ socket: null, connected: false });
    };
  }, [enabled, path]);

  return state;
}

/** Calls `handler` with each valid payload of a server event; invalid payloads are logged and dropped. */
export function useServerEvent<E extends ServerEventName>(
  socket: AdalSocket | null,
  event: E,
  handler: (payload: ServerEventPayload<E>) => void,
): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (!socket) return;
    // The map pairs each event with its schema; TypeScript cannot follow that through a generic E.
    const schema = serverEventSchemas[event] as unknown as z.ZodType<ServerEventPayload<E>>;
    const listener = (payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) latest.current(parsed.data);
      else console.warn(`dropped an invalid ${event} event`, parsed.error.issues);
    };
    // socket.io's typed `on` cannot relate a generic E to its listener type; the payload is parsed above.
    type Listener = (payload: unknown) => void;
    const untyped = socket as unknown as {
      on(e: string, l: Listener): void;
      off(e: string, l: Listener): void;
    };
    untyped.on(event, listener);
    return () => {
      untyped.off(event, listener);
    };
  }, [socket, event]);
}

/** Runs `onConnect` on every (re)connection: rooms are per connection, so watches must be renewed. */
export function useOnConnect(
  socket: AdalSocket | null,
  onConnect: (socket: AdalSocket, isReconnect: boolean) => void,
) {
  const latest = useRef(onConnect);
  useLayoutEffect(() => {
    latest.current = onConnect;
  });

  useEffect(() => {
    if (!socket) return;
    let connections = 0;
    const listener = () => {
      connections += 1;
      latest.current(socket, connections > 1);
    };
    socket.on('connect', listener);
    if (socket.connected) listener();
    return () => {
      socket.off('connect', listener);
    };
  }, [socket]);
}
