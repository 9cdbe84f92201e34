import { errorCode, type Resource, useAuth, useResource } from '@adal/shared/web';
import { useParams } from 'react-router';

/** Refused or unknown: the same message, so a sitting's existence is not disclosed. */
export const isNotYours = (error: unknown): boolean =>
  errorCode(error) === 'forbidden' || errorCode(error) === 'not_found';

/** Did any of a page's loads fail as refused or unknown (see isNotYours)? */
export const anyNotYours = (...resources: Resource<unknown>[]): boolean =>
  resources.some(({ state }) => state.status === 'error' && isNotYours(state.error));

/** The sitting of a `/sittings/:sittingId/…` page, loaded for the signed-in staff member. */
export function useStaffSitting() {
  const { sittingId = '' } = useParams();
  const { callApi } = useAuth();
  const sitting = useResource(
    (signal) => callApi('getSitting', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  return { sittingId, callApi, sitting };
}
