import { z } from 'zod';
import { SittingKind } from '../domain/sitting-kinds.js';
import { DisciplineRef, GroupRef, Id } from './sittings.js';

/**
 * Absence and make-up (exam-procedures.md): a student who missed a sitting for a valid reason
 * applies with evidence to the dean's office (state exams and defences: to the commission chair);
 * approval creates a make-up sitting for that student and tells them.
 */
const At = z.string().datetime();

export const AbsenceReason = z.enum(['no_internet', 'power_cut', 'illness', 'family', 'other']);
export type AbsenceReason = z.infer<typeof AbsenceReason>;

/** Evidence: a scan or photo of a certificate, checked by content (PDF, JPEG, PNG, WebP). */
export const EVIDENCE_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const EvidenceMimeType = z.enum(EVIDENCE_MIME_TYPES);
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
const MAX_EVIDENCE_BASE64 = Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4;

export const MakeUpReviewer = z.enum(['dean_office', 'commission_chair']);
export type MakeUpReviewer = z.infer<typeof MakeUpReviewer>;

export const MakeUpStatus = z.enum(['pending', 'approved', 'rejected']);
export type MakeUpStatus = z.infer<typeof MakeUpStatus>;

export const ApplyForMakeUpBody = z
  .object({
    reason: AbsenceReason,
    /** What happened, in the student's words. */
    explanation: z.string().trim().min(1).max(2000),
    evidenceFileName: z.string().trim().min(1).max(255),
    evidenceBase64: z.base64().min(1).max(MAX_EVIDENCE_BASE64),
  })
  .strict();
export type ApplyForMakeUpBody = z.infer<typeof ApplyForMakeUpBody>;

export const MakeUpSittingRef = z.object({ sittingId: Id, startsAt: At });

export const MakeUpApplicationView = z.object({
  applicationId: Id,
  sitting: z.object({
    sittingId: Id,
    kind: SittingKind,
    discipline: DisciplineRef,
    group: GroupRef,
    startsAt: At,
  }),
  student: z.object({ studentId: Id, fullName: z.string() }),
  reason: AbsenceReason,
  explanation: z.string(),
  evidence: z.object({
    fileName: z.string(),
    mimeType: EvidenceMimeType,
    sizeBytes: z.number().int().min(1),
  }),
  /** Who decides: the dean's office, or for state exams and defences the commission chair. */
  reviewer: MakeUpReviewer,
  status: MakeUpStatus,
  submittedAt: At,
  decidedAt: At.nullable(),
  decidedBy: z.string().nullable(),
  /** The reviewer's note; required when rejecting. */
  decisionNote: z.string().nullable(),
  makeUpSitting: MakeUpSittingRef.nullable(),
});
export type MakeUpApplicationView = z.infer<typeof MakeUpApplicationView>;
export const MakeUpApplicationList = z.array(MakeUpApplicationView);

/** A sitting the student missed (started, never admitted), and their application for it if any. */
export const MissedSitting = z.object({
  sittingId: Id,
  kind: SittingKind,
  discipline: DisciplineRef,
  startsAt: At,
  reviewer: MakeUpReviewer,
  application: MakeUpApplicationView.nullable(),
});
export type MissedSitting = z.infer<typeof MissedSitting>;
export const MissedSittingList = z.array(MissedSitting);

export const MakeUpApplicationParams = z.object({ applicationId: Id }).strict();
export type MakeUpApplicationParams = z.infer<typeof MakeUpApplicationParams>;

export const MakeUpApplicationsQuery = z.object({ status: MakeUpStatus.optional() }).strict();
export type MakeUpApplicationsQuery = z.infer<typeof MakeUpApplicationsQuery>;

export const DecideMakeUpBody = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('approve'),
      /** When the make-up sitting starts (the additional exam schedule). */
      startsAt: z.string().datetime({ offset: true }),
      note: z.string().trim().max(1000).optional(),
    })
    .strict(),
  z.object({ decision: z.literal('reject'), note: z.string().trim().min(1).max(1000) }).strict(),
]);
export type DecideMakeUpBody = z.infer<typeof DecideMakeUpBody>;

/** To the student: their application was decided (approved with a make-up sitting, or rejected). */
export const MakeUpDecided = z.object({ applicationId: Id, status: MakeUpStatus });
export type MakeUpDecided = z.infer<typeof MakeUpDecided>;
