import { type AdalSocket, useAuth, useOnConnect, useResource, useServerEvent } from '@adal/shared/web';
import { useMemo } from 'react';
import { type IdentityStatus, identityStatus } from '../student-detail/identity-check.js';

/**
 * Each student's identity status for the overview's badges (a student with no check is "none").
 * Reloaded on `identity:changed` and after a reconnect; a failed load shows no badges rather than
 * an error: the overview's own data matters more.
 */
export function useIdentityStatuses(
  socket: AdalSocket | null,
  sittingId: string,
): ReadonlyMap<string, IdentityStatus> | null {
  const { callApi } = useAuth();
  const checks = useResource(
    (signal) => callApi('sittingIdentityChecks', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { reload, state } = checks;
  useServerEvent(socket, 'identity:changed', (event) => {
    if (event.sittingId === sittingId) reload();
  });
  useOnConnect(socket, (_connection, isReconnect) => {
    if (isReconnect) reload();
  });
  return useMemo(
    () =>
      state.status === 'ready'
        ? new Map(state.data.map((check) => [check.studentId, identityStatus(check)]))
        : null,
    [state],
  );
}
