import type { ExtensionStatus } from '@adal/shared';
import { type Resource, useAuth, useResource } from '@adal/shared/web';
import { useEffect } from 'react';

/** About as often as the extension's heartbeat (HEARTBEAT_SECONDS). */
export const EXTENSION_POLL_MS = 10_000;

/**
 * The student's exam extension as the server last heard of it. Polled every 10 s while the page
 * is open: no socket event carries heartbeats (one every 10 s per student would flood watchers),
 * and a reload keeps the shown data until the new answer comes.
 */
export function useExtensionStatus(sittingId: string, studentId: string): Resource<ExtensionStatus> {
  const { callApi } = useAuth();
  const status = useResource(
    (signal) => callApi('studentExtension', { params: { sittingId, studentId }, signal }),
    [callApi, sittingId, studentId],
  );
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(reload, EXTENSION_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return status;
}
