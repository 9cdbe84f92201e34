import type { FaceMatchResult } from '@adal/shared';

/**
 * The largest euclidean distance between two 128-d face descriptors (face-api's recognition
 * model) still called the same person. Calibration so far (shared/docs/environment.md): same
 * person 0.29–0.40, different people 0.66–0.87 on a small sample; 0.55 sits in the gap, a little
 * towards "different" because a document photo is older, printed and small. The accuracy harness
 * calibrates it on more pairs. It is advice for the proctor, who decides.
 */
export const FACE_MATCH_THRESHOLD = 0.55;

/** Euclidean distance between two descriptors of the same length. */
export function descriptorDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error('descriptors differ in length');
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * The verdict for the live face against the document's photo: not compared when either photo
 * has no face the detector finds (usually the document photo: glare, blur, too small).
 */
export function faceMatchVerdict(
  live: ArrayLike<number> | null,
  onDocument: ArrayLike<number> | null,
  threshold = FACE_MATCH_THRESHOLD,
): FaceMatchResult {
  if (!live || !onDocument) return { distance: null, threshold, verdict: 'not_compared' };
  // Descriptors are unit-length, so the distance is at most 2; rounding keeps the record readable.
  const distance = Math.min(2, Math.round(descriptorDistance(live, onDocument) * 1000) / 1000);
  return { distance, threshold, verdict: distance <= threshold ? 'same_person' : 'different_person' };
}
