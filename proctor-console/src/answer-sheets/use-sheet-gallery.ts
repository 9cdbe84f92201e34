import type { AnswerSheet, AnswerSheetSet, SittingSheetRow } from '@adal/shared';
import { isApiError, type Resource, useAuth, useResource, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRefreshThrottle, type RefreshThrottle } from '../proctoring/refresh-throttle.js';
import { useSittingWatch } from '../ticket-draw/use-sitting-watch.js';
import { applySheet } from './sheet-rows.js';

/** Uploads arrive in bursts (a student sends every page at once): at most one list reload a second. */
const LIST_REFRESH_MS = 1000;

export interface SheetGallery {
  /** Every student of the sitting with counts per status. */
  list: Resource<SittingSheetRow[]>;
  /** The chosen student's pages (null: nobody chosen). */
  set: Resource<AnswerSheetSet | null>;
  live: boolean;
  refreshFailed: boolean;
  /** A page the server answered with (a review): shown at once, the counts reloaded. */
  applyReviewed(studentId: string, sheet: AnswerSheet): void;
  /** Something else changed the student's sitting (they were let go): load their pages again. */
  reloadStudent(): void;
}

/**
 * The gallery's data, kept current over the sitting's socket: `sheet:changed` updates the chosen
 * student's pages in place and reloads the list's counts.
 */
export function useSheetGallery(sittingId: string, studentId: string | null): SheetGallery {
  const { callApi, sessionEnded } = useAuth();
  const list = useResource(
    (signal) => callApi('sittingSheets', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const set = useResource(
    async (signal) =>
      studentId ? callApi('studentSheetsForStaff', { params: { sittingId, studentId }, signal }) : null,
    [callApi, sittingId, studentId],
  );
  const { update: updateList } = list;
  const { update: updateSet, reload: reloadSet } = set;
  const [refreshFailed, setRefreshFailed] = useState(false);
  const throttle = useRef<RefreshThrottle | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const refresher = createRefreshThrottle(async () => {
      try {
        const fresh = await callApi('sittingSheets', { params: { sittingId }, signal: controller.signal });
        updateList(() => fresh);
        setRefreshFailed(false);
      } catch (error: unknown) {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
        else setRefreshFailed(true);
        throw error;
      }
    }, LIST_REFRESH_MS);
    throttle.current = refresher;
    return () => {
      refresher.dispose();
      controller.abort();
      if (throttle.current === refresher) throttle.current = null;
    };
  }, [callApi, sittingId, updateList, sessionEnded]);

  const { socket, live } = useSittingWatch(sittingId, () => {
    throttle.current?.trigger();
    reloadSet();
  });
  const apply = useCallback(
    (owner: string, sheet: AnswerSheet) => {
      // The set may still be the previous student's while the chosen one's loads.
      updateSet((current) => (current?.studentId === owner ? applySheet(current, sheet) : current));
      throttle.current?.trigger();
    },
    [updateSet],
  );
  useServerEvent(socket, 'sheet:changed', (event) => {
    if (event.sittingId === sittingId) apply(event.studentId, event.sheet);
  });
  const reloadStudent = useCallback(() => {
    reloadSet();
    throttle.current?.trigger();
  }, [reloadSet]);

  return { list, set, live, refreshFailed, applyReviewed: apply, reloadStudent };
}
