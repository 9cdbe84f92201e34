import type { AnswerSheet, AnswerSheetSet } from '@adal/shared';

export const SITTING = '00000000-0000-4000-8000-000000000001';
export const STUDENT = '00000000-0000-4000-8000-000000000002';

/** A stored page as the server sends it; `n` makes the id and the upload time distinct. */
export function sheet(n: number, pageNumber: number, patch: Partial<AnswerSheet> = {}): AnswerSheet {
  const id = `00000000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`;
  return {
    id,
    pageNumber,
    status: 'pending',
    rejectReason: null,
    rejectNote: null,
    sha256: 'a'.repeat(64),
    mimeType: 'image/jpeg',
    byteSize: 1_200_000,
    width: 3000,
    height: 4000,
    sharpness: 450,
    blurred: false,
    converted: false,
    uploadedAt: new Date(Date.UTC(2026, 5, 10, 10, n)).toISOString(),
    reviewedAt: null,
    reviewedByName: null,
    imageUrl: `/api/sittings/${SITTING}/students/${STUDENT}/sheets/${id}/file`,
    thumbnailUrl: `/api/sittings/${SITTING}/students/${STUDENT}/sheets/${id}/file?size=thumbnail`,
    ...patch,
  };
}

export function sheetSet(pages: AnswerSheet[], patch: Partial<AnswerSheetSet> = {}): AnswerSheetSet {
  return {
    sittingId: SITTING,
    studentId: STUDENT,
    pages,
    replaced: [],
    allAccepted: pages.length > 0 && pages.every((p) => p.status === 'accepted'),
    open: true,
    ...patch,
  };
}

export const accepted = (s: AnswerSheet): AnswerSheet => ({
  ...s,
  status: 'accepted',
  reviewedAt: new Date(Date.parse(s.uploadedAt) + 60_000).toISOString(),
  reviewedByName: 'A. Sadykova',
});

export const rejected = (s: AnswerSheet, note: string | null = null): AnswerSheet => ({
  ...s,
  status: 'rejected',
  rejectReason: note ? 'other' : 'blurred',
  rejectNote: note,
  reviewedAt: new Date(Date.parse(s.uploadedAt) + 60_000).toISOString(),
  reviewedByName: 'A. Sadykova',
});
