import {
  type DocumentReading,
  type IdentityCheckView,
  MAX_FACE_PHOTO_BYTES,
  SubmitIdentityBody,
} from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  checkStatus,
  type DocumentDone,
  type FaceDone,
  IDLE,
  type IdentityEvent,
  type IdentityFlow,
  identityReducer,
  mayStart,
  submission,
} from './identity-flow.js';

const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
const face: FaceDone = {
  photo,
  liveness: { challenges: [{ challenge: 'blink', passed: true }], passed: true },
  faceFrameMs: 41.6,
};
const reading: DocumentReading = {
  source: 'mrz',
  format: 'TD1',
  checkDigitsValid: true,
  invalidFields: [],
  documentNumber: '045612378',
  surname: 'ALIEV',
  givenNames: 'ARMAN',
  iin: '040512500320',
  birthDate: '2004-05-12',
  expiryDate: '2034-05-11',
  ocrConfidence: 88,
};
const documentPhoto: DocumentDone = { photo, reading, ocrMs: 5321.7 };
const faceMatch = { distance: 0.34, threshold: 0.55, verdict: 'same_person' as const };

const run = (events: IdentityEvent[], from: IdentityFlow = IDLE) => events.reduce(identityReducer, from);

describe('the identity check on the device', () => {
  it('goes face → document → match → summary → sending → back to idle once sent', () => {
    const steps: IdentityEvent[] = [
      { type: 'start' },
      { type: 'faceDone', face },
      { type: 'documentDone', document: documentPhoto },
      { type: 'matched', document: documentPhoto, faceMatch },
      { type: 'send' },
    ];
    const stages = steps.map((_, i) => run(steps.slice(0, i + 1)).stage);
    expect(stages).toEqual(['face', 'document', 'matching', 'summary', 'sending']);
    expect(run([...steps, { type: 'sent' }])).toBe(IDLE);
  });

  it('drops a late face match for a document photo since replaced', () => {
    const matching = run([
      { type: 'start' },
      { type: 'faceDone', face },
      { type: 'documentDone', document: documentPhoto },
    ]);
    const other = { ...documentPhoto, ocrMs: 1 };
    expect(identityReducer(matching, { type: 'matched', document: other, faceMatch })).toBe(matching);
  });

  it('keeps the photos when sending fails, with the reason, and allows another try', () => {
    const sending = run([
      { type: 'start' },
      { type: 'faceDone', face },
      { type: 'documentDone', document: documentPhoto },
      { type: 'matched', document: documentPhoto, faceMatch },
      { type: 'send' },
    ]);
    const failed = identityReducer(sending, { type: 'sendFailed', error: 'network' });
    expect(failed).toMatchObject({ stage: 'summary', sendError: 'network', document: documentPhoto });
    expect(identityReducer(failed, { type: 'send' }).stage).toBe('sending');
  });

  it('retakes the document keeping the face, and cancels to idle except while sending', () => {
    const summary = run([
      { type: 'start' },
      { type: 'faceDone', face },
      { type: 'documentDone', document: documentPhoto },
      { type: 'matched', document: documentPhoto, faceMatch },
    ]);
    expect(identityReducer(summary, { type: 'retakeDocument' })).toEqual({ stage: 'document', face });
    expect(identityReducer(summary, { type: 'cancel' })).toBe(IDLE);
    const sending = identityReducer(summary, { type: 'send' });
    expect(identityReducer(sending, { type: 'cancel' })).toBe(sending);
  });

  it('ignores events out of order', () => {
    expect(identityReducer(IDLE, { type: 'faceDone', face })).toBe(IDLE);
    expect(identityReducer(IDLE, { type: 'send' })).toBe(IDLE);
    const face1 = run([{ type: 'start' }]);
    expect(identityReducer(face1, { type: 'start' })).toBe(face1);
  });

  it('builds a body the server accepts, with whole-millisecond timings', () => {
    const body = submission(
      { stage: 'sending', face, document: documentPhoto, faceMatch },
      { faceBase64: btoa('face'), documentBase64: btoa('document') },
    );
    expect(body.timings).toEqual({ faceFrameMs: 42, ocrMs: 5322 });
    expect(SubmitIdentityBody.safeParse(body).success).toBe(true);
    const tooLarge = { ...body, facePhotoBase64: 'A'.repeat(Math.ceil(MAX_FACE_PHOTO_BYTES / 3) * 4 + 4) };
    expect(SubmitIdentityBody.safeParse(tooLarge).success).toBe(false);
  });
});

describe("the proctor's decision", () => {
  const check = (decision: IdentityCheckView['decision'], note: string | null = null): IdentityCheckView => ({
    checkId: '11111111-1111-4111-8111-111111111111',
    sittingId: '22222222-2222-4222-8222-222222222222',
    studentId: '33333333-3333-4333-8333-333333333333',
    fullName: 'Әлиев Арман',
    submittedAt: '2026-12-07T09:00:00.000Z',
    liveness: face.liveness,
    document: reading,
    roster: { verdict: 'match', reasons: ['iin_matches', 'name_matches'] },
    faceMatch,
    timings: { faceFrameMs: 42, ocrMs: 5322 },
    decision,
    decisionNote: note,
    decidedBy: decision ? 'Проктор' : null,
    decidedAt: decision ? '2026-12-07T09:05:00.000Z' : null,
  });

  it('reads the latest check: none, waiting, verified, retake with the note, rejected', () => {
    expect(checkStatus([]).status).toBe('not_sent');
    expect(checkStatus([check(null)]).status).toBe('pending');
    expect(checkStatus([check('verified'), check('retake', 'old')]).status).toBe('verified');
    expect(checkStatus([check('retake', 'The photo is blurred')])).toMatchObject({
      status: 'retake',
      note: 'The photo is blurred',
    });
    expect(checkStatus([check('rejected', 'Another person')])).toMatchObject({ status: 'rejected' });
  });

  it('lets the student start before the first check and when asked to retake', () => {
    expect(mayStart(checkStatus([]))).toBe(true);
    expect(mayStart(checkStatus([check('retake', 'again')]))).toBe(true);
    expect(mayStart(checkStatus([check(null)]))).toBe(false);
    expect(mayStart(checkStatus([check('verified')]))).toBe(false);
    expect(mayStart(checkStatus([check('rejected', 'no')]))).toBe(false);
  });
});
