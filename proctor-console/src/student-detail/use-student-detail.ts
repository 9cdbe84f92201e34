import type { AccessStatus, AttemptClock, LogEntry, ProctoringOverview, ProctoringRow } from '@adal/shared';
import {
  type AdalSocket,
  type Resource,
  type ResourceState,
  useAuth,
  useOnConnect,
  useResource,
  useServerEvent,
  useSocket,
} from '@adal/shared/web';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fromList, isOpen, type ShownAttempt } from '../attempts/attempt-rows.js';
import { applyEpisode, mergeEntries } from './entries.js';
import { withAttemptClock } from './student-attempts.js';

const WATCH_TIMEOUT_MS = 10_000;
/** Several events often come together (an entry, a clock, an admission): one reload of the row. */
const ROW_REFRESH_DELAY_MS = 300;

export interface StudentDetail {
  sittingId: string;
  studentId: string;
  /** The sitting's overview: who may act, the proctors, the trust weights, and this student's row. */
  overview: Resource<ProctoringOverview>;
  row: ProctoringRow | null;
  /** The log as loaded plus everything appended since, oldest first. */
  log: ResourceState<LogEntry[]>;
  reloadLog(): void;
  attempts: ShownAttempt[];
  /** The sitting is watched: new entries arrive by themselves. */
  live: boolean;
  /** The page's one connection, for panels that listen to more events (identity checks). */
  socket: AdalSocket | null;
  /** An entry the proctor's own command produced (its event may come later, or first). */
  addEntry(entry: LogEntry): void;
  replaceRow(row: ProctoringRow): void;
  setAccess(access: AccessStatus): void;
  applyClock(attemptId: string, clock: AttemptClock): void;
  /** Loads the row again soon (stage, room scan, open flags change with what happened). */
  refreshRow(): void;
}

const patchRow = (
  overview: ProctoringOverview,
  studentId: string,
  change: (row: ProctoringRow) => ProctoringRow,
): ProctoringOverview => ({
  ...overview,
  students: overview.students.map((s) => (s.studentId === studentId ? change(s) : s)),
});

/** Everything the student detail page shows, loaded and kept live over the sitting's socket. */
export function useStudentDetail(sittingId: string, studentId: string): StudentDetail {
  const { callApi } = useAuth();
  const overview = useResource(
    (signal) => callApi('proctoringOverview', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const loadedLog = useResource(
    (signal) => callApi('studentLog', { params: { sittingId, studentId }, signal }),
    [callApi, sittingId, studentId],
  );
  const attempts = useResource(
    async (signal) => {
      const sentAt = Date.now();
      const list = await callApi('sittingAttempts', { params: { sittingId }, signal });
      return fromList(
        list.filter((a) => a.studentId === studentId),
        Date.now(),
        sentAt,
      );
    },
    [callApi, sittingId, studentId],
  );
  // Entries that arrived live or as answers: kept apart so one arriving during a load is not lost.
  // (The page is keyed by sitting and student, so this starts empty for each student.)
  const [appended, setAppended] = useState<LogEntry[]>([]);
  const addEntry = useCallback((entry: LogEntry) => setAppended((list) => mergeEntries(list, [entry])), []);

  const { reload: reloadOverview, update: updateOverview } = overview;
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshRow = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      reloadOverview();
    }, ROW_REFRESH_DELAY_MS);
  }, [reloadOverview]);
  useEffect(
    () => () => {
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    },
    [],
  );

  const changeRow = useCallback(
    (change: (row: ProctoringRow) => ProctoringRow) =>
      updateOverview((data) => patchRow(data, studentId, change)),
    [updateOverview, studentId],
  );

  const { socket, connected } = useSocket(true);
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (!connected) setWatching(false);
  }, [connected]);

  const { reload: reloadLog } = loadedLog;
  const { reload: reloadAttempts, update: updateAttempts } = attempts;
  // Rooms belong to a connection: watch again after every reconnect, and catch up on what was missed.
  useOnConnect(socket, (connection, isReconnect) => {
    setWatching(false);
    connection.timeout(WATCH_TIMEOUT_MS).emit('sitting:watch', { sittingId }, (timeoutError, ack) => {
      if (timeoutError || !ack.ok) {
        console.warn(`sitting:watch ${sittingId} failed`, timeoutError ?? ack);
        return;
      }
      setWatching(true);
    });
    if (isReconnect) {
      reloadLog();
      reloadOverview();
      reloadAttempts();
    }
  });

  const mine = (event: { sittingId: string; studentId: string }) =>
    event.sittingId === sittingId && event.studentId === studentId;

  useServerEvent(socket, 'log:appended', (event) => {
    if (!mine(event)) return;
    addEntry(event.entry);
    // A chat message changes nothing on the row; anything else may (stage, room scan, flags).
    if (event.entry.source !== 'chat') refreshRow();
  });
  useServerEvent(socket, 'flag:episode', (event) => {
    if (!mine(event)) return;
    changeRow((row) => ({ ...row, ongoing: applyEpisode(row.ongoing, event.episode) }));
  });
  useServerEvent(socket, 'admission:changed', (event) => {
    if (!mine(event)) return;
    changeRow((row) => ({ ...row, access: event.access }));
    refreshRow();
  });
  useServerEvent(socket, 'student:handedOver', (event) => {
    if (!mine(event)) return;
    changeRow((row) => ({ ...row, proctor: event.proctor }));
  });
  useServerEvent(socket, 'attempt:changed', (event) => {
    if (!mine(event)) return;
    const known =
      attempts.state.status === 'ready' && attempts.state.data.some((a) => a.attemptId === event.attemptId);
    if (known) updateAttempts((list) => withAttemptClock(list, event.attemptId, event, Date.now()));
    // A new attempt, or a closed one (its result is known now): load the list again.
    if (!known || !isOpen(event.status)) reloadAttempts();
    refreshRow();
  });

  const applyClock = useCallback(
    (attemptId: string, clock: AttemptClock) =>
      updateAttempts((list) => withAttemptClock(list, attemptId, clock, Date.now())),
    [updateAttempts],
  );
  const replaceRow = useCallback((row: ProctoringRow) => changeRow(() => row), [changeRow]);
  const setAccess = useCallback(
    (access: AccessStatus) => changeRow((row) => ({ ...row, access })),
    [changeRow],
  );

  const log = useMemo<ResourceState<LogEntry[]>>(() => {
    if (loadedLog.state.status !== 'ready') return loadedLog.state;
    return { status: 'ready', data: mergeEntries(loadedLog.state.data, appended) };
  }, [loadedLog.state, appended]);

  const row =
    overview.state.status === 'ready'
      ? (overview.state.data.students.find((s) => s.studentId === studentId) ?? null)
      : null;

  return {
    sittingId,
    studentId,
    overview,
    row,
    log,
    reloadLog,
    attempts: attempts.state.status === 'ready' ? attempts.state.data : [],
    live: connected && watching,
    socket,
    addEntry,
    replaceRow,
    setAccess,
    applyClock,
    refreshRow,
  };
}
