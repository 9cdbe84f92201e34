import { estimateSkewDegrees, lumaOf, MIN_CORRECTED_DEGREES } from './deskew.js';
import {
  type DocumentKind,
  type DocumentSide,
  mrzBandRect,
  type Rect,
  SIDE_PASSES,
} from './document-kind.js';
import type { DocumentOcrText, OcrPass } from './document-reading.js';
import { enhanceForOcr } from './ocr-image.js';
import { createOcrEngines, type OcrEngines, readMrzBand, readPrinted } from './ocr-passes.js';
import { monotonic, type OcrStage, overallProgress } from './ocr-progress.js';

/**
 * tesseract.js runs in its own Web Worker; everything it loads is served by the exam client
 * (vite/on-device-assets.ts), never a CDN. The worker script is loaded by URL (no blob: URL, so
 * a strict Content-Security-Policy holds); the language data is cached by the browser's own
 * IndexedDB store after the first read.
 */
export const OCR_ASSETS = {
  workerPath: '/vendor/tesseract/worker.min.js',
  corePath: '/vendor/tesseract-core/',
  langPath: '/vendor/tessdata',
  workerBlobURL: false,
} as const;

/** The zone's letters want about 30 px of height: small webcam crops are scaled up to this width. */
const MIN_BAND_WIDTH = 1000;
/** Larger photos only slow the printed pass down. */
const MAX_DOCUMENT_WIDTH = 2000;
/** The angle is found on a copy this wide: enough rows per text line, a few ms of work. */
const SKEW_SAMPLE_WIDTH = 800;

export interface SideOcrResult {
  ocr: DocumentOcrText;
  /** From decoding the photo to the last pass, for the record. */
  ocrMs: number;
}

function drawToCanvas(source: CanvasImageSource, from: Rect, width: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width);
  canvas.height = Math.round((from.height * width) / from.width);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, from.x, from.y, from.width, from.height, 0, 0, canvas.width, canvas.height);
  return canvas;
}

function pixelsOf(canvas: HTMLCanvasElement): ImageData {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * The photo turned level when the document was held askew (by ±0.5° or more). The angle is
 * read from the MRZ band on sides that have one (its lines are the most regular print), else
 * from the whole side. Corners the turn uncovers are filled with the paper's colour.
 */
function levelled(bitmap: ImageBitmap, kind: DocumentKind, side: DocumentSide): CanvasImageSource {
  const all = { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
  const area = SIDE_PASSES[side].mrz ? mrzBandRect(kind, bitmap.width, bitmap.height) : all;
  const sample = drawToCanvas(bitmap, area, Math.min(area.width, SKEW_SAMPLE_WIDTH));
  const grey = lumaOf(pixelsOf(sample).data);
  const degrees = estimateSkewDegrees(grey, sample.width, sample.height);
  if (Math.abs(degrees) < MIN_CORRECTED_DEGREES) return bitmap;

  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  const paper = grey.slice().sort()[Math.floor(grey.length * 0.9)] ?? 255;
  context.fillStyle = `rgb(${paper} ${paper} ${paper})`;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingQuality = 'high';
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((-degrees * Math.PI) / 180);
  context.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
  return canvas;
}

/** The bottom band, greyscale and contrast-stretched, at least MIN_BAND_WIDTH wide. */
function mrzBandCanvas(
  photo: CanvasImageSource,
  kind: DocumentKind,
  width: number,
  height: number,
): HTMLCanvasElement {
  const band = mrzBandRect(kind, width, height);
  const canvas = drawToCanvas(photo, band, Math.max(band.width, MIN_BAND_WIDTH));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  enhanceForOcr(pixels.data);
  context.putImageData(pixels, 0, 0);
  return canvas;
}

/** The document step's two OCR workers (see OcrEngines), created once and kept until released. */
let engines: Promise<OcrEngines> | null = null;
/** Where tesseract's progress goes: the side being read now (workers outlive a single reading). */
let progressSink: ((step: number) => void) | null = null;

/** Starts the OCR workers if they are not running yet; the document step calls it on mount. */
export function warmOcr(): Promise<OcrEngines> {
  if (!engines) {
    const starting = createOcrEngines({
      ...OCR_ASSETS,
      logger: (m) => progressSink?.(m.progress),
      // Without a handler tesseract.js rethrows a failed job's error where nothing catches it.
      errorHandler: () => {},
    });
    engines = starting;
    // A failed start is tried again by the next reading, not remembered.
    starting.catch(() => {
      if (engines === starting) engines = null;
    });
  }
  return engines;
}

/** Ends the OCR workers (the document step is done or left). */
export async function releaseOcr(): Promise<void> {
  const running = engines;
  engines = null;
  if (!running) return;
  const workers = await running.catch(() => null);
  await Promise.all([workers?.mrz.terminate(), workers?.printed.terminate()]);
}

/**
 * Reads one side of a document on the device: the MRZ band with the legacy engine (sides with a
 * zone), then the whole side with LSTM. A failed pass counts as unread text, so a photo without
 * a readable zone still gives its printed fields.
 */
export async function readDocumentSide(
  photo: Blob,
  kind: DocumentKind,
  side: DocumentSide,
  onProgress: (fraction: number) => void,
): Promise<SideOcrResult> {
  const passes = SIDE_PASSES[side];
  const started = performance.now();
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  let band: HTMLCanvasElement;
  let whole: HTMLCanvasElement;
  try {
    const photo = levelled(bitmap, kind, side);
    const { width, height } = bitmap;
    band = mrzBandCanvas(photo, kind, width, height);
    whole = drawToCanvas(photo, { x: 0, y: 0, width, height }, Math.min(width, MAX_DOCUMENT_WIDTH));
  } finally {
    bitmap.close();
  }

  let stage: OcrStage = 'loading';
  const bar = monotonic();
  const report = (step: number) => onProgress(bar(overallProgress(stage, step)));
  progressSink = report;
  let mrz: OcrPass | null = null;
  let printed: OcrPass | null = null;
  try {
    const workers = await warmOcr();
    stage = 'mrz';
    if (passes.mrz) mrz = await readMrzBand(workers.mrz, band).catch(() => null);
    stage = 'printed';
    if (passes.printed) printed = await readPrinted(workers.printed, whole).catch(() => null);
  } finally {
    progressSink = null;
  }
  onProgress(1);
  return { ocr: { mrz, printed }, ocrMs: Math.round(performance.now() - started) };
}
