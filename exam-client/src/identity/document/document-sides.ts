import { type DocumentSide, hasFacePhoto } from './document-kind.js';
import { type DocumentOcrText, mergeSides } from './document-reading.js';

/** One side of the document, photographed and read. */
export interface SideRead {
  side: DocumentSide;
  photo: Blob;
  ocr: DocumentOcrText;
  ocrMs: number;
  /** OCR could not run (the photo is still sent; the proctor reads it). */
  failed: boolean;
}

/**
 * The document as far as it is read: the side with the holder's photo is the one sent and
 * matched against the face; the text of every side is read together; the OCR time adds up.
 * Null until the photo side is there.
 */
export function documentDone(
  sides: readonly SideRead[],
): { photo: Blob; ocr: DocumentOcrText; ocrMs: number } | null {
  const photoSide = sides.find((s) => hasFacePhoto(s.side));
  if (!photoSide) return null;
  return {
    photo: photoSide.photo,
    ocr: mergeSides(sides.map((s) => s.ocr)),
    ocrMs: sides.reduce((sum, s) => sum + s.ocrMs, 0),
  };
}
