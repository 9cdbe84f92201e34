import Tesseract, { type ImageLike, type Worker } from 'tesseract.js';
import type { OcrPass } from './document-reading.js';

/** An MRZ has only these characters; the legacy engine with this list read every specimen character. */
export const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/**
 * Two workers kept for the whole document step, one per engine, started together (and while
 * the student still frames the card): a side is then read without starting tesseract, loading a
 * language or switching engines — which took about a second of every side's reading.
 */
export interface OcrEngines {
  /** Legacy engine with English: the MRZ pass. */
  mrz: Worker;
  /** LSTM with Kazakh and English: the printed pass. */
  printed: Worker;
}

export async function createOcrEngines(options: Partial<Tesseract.WorkerOptions>): Promise<OcrEngines> {
  const [mrz, printed] = await Promise.all([
    Tesseract.createWorker('eng', Tesseract.OEM.TESSERACT_ONLY, options),
    Tesseract.createWorker('kaz+eng', Tesseract.OEM.LSTM_ONLY, options),
  ]);
  return { mrz, printed };
}

/** The printed pass on a worker already running LSTM with Kazakh and English. */
export async function readPrinted(worker: Worker, document: ImageLike): Promise<OcrPass> {
  await worker.setParameters({ tessedit_char_whitelist: '', tessedit_pageseg_mode: Tesseract.PSM.AUTO });
  const { data } = await worker.recognize(document);
  return { text: data.text, confidence: data.confidence };
}

/**
 * The MRZ pass, on the legacy-engine worker: English data and the zone's alphabet
 * on the greyscale, contrast-stretched bottom band, read as one block of lines.
 */
export async function readMrzBand(worker: Worker, band: ImageLike): Promise<OcrPass> {
  await worker.setParameters({
    tessedit_char_whitelist: MRZ_WHITELIST,
    tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
  });
  const { data } = await worker.recognize(band);
  return { text: data.text, confidence: data.confidence };
}
