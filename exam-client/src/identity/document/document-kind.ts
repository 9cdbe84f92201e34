/**
 * The two documents a Kazakhstan student may show: the ID card (ID-1, 85.6 × 54 mm, a TD1 zone
 * of three lines at the bottom) and the passport's photo page (ID-3, 125 × 88 mm, a TD3 zone of
 * two lines). The camera guide takes the document's shape; the MRZ pass reads its bottom band.
 */
export type DocumentKind = 'id_card' | 'passport';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['id_card', 'passport'];

interface DocumentShape {
  /** Width over height of the document. */
  ratio: number;
  /** How much of the document's height, from the bottom, holds the machine readable zone. */
  mrzBand: number;
}

export const DOCUMENT_SHAPES: Record<DocumentKind, DocumentShape> = {
  id_card: { ratio: 85.6 / 54, mrzBand: 0.35 },
  passport: { ratio: 125 / 88, mrzBand: 0.25 },
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The guide rectangle inside a camera frame: the document's shape, as large as fits with a margin
 * (the student holds the document a little inside the frame's edges).
 */
export function guideRect(kind: DocumentKind, frameWidth: number, frameHeight: number, margin = 0.08): Rect {
  const { ratio } = DOCUMENT_SHAPES[kind];
  const maxWidth = frameWidth * (1 - 2 * margin);
  const maxHeight = frameHeight * (1 - 2 * margin);
  const width = Math.min(maxWidth, maxHeight * ratio);
  const height = width / ratio;
  return {
    x: Math.round((frameWidth - width) / 2),
    y: Math.round((frameHeight - height) / 2),
    width: Math.round(width),
    height: Math.round(height),
  };
}

/** The bottom band of a document photo where its MRZ is. */
export function mrzBandRect(kind: DocumentKind, width: number, height: number): Rect {
  const bandHeight = Math.round(height * DOCUMENT_SHAPES[kind].mrzBand);
  return { x: 0, y: height - bandHeight, width, height: bandHeight };
}

/**
 * The sides to photograph, in order. A Kazakhstan ID card has the photo and the printed name and
 * IIN on the front and the machine readable zone on the back; the passport's photo page has both.
 * The photo side is the one sent to the proctor and matched against the face.
 */
export type DocumentSide = 'front' | 'back' | 'photo_page';

export const DOCUMENT_SIDES: Record<DocumentKind, readonly DocumentSide[]> = {
  id_card: ['front', 'back'],
  passport: ['photo_page'],
};

/** Which passes each side needs: the front of an ID card has no MRZ. */
export const SIDE_PASSES: Record<DocumentSide, { mrz: boolean; printed: boolean }> = {
  front: { mrz: false, printed: true },
  back: { mrz: true, printed: true },
  photo_page: { mrz: true, printed: true },
};

export const hasFacePhoto = (side: DocumentSide): boolean => side !== 'back';
