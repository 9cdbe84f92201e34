import type { DocumentReading, FaceMatchResult, IdentityCheckView, SubmitIdentityBody } from '@adal/shared';
import type { ClientErrorCode } from '@adal/shared/web';
import type { FaceCaptureResult } from './face/index.js';

/** What the face step hands over (FaceCapture's onDone). */
export type FaceDone = FaceCaptureResult;

/** What the document step hands over (DocumentCapture's onDone). */
export interface DocumentDone {
  photo: Blob;
  reading: DocumentReading;
  ocrMs: number;
}

/**
 * The student's way through one identity check on the device: the face in the oval, the
 * document in the rectangle, the face match, a summary to send. After sending, the proctor's
 * decision (the server's latest check) says what comes next.
 */
export type IdentityFlow =
  | { stage: 'idle' }
  | { stage: 'face' }
  | { stage: 'document'; face: FaceDone }
  | { stage: 'matching'; face: FaceDone; document: DocumentDone }
  | {
      stage: 'summary';
      face: FaceDone;
      document: DocumentDone;
      faceMatch: FaceMatchResult;
      /** Why the last send failed (an errors.* catalogue code), null before any. */
      sendError: ClientErrorCode | null;
    }
  | { stage: 'sending'; face: FaceDone; document: DocumentDone; faceMatch: FaceMatchResult };

export type IdentityEvent =
  | { type: 'start' }
  | { type: 'faceDone'; face: FaceDone }
  | { type: 'documentDone'; document: DocumentDone }
  /** The match for `document`: a late answer for a photo since replaced is dropped. */
  | { type: 'matched'; document: DocumentDone; faceMatch: FaceMatchResult }
  /** From the summary: another photo of the document, the face kept. */
  | { type: 'retakeDocument' }
  | { type: 'send' }
  | { type: 'sent' }
  | { type: 'sendFailed'; error: ClientErrorCode }
  | { type: 'cancel' };

export const IDLE: IdentityFlow = { stage: 'idle' };

type Handlers = {
  [T in IdentityEvent['type']]: (
    flow: IdentityFlow,
    event: Extract<IdentityEvent, { type: T }>,
  ) => IdentityFlow;
};

/** Each event's transition; an event that does not fit the current stage changes nothing. */
const HANDLERS: Handlers = {
  start: (flow) => (flow.stage === 'idle' ? { stage: 'face' } : flow),
  faceDone: (flow, { face }) => (flow.stage === 'face' ? { stage: 'document', face } : flow),
  documentDone: (flow, { document }) =>
    flow.stage === 'document' ? { stage: 'matching', face: flow.face, document } : flow,
  matched: (flow, { document, faceMatch }) =>
    flow.stage === 'matching' && flow.document === document
      ? { ...flow, stage: 'summary', faceMatch, sendError: null }
      : flow,
  retakeDocument: (flow) => (flow.stage === 'summary' ? { stage: 'document', face: flow.face } : flow),
  send: (flow) =>
    flow.stage === 'summary'
      ? { stage: 'sending', face: flow.face, document: flow.document, faceMatch: flow.faceMatch }
      : flow,
  sent: (flow) => (flow.stage === 'sending' ? IDLE : flow),
  sendFailed: (flow, { error }) =>
    flow.stage === 'sending' ? { ...flow, stage: 'summary', sendError: error } : flow,
  // Sending cannot be called back once it is on its way.
  cancel: (flow) => (flow.stage === 'sending' ? flow : IDLE),
};

export function identityReducer(flow: IdentityFlow, event: IdentityEvent): IdentityFlow {
  const handle = HANDLERS[event.type] as (flow: IdentityFlow, event: IdentityEvent) => IdentityFlow;
  return handle(flow, event);
}

/** Where the student stands with the proctor, from their latest check (newest first). */
export type CheckStatus =
  | { status: 'not_sent' }
  | { status: 'pending'; check: IdentityCheckView }
  | { status: 'verified'; check: IdentityCheckView }
  | { status: 'retake'; check: IdentityCheckView; note: string }
  | { status: 'rejected'; check: IdentityCheckView; note: string };

export function checkStatus(checks: readonly IdentityCheckView[]): CheckStatus {
  const latest = checks[0];
  if (!latest) return { status: 'not_sent' };
  switch (latest.decision) {
    case null:
      return { status: 'pending', check: latest };
    case 'verified':
      return { status: 'verified', check: latest };
    case 'retake':
      return { status: 'retake', check: latest, note: latest.decisionNote ?? '' };
    case 'rejected':
      return { status: 'rejected', check: latest, note: latest.decisionNote ?? '' };
  }
}

/** A new check may start before the first one is sent and when the proctor asked for a retake. */
export const mayStart = (status: CheckStatus): boolean =>
  status.status === 'not_sent' || status.status === 'retake';

/** The request body, once the photos are JPEGs within the limits and in base64. */
export function submission(
  flow: Extract<IdentityFlow, { stage: 'sending' }>,
  photos: { faceBase64: string; documentBase64: string },
): SubmitIdentityBody {
  return {
    facePhotoBase64: photos.faceBase64,
    documentPhotoBase64: photos.documentBase64,
    liveness: flow.face.liveness,
    document: flow.document.reading,
    faceMatch: flow.faceMatch,
    timings: {
      faceFrameMs: Math.min(60_000, Math.max(0, Math.round(flow.face.faceFrameMs))),
      ocrMs: Math.min(600_000, Math.max(0, Math.round(flow.document.ocrMs))),
    },
  };
}
