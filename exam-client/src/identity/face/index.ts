/** The face photo with liveness, for the identity step (exam-client/src/identity/IdentityStep). */
export { FaceCapture, type FaceCaptureProps } from './FaceCapture.js';
export type { FaceCaptureResult } from './use-face-check.js';
