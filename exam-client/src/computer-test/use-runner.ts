import { timeLeftMs, useOnConnect, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isClosedStatus } from './clock.js';
import { useTestFlow } from './flow-context.js';
import { useAnswerSync } from './use-answer-sync.js';
import { useAttempt } from './use-attempt.js';
import { useConnectionNudges } from './use-connection.js';

/** While time is up but the server has not closed the attempt yet (its deadline job), ask this often. */
const CLOSE_POLL_MS = 2000;
/** A refused save asks for the attempt again, at most this often. */
const RELOAD_THROTTLE_MS = 2000;
/** A page that never connected shows the connection banner after this long. */
const FIRST_CONNECT_GRACE_MS = 3000;

/**
 * Everything the test page runs on: the attempt and its clock from the server, the answers on
 * their way to it, the connection, pause, time up and closing.
 */
export function useRunner(attemptId: string) {
  const { socket, live } = useTestFlow();
  const attempt = useAttempt(attemptId);
  const { view, clock, reload } = attempt;

  const lastReload = useRef(0);
  const reloadSoon = useCallback(() => {
    if (Date.now() - lastReload.current < RELOAD_THROTTLE_MS) return;
    lastReload.current = Date.now();
    void reload();
  }, [reload]);
  const { sync, snapshot } = useAnswerSync(attemptId, socket, reloadSoon);
  const retry = useConnectionNudges(socket);

  // The first load lays the outbox over the server's answers; later loads reconcile with them.
  const [loaded, setLoaded] = useState(false);
  const loadedSync = useRef<typeof sync>(null);
  useEffect(() => {
    if (!sync || !view) return;
    if (loadedSync.current === sync) {
      sync.reconcile(view.answers);
      return;
    }
    loadedSync.current = sync;
    setLoaded(false);
    void sync.load(view.answers).then(() => {
      setLoaded(true);
      return sync.flush();
    });
  }, [sync, view]);

  useServerEvent(socket, 'attempt:changed', attempt.applyChange);
  // Pause, resume or closing while disconnected never arrive as events: ask again on reconnect.
  const [everConnected, setEverConnected] = useState(false);
  useOnConnect(socket, (_socket, isReconnect) => {
    setEverConnected(true);
    if (isReconnect) void reload();
  });
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);

  const closed = clock ? isClosedStatus(clock.status) : false;
  const paused = Boolean(clock && !closed && (clock.pausedAt || clock.status === 'suspended'));
  const timeUp = useTimeUp(clock, paused || closed);
  const accepting = Boolean(clock) && !closed && !paused && !timeUp;
  useEffect(() => sync?.setAccepting(accepting), [sync, accepting]);

  // Time is up here: the server closes the attempt at its deadline; until then, ask again.
  useEffect(() => {
    if (!timeUp || closed) return;
    const timer = setInterval(() => void reload(), CLOSE_POLL_MS);
    return () => clearInterval(timer);
  }, [timeUp, closed, reload]);
  // Closed: nothing more can be saved, so nothing is kept for this attempt.
  useEffect(() => {
    if (closed) void sync?.discard();
  }, [closed, sync]);

  return {
    view,
    clock,
    error: attempt.error,
    reload,
    sync,
    snapshot,
    loaded,
    live,
    connectionLost: !live && (everConnected || graceOver),
    retry: () => {
      retry();
      void reload();
      void sync?.flush();
    },
    paused,
    timeUp: timeUp || clock?.status === 'timed_out' || clock?.status === 'voided',
    closed,
    accepting,
  };
}

/** True once the corrected clock reaches the deadline (a paused or closed test never times out here). */
function useTimeUp(clock: ReturnType<typeof useAttempt>['clock'], stopped: boolean): boolean {
  const [timeUp, setTimeUp] = useState(false);
  useEffect(() => {
    if (!clock || stopped) {
      setTimeUp(false);
      return;
    }
    const left = timeLeftMs(clock, Date.now());
    setTimeUp(left <= 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setTimeUp(true), left);
    return () => clearTimeout(timer);
  }, [clock, stopped]);
  return timeUp;
}
