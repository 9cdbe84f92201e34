import type { IdentityCheckView } from '@adal/shared';
import {
  type AdalSocket,
  type Resource,
  useAuth,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { latestOf } from './identity-check.js';

/**
 * The student's latest identity check (null: none sent yet), loaded again whenever the student's
 * device sends one or a decision is made (`identity:changed` on the watched sitting), and after
 * a reconnect (events sent meanwhile were missed).
 */
export function useIdentityCheck(
  socket: AdalSocket | null,
  sittingId: string,
  studentId: string,
): Resource<IdentityCheckView | null> {
  const { callApi } = useAuth();
  const check = useResource(
    async (signal) =>
      latestOf(await callApi('sittingIdentityChecks', { params: { sittingId }, signal }), studentId),
    [callApi, sittingId, studentId],
  );
  const { reload } = check;
  useServerEvent(socket, 'identity:changed', (event) => {
    if (event.sittingId === sittingId && event.studentId === studentId) reload();
  });
  useOnConnect(socket, (_connection, isReconnect) => {
    if (isReconnect) reload();
  });
  return check;
}
