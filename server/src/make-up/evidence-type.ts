import type { EVIDENCE_MIME_TYPES } from '@adal/shared';
import { photoTypeOf } from '../answer-sheets/photo-type.js';

/** PDF, JPEG, PNG or WebP (the contract's EvidenceMimeType enum). */
export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];

/**
 * What an evidence file is by its first bytes (never by its name): a PDF scan or a JPEG, PNG or
 * WebP photo of a certificate. HEIC, which answer sheets take, is not accepted here: reviewers
 * must be able to open the file in any browser.
 */
export function evidenceTypeOf(head: Uint8Array): EvidenceMimeType | null {
  if (String.fromCharCode(...head.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  const photo = photoTypeOf(head);
  return photo === 'image/heic' ? null : photo;
}

export const EVIDENCE_EXTENSION: Record<EvidenceMimeType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
