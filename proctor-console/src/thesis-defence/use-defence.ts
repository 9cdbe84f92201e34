import type { DefenceActionBody, DefenceScheduleView } from '@adal/shared';
import { type Resource, useAuth, useResource, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useState } from 'react';
import { useSittingWatch } from '../ticket-draw/use-sitting-watch.js';

/** A running defence that overruns moves the later slots with the clock: look again now and then. */
const POLL_MS = 30_000;

export interface DefenceState {
  schedule: Resource<DefenceScheduleView>;
  live: boolean;
  /** The server's clock minus this computer's (ms), from the last answer: timers follow the server. */
  offsetMs: number;
  act(studentId: string, body: DefenceActionBody): Promise<boolean>;
  ask(studentId: string, text: string): Promise<boolean>;
  busy: boolean;
  error: unknown;
}

/** The sitting's defence schedule, kept current by 'defence:changed' and admissions. */
export function useDefence(sittingId: string): DefenceState {
  const { callApi } = useAuth();
  const schedule = useResource(
    (signal) => callApi('defenceSchedule', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { reload, update } = schedule;
  const { socket, live } = useSittingWatch(sittingId, reload);
  useServerEvent(socket, 'defence:changed', (e) => {
    if (e.sittingId === sittingId) reload();
  });
  // Only admitted students can be started: the "next" follows the admissions.
  useServerEvent(socket, 'admission:changed', (e) => {
    if (e.sittingId === sittingId) reload();
  });
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const act = useCallback(
    (studentId: string, body: DefenceActionBody) =>
      run(async () => {
        const fresh = await callApi('defenceAction', { params: { sittingId, studentId }, body });
        update(() => fresh);
      }),
    [callApi, sittingId, update, run],
  );
  const ask = useCallback(
    (studentId: string, text: string) =>
      run(async () => {
        await callApi('askDefenceQuestion', { params: { sittingId, studentId }, body: { text } });
        reload();
      }),
    [callApi, sittingId, reload, run],
  );

  // Measured when an answer arrives, not on every render (the difference must not grow with time).
  const serverNow = schedule.state.status === 'ready' ? schedule.state.data.serverNow : null;
  const [offsetMs, setOffsetMs] = useState(0);
  useEffect(() => {
    if (serverNow) setOffsetMs(Date.parse(serverNow) - Date.now());
  }, [serverNow]);
  return { schedule, live, offsetMs, act, ask, busy, error };
}

/** This computer's time on the server's clock, once a second. */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now + offsetMs;
}
