import type { SubmitIdentityBody } from '@adal/shared';

/**
 * An identity check as the exam page sends it when no document field was read (nothing to
 * compare with the list): for tests about who may submit and what photos pass, not about reading.
 */
export const unreadIdentityCheck = (
  face: Buffer,
  document: Buffer,
  over: Partial<SubmitIdentityBody> = {},
): SubmitIdentityBody => ({
  facePhotoBase64: face.toString('base64'),
  documentPhotoBase64: document.toString('base64'),
  liveness: { challenges: [{ challenge: 'blink', passed: true }], passed: true },
  document: {
    source: 'none',
    format: null,
    checkDigitsValid: false,
    invalidFields: [],
    documentNumber: null,
    surname: null,
    givenNames: null,
    iin: null,
    birthDate: null,
    expiryDate: null,
    ocrConfidence: null,
  },
  faceMatch: { distance: null, threshold: 0.6, verdict: 'not_compared' },
  timings: { faceFrameMs: 40, ocrMs: 900 },
  ...over,
});
