import { z } from 'zod';
import type { SittingKind } from '../domain/sitting-kinds.js';
import { Id } from './sittings.js';
import { StudentLogParams } from './violations.js';

/**
 * Answer-sheet photos (exam-procedures.md, "Answer sheets"): after an oral or written exam the
 * student photographs every A4 sheet and uploads them as ordered pages; the proctor accepts or
 * rejects each page and then permits leave.
 *
 * Bytes travel over tus (resumable: a dropped connection continues from the last stored byte);
 * everything else is JSON on the routes below.
 */

/** Formats accepted by content (magic bytes); HEIC/HEIF is converted to JPEG on arrival. */
export const SHEET_INPUT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
/** One photo: a modern phone's full-resolution JPEG is 3–8 MB. */
export const SHEET_MAX_BYTES = 25 * 1024 * 1024;
/** Pages per student and sitting (a written exam is rarely more than a dozen sheets). */
export const SHEET_MAX_PAGES = 30;
/**
 * Below this variance of the Laplacian (at SHARPNESS_WIDTH px wide) a page is flagged as blurred.
 * Calibrated on synthetic handwritten A4 pages photographed at 3000 × 4000 and stored as the
 * server stores them (server/test/sheet-images.ts): in focus ≈ 5,000; defocus σ = 0.5 px (at
 * 1000 px wide) ≈ 1,850; σ = 1 (soft, still readable) ≈ 215–255; σ = 1.5 (hard to read) ≈ 45–80;
 * σ ≥ 2 ≤ 60. Heavy sensor noise in a small photo raises the score: the flag is a hint, the
 * proctor decides.
 */
export const SHARPNESS_THRESHOLD = 150;
export const SHARPNESS_WIDTH = 1000;

/** The exam kinds whose students write on paper and upload photos of the sheets afterwards. */
export const ANSWER_SHEET_KINDS = ['written', 'oral', 'state_exam'] as const satisfies readonly SittingKind[];
export const hasAnswerSheets = (kind: SittingKind): boolean =>
  (ANSWER_SHEET_KINDS as readonly SittingKind[]).includes(kind);

export const SheetStatus = z.enum(['pending', 'accepted', 'rejected']);
export type SheetStatus = z.infer<typeof SheetStatus>;

/** Why a proctor rejects a page; `other` needs a note. */
export const SheetRejectReason = z.enum(['blurred', 'dark', 'cut_off', 'wrong_page', 'unreadable', 'other']);
export type SheetRejectReason = z.infer<typeof SheetRejectReason>;

/** One stored page (the current version of its page number, or an earlier one it replaced). */
export const AnswerSheet = z.object({
  id: Id,
  pageNumber: z.number().int().min(1).max(SHEET_MAX_PAGES),
  status: SheetStatus,
  rejectReason: SheetRejectReason.nullable(),
  rejectNote: z.string().nullable(),
  /** SHA-256 (hex) of the stored image: the one the student and the proctor see. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  byteSize: z.number().int().min(1),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  /** Variance of the Laplacian at SHARPNESS_WIDTH px wide; `blurred` when under the threshold. */
  sharpness: z.number().min(0),
  blurred: z.boolean(),
  /** The file came as HEIC and was converted. */
  converted: z.boolean(),
  uploadedAt: z.string().datetime(),
  reviewedAt: z.string().datetime().nullable(),
  reviewedByName: z.string().nullable(),
  /** The image and its thumbnail (same-origin, cookie-authorised). */
  imageUrl: z.string(),
  thumbnailUrl: z.string(),
});
export type AnswerSheet = z.infer<typeof AnswerSheet>;

/** A student's pages for a sitting, current versions in page order; `replaced` are earlier versions. */
export const AnswerSheetSet = z.object({
  sittingId: Id,
  studentId: Id,
  pages: z.array(AnswerSheet),
  replaced: z.array(AnswerSheet),
  /** Every current page is accepted (and there is at least one). */
  allAccepted: z.boolean(),
  /** The student may still upload (the sitting is not over for them). */
  open: z.boolean(),
});
export type AnswerSheetSet = z.infer<typeof AnswerSheetSet>;

/** The gallery's list: every student of the sitting with counts per status. */
export const SittingSheetRow = z.object({
  studentId: Id,
  fullName: z.string(),
  pages: z.number().int().min(0),
  pending: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
  blurred: z.number().int().min(0),
  lastUploadAt: z.string().datetime().nullable(),
});
export type SittingSheetRow = z.infer<typeof SittingSheetRow>;
export const SittingSheetList = z.array(SittingSheetRow);

export const SheetParams = StudentLogParams.extend({ sheetId: Id }).strict();
export type SheetParams = z.infer<typeof SheetParams>;

export const SheetFileQuery = z.object({ size: z.enum(['full', 'thumbnail']).default('full') }).strict();
export type SheetFileQuery = z.infer<typeof SheetFileQuery>;

export const ReviewSheetBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }).strict(),
  z
    .object({
      decision: z.literal('reject'),
      reason: SheetRejectReason,
      note: z.string().trim().max(500).optional(),
    })
    .strict()
    .refine((b) => b.reason !== 'other' || (b.note?.length ?? 0) > 0, {
      message: 'a note is required when the reason is "other"',
      path: ['note'],
    }),
]);
export type ReviewSheetBody = z.infer<typeof ReviewSheetBody>;

/**
 * tus `Upload-Metadata` the client sends (base64 values, per the tus protocol): the page number
 * and the file name for the student's own list. The server never trusts the name or a type.
 */
export const SheetUploadMetadata = z
  .object({
    pageNumber: z.coerce.number().int().min(1).max(SHEET_MAX_PAGES),
    filename: z.string().max(255).optional(),
  })
  .strict();
export type SheetUploadMetadata = z.infer<typeof SheetUploadMetadata>;

/**
 * The tus endpoint of a sitting's uploads (POST to create, PATCH/HEAD on the created URL; the
 * `Location` it answers is relative to the origin). Same origin only, the session cookie
 * authorises. A refusal has the API's JSON error body (`ApiErrorResponse`, also for tus's own
 * 409/413), e.g. 415 for a file that is not a photo, 409 once the sitting is over for the student.
 */
export const sheetUploadPath = (sittingId: string) => `/api/student/sittings/${sittingId}/sheets/uploads`;

/**
 * Headers of the response that finishes an upload (the last PATCH, 204): the stored page's id and
 * number, and `Sheet-Duplicate: 1` when the same photo was already the page (nothing new stored).
 * The full page arrives as `sheet:changed` and in `studentSheets`.
 */
export const SHEET_RESPONSE_HEADERS = {
  id: 'Sheet-Id',
  page: 'Sheet-Page',
  duplicate: 'Sheet-Duplicate',
} as const;

/** Pushed to the student and the sitting's watchers when a page is stored, accepted or rejected. */
export const SheetChanged = z.object({
  sittingId: Id,
  studentId: Id,
  sheet: AnswerSheet,
});
export type SheetChanged = z.infer<typeof SheetChanged>;

/** Evidence of a `sheet_uploaded` log entry. */
export const SheetUploadedEvidence = z.object({
  page: z.number().int().min(1),
  sheetId: Id,
  sha256: z.string(),
  sharpness: z.number(),
  blurred: z.boolean(),
  converted: z.boolean(),
  /** The earlier version of the page this one replaced. */
  replacedSheetId: Id.nullable(),
});
export type SheetUploadedEvidence = z.infer<typeof SheetUploadedEvidence>;

/** Evidence of a `sheet_accepted` / `sheet_rejected` log entry (the entry's text is the note). */
export const SheetReviewedEvidence = z.object({
  page: z.number().int().min(1),
  sheetId: Id,
  reason: SheetRejectReason.nullable(),
  by: Id,
  byName: z.string(),
});
export type SheetReviewedEvidence = z.infer<typeof SheetReviewedEvidence>;
