import { z } from 'zod';
import { LivenessChallengeName } from '../domain/policies.js';
import { Id } from './sittings.js';

/**
 * Identity verification (seeds 001, 004; issue 7): the face in the oval with a liveness
 * challenge, the ID document in the rectangle read on the student's device (MRZ, printed
 * fields), compared with the list, and the live face matched against the document's photo. The
 * device sends the two photos and what it measured; the server re-checks the document against
 * the list itself and keeps everything for the proctor, who decides.
 */
const At = z.string().datetime();

/** Photos are JPEGs from the browser's canvas, checked by content on the server. */
export const MAX_FACE_PHOTO_BYTES = 300 * 1024;
export const MAX_DOCUMENT_PHOTO_BYTES = 1024 * 1024;
const base64Max = (bytes: number) => Math.ceil(bytes / 3) * 4;

export const LivenessResult = z
  .object({
    challenges: z
      .array(z.object({ challenge: LivenessChallengeName, passed: z.boolean() }).strict())
      .min(1)
      .max(4),
    passed: z.boolean(),
  })
  .strict();
export type LivenessResult = z.infer<typeof LivenessResult>;

/** What the device read from the document (MRZ preferred, printed fields otherwise). */
export const DocumentReading = z
  .object({
    source: z.enum(['mrz', 'printed', 'none']),
    format: z.enum(['TD1', 'TD3']).nullable(),
    /** Every MRZ check digit holds (false for printed fields and unread documents). */
    checkDigitsValid: z.boolean(),
    invalidFields: z.array(z.string().max(64)).max(20),
    documentNumber: z.string().max(20).nullable(),
    surname: z.string().max(100).nullable(),
    givenNames: z.string().max(100).nullable(),
    iin: z.string().max(12).nullable(),
    birthDate: z.string().date().nullable(),
    expiryDate: z.string().date().nullable(),
    /** OCR confidence, 0–100, as the engine reports it. */
    ocrConfidence: z.number().min(0).max(100).nullable(),
  })
  .strict();
export type DocumentReading = z.infer<typeof DocumentReading>;

/** Distance between the live face's and the document photo's descriptors (lower is more alike). */
export const FaceMatchResult = z
  .object({
    distance: z.number().min(0).max(2).nullable(),
    threshold: z.number().min(0).max(2),
    verdict: z.enum(['same_person', 'different_person', 'not_compared']),
  })
  .strict();
export type FaceMatchResult = z.infer<typeof FaceMatchResult>;

export const SubmitIdentityBody = z
  .object({
    facePhotoBase64: z.base64().min(1).max(base64Max(MAX_FACE_PHOTO_BYTES)),
    documentPhotoBase64: z.base64().min(1).max(base64Max(MAX_DOCUMENT_PHOTO_BYTES)),
    liveness: LivenessResult,
    document: DocumentReading,
    faceMatch: FaceMatchResult,
    /** Time the device took, for the record: face check per frame and OCR (milliseconds). */
    timings: z
      .object({ faceFrameMs: z.number().min(0).max(60_000), ocrMs: z.number().min(0).max(600_000) })
      .strict(),
  })
  .strict();
export type SubmitIdentityBody = z.infer<typeof SubmitIdentityBody>;

export const RosterVerdict = z.enum(['match', 'partial', 'mismatch']);
export const RosterReason = z.enum([
  'iin_matches',
  'iin_differs',
  'iin_unreadable',
  'name_matches',
  'name_close',
  'name_differs',
  'name_unreadable',
  'document_expired',
]);

export const IdentityDecision = z.enum(['verified', 'retake', 'rejected']);
export type IdentityDecision = z.infer<typeof IdentityDecision>;

export const IdentityCheckView = z.object({
  checkId: Id,
  sittingId: Id,
  studentId: Id,
  fullName: z.string(),
  submittedAt: At,
  liveness: LivenessResult,
  document: DocumentReading,
  /** The server's own comparison of the reading with the list. */
  roster: z.object({ verdict: RosterVerdict, reasons: z.array(RosterReason) }),
  faceMatch: FaceMatchResult,
  timings: z.object({ faceFrameMs: z.number(), ocrMs: z.number() }),
  /** The proctor's decision (null: not reviewed yet). */
  decision: IdentityDecision.nullable(),
  decisionNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: At.nullable(),
});
export type IdentityCheckView = z.infer<typeof IdentityCheckView>;
export const IdentityCheckList = z.array(IdentityCheckView);

export const IdentityCheckParams = z.object({ sittingId: Id, studentId: Id, checkId: Id }).strict();
export type IdentityCheckParams = z.infer<typeof IdentityCheckParams>;

export const IdentityPhotoQuery = z.object({ photo: z.enum(['face', 'document']) }).strict();
export type IdentityPhotoQuery = z.infer<typeof IdentityPhotoQuery>;

export const DecideIdentityBody = z
  .object({
    decision: IdentityDecision,
    /** Required for retake and rejected: the student is told why. */
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => b.decision === 'verified' || (b.note?.length ?? 0) > 0, {
    message: 'a note is required to ask for a retake or to reject',
    path: ['note'],
  });
export type DecideIdentityBody = z.infer<typeof DecideIdentityBody>;

/** To the sitting's watchers: a student sent a check; to the student: the proctor decided. */
export const IdentityChanged = z.object({ sittingId: Id, studentId: Id, checkId: Id });
export type IdentityChanged = z.infer<typeof IdentityChanged>;
