import Tesseract, { type ImageLike, type Worker } from 'tesseract.js';
import type { OcrPass } from './document-reading.js';

/** An MRZ has only these characters; the legacy engine with this list read every specimen character. */
export const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/**
 * The worker both passes share: the full core (legacy engine and LSTM) with English loaded for
 * the MRZ pass. One worker per document photo: tesseract.js cannot switch back to the legacy
 * engine once it ran LSTM (`reinitialize` ignores engine 0).
 */
export const createDocumentWorker = (options: Partial<Tesseract.WorkerOptions>): Promise<Worker> =>
  Tesseract.createWorker('eng', Tesseract.OEM.TESSERACT_ONLY, options);

/**
 * The MRZ pass, first on a fresh worker: the legacy engine, English data and the zone's alphabet
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

/** The printed pass, second: LSTM with Kazakh and English over the whole document, any letter. */
export async function readPrintedSide(worker: Worker, document: ImageLike): Promise<OcrPass> {
  await worker.reinitialize('kaz+eng', Tesseract.OEM.LSTM_ONLY);
  await worker.setParameters({ tessedit_char_whitelist: '', tessedit_pageseg_mode: Tesseract.PSM.AUTO });
  const { data } = await worker.recognize(document);
  return { text: data.text, confidence: data.confidence };
}
