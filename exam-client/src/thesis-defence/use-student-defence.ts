import type { StudentDefenceView } from '@adal/shared';
import { type AdalSocket, type Resource, useAuth, useResource, useServerEvent } from '@adal/shared/web';
import { useEffect, useState } from 'react';

/** A defence before this student's that runs over moves their time with the clock: look again now and then. */
const POLL_MS = 30_000;

/** The student's own defence slot, refreshed on 'defence:changed'; the offset is server − local (ms). */
export function useStudentDefence(
  sittingId: string,
  socket: AdalSocket | null,
): { defence: Resource<StudentDefenceView>; offsetMs: number } {
  const { callApi } = useAuth();
  const defence = useResource(
    (signal) => callApi('studentDefence', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { reload } = defence;
  useServerEvent(socket, 'defence:changed', (e) => {
    if (e.sittingId === sittingId) reload();
  });
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // Measured when an answer arrives, not on every render (the difference must not grow with time).
  const serverNow = defence.state.status === 'ready' ? defence.state.data.serverNow : null;
  const [offsetMs, setOffsetMs] = useState(0);
  useEffect(() => {
    if (serverNow) setOffsetMs(Date.parse(serverNow) - Date.now());
  }, [serverNow]);
  return { defence, offsetMs };
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
