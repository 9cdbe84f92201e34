import { type AdalSocket, useOnConnect } from '@adal/shared/web';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type AnswerSnapshot, AnswerSync } from './answer-sync.js';
import { outboxStore, socketTransport } from './socket-transport.js';

const EMPTY: AnswerSnapshot = { answers: new Map(), pending: 0, storageOk: true };
const noSubscription = () => () => {};

/**
 * The attempt's answers and their way to the server. Pending saves are sent again on every
 * (re)connection of the socket; `onServerChanged` asks the page to load the attempt again.
 */
export function useAnswerSync(attemptId: string, socket: AdalSocket | null, onServerChanged: () => void) {
  const socketRef = useRef(socket);
  const changed = useRef(onServerChanged);
  useLayoutEffect(() => {
    socketRef.current = socket;
    changed.current = onServerChanged;
  });
  const [sync, setSync] = useState<AnswerSync | null>(null);

  useEffect(() => {
    const created = new AnswerSync(
      attemptId,
      outboxStore(),
      socketTransport(() => socketRef.current),
      { onServerChanged: () => changed.current() },
    );
    setSync(created);
    return () => {
      created.dispose();
      setSync(null);
    };
  }, [attemptId]);

  useOnConnect(socket, () => void sync?.flush());

  const snapshot = useSyncExternalStore(
    sync?.subscribe ?? noSubscription,
    sync?.getSnapshot ?? (() => EMPTY),
  );
  return { sync, snapshot };
}
