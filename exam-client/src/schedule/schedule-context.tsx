import type { ScheduleEntry } from '@adal/shared';
import {
  type AdalSocket,
  type Resource,
  useAuth,
  useOnConnect,
  useResource,
  useServerEvent,
  useSocket,
} from '@adal/shared/web';
import { createContext, type ReactNode, useContext } from 'react';
import { applyAdmission, byStart } from './schedule.js';

interface ScheduleContextValue {
  schedule: Resource<ScheduleEntry[]>;
  /** Whether live access updates are arriving. */
  live: boolean;
  /** The live-events socket (admissions, the student's own media sources). */
  socket: AdalSocket | null;
}

const ScheduleContext = createContext<ScheduleContextValue | null>(null);

/** The student's schedule, kept current by `admission:changed` so badges flip without a reload. */
export function ScheduleProvider({ children }: { children: ReactNode }) {
  const { user, callApi } = useAuth();
  const studentId = user?.id ?? '';
  const schedule = useResource(
    async (signal) => byStart(await callApi('studentSchedule', { signal })),
    [callApi],
  );
  const { socket, connected } = useSocket(Boolean(user));

  useServerEvent(socket, 'admission:changed', (event) =>
    schedule.update((entries) => applyAdmission(entries, event, studentId)),
  );
  // An approved make-up application adds a sitting to the schedule.
  useServerEvent(socket, 'makeUp:decided', (event) => {
    if (event.status === 'approved') schedule.reload();
  });
  // Changes made while the connection was down never arrive as events: load the schedule again.
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) schedule.reload();
  });

  return (
    <ScheduleContext.Provider value={{ schedule, live: connected, socket }}>
      {children}
    </ScheduleContext.Provider>
  );
}

export function useSchedule(): ScheduleContextValue {
  const value = useContext(ScheduleContext);
  if (!value) throw new Error('useSchedule must be used inside <ScheduleProvider>');
  return value;
}
