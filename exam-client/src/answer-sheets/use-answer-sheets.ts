import type { AnswerSheetSet } from '@adal/shared';
import {
  type AdalSocket,
  type Resource,
  useAuth,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { applySheetChange } from './sheet-set.js';

/**
 * The student's answer-sheet pages for a sitting, kept current by `sheet:changed` (stored,
 * accepted, rejected) and read again after a reconnect (events missed meanwhile never arrive).
 */
export function useAnswerSheets(sittingId: string, socket: AdalSocket | null): Resource<AnswerSheetSet> {
  const { callApi, user } = useAuth();
  const sheets = useResource(
    (signal) => callApi('studentSheets', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  useServerEvent(socket, 'sheet:changed', (event) => {
    if (event.sittingId !== sittingId || event.studentId !== user?.id) return;
    sheets.update((set) => applySheetChange(set, event.sheet));
  });
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) sheets.reload();
  });
  return sheets;
}
