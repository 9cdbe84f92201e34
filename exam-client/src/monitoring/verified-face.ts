import { http, type IdentityCheckView, pathFor } from '@adal/shared';
import type { CallApi } from '@adal/shared/web';

const newest = (checks: readonly IdentityCheckView[]): IdentityCheckView | null =>
  checks.reduce<IdentityCheckView | null>(
    (a, c) => (a === null || c.submittedAt > a.submittedAt ? c : a),
    null,
  );

/** The check whose face the live one is compared with: the latest verified, else the latest sent. */
export const checkToMatch = (checks: readonly IdentityCheckView[]): IdentityCheckView | null =>
  newest(checks.filter((c) => c.decision === 'verified')) ?? newest(checks);

/**
 * The verified face's descriptor, fetched and computed once per monitoring run (face-api loads
 * on demand). Null, and asked again at the next re-match, while the student has no check yet.
 */
export function verifiedFaceLoader(callApi: CallApi, sittingId: string): () => Promise<Float32Array | null> {
  let found: Promise<Float32Array | null> | null = null;
  const load = async () => {
    const check = checkToMatch(await callApi('studentIdentityChecks', { params: { sittingId } }));
    if (!check) return null;
    const url = `${pathFor(http.identityPhoto.path, {
      sittingId: check.sittingId,
      studentId: check.studentId,
      checkId: check.checkId,
    })}?photo=face`;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the verified face photo did not load (${response.status})`);
    const { describeLiveFace } = await import('../identity/face-match/face-descriptors.js');
    return describeLiveFace(await response.blob());
  };
  return () => {
    found ??= load().then((descriptor) => {
      if (!descriptor) found = null;
      return descriptor;
    });
    return found.catch((error: unknown) => {
      found = null;
      throw error;
    });
  };
}
