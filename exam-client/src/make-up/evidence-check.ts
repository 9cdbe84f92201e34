import { EVIDENCE_MIME_TYPES, type Language, MAX_EVIDENCE_BYTES } from '@adal/shared';
import { LOCALES } from '@adal/shared/web';

/**
 * The checks the server makes of an evidence file, made first in the browser so the student hears
 * at once, not after a 5 MB upload: the type by the file's first bytes (never its name or the
 * browser's guess), and the size.
 */
export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];
export type EvidenceProblem = 'type' | 'size' | 'empty' | 'unreadable';

export type EvidenceCheck =
  | { ok: true; mimeType: EvidenceMimeType }
  | { ok: false; problem: EvidenceProblem };

/** Enough bytes to tell the types apart. */
export const HEAD_BYTES = 16;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** PDF, JPEG, PNG or WebP by the magic bytes; anything else is null. */
export function evidenceTypeOf(head: Uint8Array): EvidenceMimeType | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Judges a file from its size and first bytes. */
export function judgeEvidence(size: number, head: Uint8Array): EvidenceCheck {
  if (size === 0) return { ok: false, problem: 'empty' };
  if (size > MAX_EVIDENCE_BYTES) return { ok: false, problem: 'size' };
  const mimeType = evidenceTypeOf(head);
  return mimeType ? { ok: true, mimeType } : { ok: false, problem: 'type' };
}

/** Reads the file's first bytes and judges it; a file the browser cannot read is `unreadable`. */
export async function checkEvidence(file: Blob): Promise<EvidenceCheck> {
  if (file.size === 0 || file.size > MAX_EVIDENCE_BYTES) return judgeEvidence(file.size, new Uint8Array());
  try {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    return judgeEvidence(file.size, head);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

/**
 * Megabytes (of 1024 × 1024 bytes, as the 5 MB limit) with one decimal, rounded up so a file just
 * over the limit never reads "5.0". Kazakh numbers as Russian: reduced ICU data has no `kk`.
 */
export function megabytes(bytes: number, language: Language): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  const locale = LOCALES[language === 'kk' ? 'ru' : language];
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths);
}

/** The accept attribute of the file input: a hint for the picker, not a check. */
export const EVIDENCE_ACCEPT = [...EVIDENCE_MIME_TYPES, '.pdf', '.jpg', '.jpeg', '.png', '.webp'].join(',');
