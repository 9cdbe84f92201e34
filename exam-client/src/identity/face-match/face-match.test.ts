import { FaceMatchResult } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { descriptorDistance, FACE_MATCH_THRESHOLD, faceMatchVerdict } from './face-match.js';

/** A unit vector along `axis`, turned towards the next axis by `angle` radians (128-d like face-api's). */
function descriptor(angle: number, axis = 0): Float32Array {
  const d = new Float32Array(128);
  d[axis] = Math.cos(angle);
  d[(axis + 1) % 128] = Math.sin(angle);
  return d;
}

describe('face match', () => {
  it('measures the euclidean distance between descriptors', () => {
    expect(descriptorDistance([0, 3], [4, 0])).toBe(5);
    expect(() => descriptorDistance([1], [1, 2])).toThrow();
  });

  it('calls a close pair the same person and a far pair different people', () => {
    // Chord length 2·sin(θ/2): 0.35 (same person in the calibration sample) and 0.75 (different).
    const same = faceMatchVerdict(descriptor(0), descriptor(2 * Math.asin(0.35 / 2)));
    expect(same).toEqual({ distance: 0.35, threshold: FACE_MATCH_THRESHOLD, verdict: 'same_person' });
    const different = faceMatchVerdict(descriptor(0), descriptor(2 * Math.asin(0.75 / 2)));
    expect(different).toMatchObject({ distance: 0.75, verdict: 'different_person' });
    expect(FaceMatchResult.safeParse(different).success).toBe(true);
  });

  it('puts the threshold itself on the same-person side', () => {
    const atThreshold = faceMatchVerdict(descriptor(0), descriptor(2 * Math.asin(FACE_MATCH_THRESHOLD / 2)));
    expect(atThreshold.verdict).toBe('same_person');
  });

  it('does not compare when a photo has no face', () => {
    expect(faceMatchVerdict(descriptor(0), null)).toEqual({
      distance: null,
      threshold: FACE_MATCH_THRESHOLD,
      verdict: 'not_compared',
    });
    expect(faceMatchVerdict(null, descriptor(0)).verdict).toBe('not_compared');
  });
});
