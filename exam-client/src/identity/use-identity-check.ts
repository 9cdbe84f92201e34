import { type IdentityCheckView, MAX_DOCUMENT_PHOTO_BYTES, MAX_FACE_PHOTO_BYTES } from '@adal/shared';
import {
  type AdalSocket,
  errorCode,
  type Resource,
  useAuth,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { useCallback, useReducer } from 'react';
import { faceMatchVerdict } from './face-match/face-match.js';
import {
  type DocumentDone,
  type FaceDone,
  IDLE,
  type IdentityFlow,
  identityReducer,
  submission,
} from './identity-flow.js';
import { jpegWithin, toBase64 } from './photo-encoding.js';

/** A face photo needs no more than this; a document's printed letters want more. */
const FACE_MAX_WIDTH = 640;
const DOCUMENT_MAX_WIDTH = 1600;

export interface IdentityCheck {
  flow: IdentityFlow;
  /** The student's checks for the sitting, newest first, with the proctor's decisions. */
  checks: Resource<IdentityCheckView[]>;
  start(): void;
  cancel(): void;
  faceDone(face: FaceDone): void;
  /** The document is read: the face match runs (face-api loads only now). */
  documentDone(document: DocumentDone): void;
  retakeDocument(): void;
  send(): void;
}

/**
 * One sitting's identity check on the device: the steps (identity-flow.ts), the face match once
 * both photos are there, sending, and the proctor's decision arriving as `identity:changed`.
 * The work runs from the handlers, not effects, so nothing is computed or sent twice.
 */
export function useIdentityCheck(sittingId: string, socket: AdalSocket | null): IdentityCheck {
  const { callApi, user } = useAuth();
  const [flow, dispatch] = useReducer(identityReducer, IDLE);
  const checks = useResource(
    (signal) => callApi('studentIdentityChecks', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { update, reload } = checks;
  useServerEvent(socket, 'identity:changed', (event) => {
    if (event.sittingId === sittingId && event.studentId === user?.id) reload();
  });

  const documentDone = useCallback(
    (document: DocumentDone) => {
      dispatch({ type: 'documentDone', document });
      if (flow.stage !== 'document') return;
      const { face } = flow;
      import('./face-match/face-descriptors.js')
        .then((m) => m.matchFaces(face.photo, document.photo))
        // A model that does not load leaves the faces to the proctor's eyes.
        .catch(() => faceMatchVerdict(null, null))
        .then((faceMatch) => dispatch({ type: 'matched', document, faceMatch }));
    },
    [flow],
  );

  const send = useCallback(() => {
    if (flow.stage !== 'summary') return;
    const sending = {
      stage: 'sending' as const,
      face: flow.face,
      document: flow.document,
      faceMatch: flow.faceMatch,
    };
    dispatch({ type: 'send' });
    (async () => {
      const [face, documentPhoto] = await Promise.all([
        jpegWithin(sending.face.photo, MAX_FACE_PHOTO_BYTES, FACE_MAX_WIDTH),
        jpegWithin(sending.document.photo, MAX_DOCUMENT_PHOTO_BYTES, DOCUMENT_MAX_WIDTH),
      ]);
      const body = submission(sending, {
        faceBase64: await toBase64(face),
        documentBase64: await toBase64(documentPhoto),
      });
      const view = await callApi('submitIdentityCheck', { params: { sittingId }, body });
      update((list) => [view, ...list.filter((c) => c.checkId !== view.checkId)]);
    })().then(
      () => dispatch({ type: 'sent' }),
      (error: unknown) => dispatch({ type: 'sendFailed', error: errorCode(error) }),
    );
  }, [flow, callApi, sittingId, update]);

  const start = useCallback(() => dispatch({ type: 'start' }), []);
  const cancel = useCallback(() => dispatch({ type: 'cancel' }), []);
  const faceDone = useCallback((face: FaceDone) => dispatch({ type: 'faceDone', face }), []);
  const retakeDocument = useCallback(() => dispatch({ type: 'retakeDocument' }), []);
  return { flow, checks, start, cancel, faceDone, documentDone, retakeDocument, send };
}
