import type { DocumentReading } from '@adal/shared';
import {
  compareWithRoster,
  type DocumentHolder,
  findMrzLines,
  type MrzReading,
  type RosterMatchReason,
  readMrz,
  readPrintedFields,
} from '@adal/shared/identity';

/** What one OCR pass gave: its text and tesseract's mean confidence (0–100). */
export interface OcrPass {
  text: string;
  confidence: number;
}

/** The two passes over a document photo: the MRZ band (legacy engine) and the whole card (LSTM). */
export interface DocumentOcrText {
  mrz: OcrPass | null;
  printed: OcrPass | null;
}

/** Two sides' text of one pass read as one (an ID card's photo side and its back). */
export function joinPasses(a: OcrPass | null, b: OcrPass | null): OcrPass | null {
  if (!a || !b) return a ?? b;
  return { text: `${a.text}\n${b.text}`, confidence: (a.confidence + b.confidence) / 2 };
}

/** Every side read so far, as the two passes over one document. */
export const mergeSides = (sides: readonly DocumentOcrText[]): DocumentOcrText => ({
  mrz: sides.reduce<OcrPass | null>((all, side) => joinPasses(all, side.mrz), null),
  printed: sides.reduce<OcrPass | null>((all, side) => joinPasses(all, side.printed), null),
});

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));
const confidence = (pass: OcrPass | null) =>
  pass === null ? null : Math.min(100, Math.max(0, Math.round(pass.confidence)));

/**
 * The zone from the MRZ pass, else from the printed pass (LSTM reads the zone too, less well):
 * a zone whose check digits hold wins over one that parsed with errors.
 */
function bestMrz(ocr: DocumentOcrText, today: Date): { reading: MrzReading; pass: OcrPass } | null {
  let fallback: { reading: MrzReading; pass: OcrPass } | null = null;
  for (const pass of [ocr.mrz, ocr.printed]) {
    if (!pass) continue;
    const found = findMrzLines(pass.text);
    const reading = found ? readMrz(found, today) : null;
    if (!reading) continue;
    if (reading.valid) return { reading, pass };
    fallback ??= { reading, pass };
  }
  return fallback;
}

/**
 * The device's reading of a document, as the identity check sends it: the MRZ when one was found
 * and parsed (check digits verified), else the printed fields, else nothing. The printed IIN
 * fills in when the zone carries none (a passport's personal number may be empty).
 */
export function buildDocumentReading(ocr: DocumentOcrText, today = new Date()): DocumentReading {
  const printed = ocr.printed ? readPrintedFields(ocr.printed.text) : null;
  const mrz = bestMrz(ocr, today);
  if (mrz) {
    const { reading, pass } = mrz;
    return {
      source: 'mrz',
      format: reading.format,
      checkDigitsValid: reading.valid,
      invalidFields: reading.invalidFields.slice(0, 20).map((f) => f.slice(0, 64)),
      documentNumber: clip(reading.documentNumber, 20),
      surname: clip(reading.surname, 100),
      givenNames: clip(reading.givenNames, 100),
      iin: reading.iin ?? printed?.iin ?? null,
      birthDate: reading.birthDate,
      expiryDate: reading.expiryDate,
      ocrConfidence: confidence(pass),
    };
  }
  const anything =
    printed && [printed.iin, printed.surname, printed.givenNames, printed.documentNumber].some((v) => v);
  if (printed && anything) {
    return {
      source: 'printed',
      format: null,
      checkDigitsValid: false,
      invalidFields: [],
      documentNumber: clip(printed.documentNumber, 20),
      surname: clip(printed.surname, 100),
      givenNames: clip(printed.givenNames, 100),
      iin: printed.iin,
      birthDate: printed.birthDate,
      expiryDate: printed.expiryDate,
      ocrConfidence: confidence(ocr.printed),
    };
  }
  return {
    source: 'none',
    format: null,
    checkDigitsValid: false,
    invalidFields: [],
    documentNumber: null,
    surname: null,
    givenNames: null,
    iin: null,
    birthDate: null,
    expiryDate: null,
    ocrConfidence: confidence(ocr.mrz ?? ocr.printed),
  };
}

/** The holder as the list comparison reads them. */
export const holderOf = (reading: DocumentReading): DocumentHolder => ({
  surname: reading.surname,
  givenNames: reading.givenNames,
  iin: reading.iin,
  expiryDate: reading.expiryDate,
});

/**
 * The device's preview against the list: the student's account gives their name, not their IIN,
 * so the preview compares the name and the expiry date; the server compares the IIN with the list.
 */
export function ownNamePreview(
  reading: DocumentReading,
  fullName: string,
  today: string,
): RosterMatchReason[] {
  const { reasons } = compareWithRoster({ ...holderOf(reading), iin: null }, { fullName, iin: '' }, today);
  return reasons.filter((r) => !r.startsWith('iin_'));
}
