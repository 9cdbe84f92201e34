import type { AnswerSheet, AnswerSheetSet, SittingSheetRow } from '@adal/shared';

/** Test data for the gallery's tests (valid against the shared schemas). */

export const SITTING = '00000000-0000-4000-8000-000000000001';
export const STUDENT = '10000000-0000-4000-8000-000000000001';

const hex = (n: number) => n.toString(16).padStart(64, '0');

export function sheet(n: number, over: Partial<AnswerSheet> = {}): AnswerSheet {
  const id = `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const base = `/api/sittings/${SITTING}/students/${STUDENT}/sheets/${id}/file`;
  return {
    id,
    pageNumber: n,
    status: 'pending',
    rejectReason: null,
    rejectNote: null,
    sha256: hex(n),
    mimeType: 'image/jpeg',
    byteSize: 2_000_000,
    width: 3000,
    height: 4000,
    sharpness: 250.4,
    blurred: false,
    converted: false,
    uploadedAt: `2026-06-01T10:0${n % 10}:00.000Z`,
    reviewedAt: null,
    reviewedByName: null,
    imageUrl: `${base}?size=full`,
    thumbnailUrl: `${base}?size=thumbnail`,
    ...over,
  };
}

export function sheetSet(pages: AnswerSheet[], replaced: AnswerSheet[] = [], open = true): AnswerSheetSet {
  return {
    sittingId: SITTING,
    studentId: STUDENT,
    pages,
    replaced,
    allAccepted: pages.length > 0 && pages.every((p) => p.status === 'accepted'),
    open,
  };
}

export function row(n: number, name: string, over: Partial<SittingSheetRow> = {}): SittingSheetRow {
  return {
    studentId: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    fullName: name,
    pages: 0,
    pending: 0,
    accepted: 0,
    rejected: 0,
    blurred: 0,
    lastUploadAt: null,
    ...over,
  };
}
