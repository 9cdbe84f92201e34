import type { StudentExamResult } from '@adal/shared';
import {
  type AdalSocket,
  type Resource,
  useAuth,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';

/**
 * The student's grade for an oral or written sitting: nothing until the examiner publishes it;
 * `grade:published` (or a reconnect, which may have missed it) reads it again.
 */
export function useExamResult(sittingId: string, socket: AdalSocket | null): Resource<StudentExamResult> {
  const { callApi } = useAuth();
  const result = useResource(
    (signal) => callApi('studentExamResult', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  useServerEvent(socket, 'grade:published', (event) => {
    if (event.sittingId === sittingId) result.reload();
  });
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) result.reload();
  });
  return result;
}
