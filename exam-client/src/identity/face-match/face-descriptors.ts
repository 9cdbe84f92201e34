import type { FaceMatchResult } from '@adal/shared';
import * as faceapi from '@vladmandic/face-api';
import { faceMatchVerdict } from './face-match.js';

/**
 * face-api on the main thread, loaded on demand (the step imports this module lazily). It
 * bundles its own TF.js; the WASM backend runs offline with the binaries the exam client serves
 * and measured ≈250 ms per face; WebGL, then the plain CPU backend, are the fallbacks.
 */
const MODELS = '/models/face-api';
const WASM = '/vendor/tfjs-wasm/';

/** The parts of TF.js face-api bundles but does not declare in its types. */
interface TfRuntime {
  getBackend(): string | undefined;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  setWasmPaths?(prefix: string): void;
}

/**
 * The live photo shows one large face; the document's photo is small, so it is searched finer.
 * The tiny detector scores a face that fills most of the frame low (0.19 for a clear portrait in
 * headless Chromium), hence the modest thresholds and the padded second look below.
 */
const LIVE_OPTIONS = new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.3 });
const DOCUMENT_OPTIONS = new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.3 });
/** The second look puts the photo, smaller, in the middle of a grey frame this much larger. */
const PADDING = 1.8;

let loaded: Promise<void> | null = null;

async function pickBackend(tf: TfRuntime): Promise<void> {
  tf.setWasmPaths?.(WASM);
  for (const name of ['wasm', 'webgl', 'cpu']) {
    try {
      if (tf.getBackend() === name || (await tf.setBackend(name))) break;
    } catch {
      // Try the next one: WebGL may be missing, WASM may be blocked.
    }
  }
  await tf.ready();
}

/** The three networks' weights (detector, 68 landmarks, recognition), once per page. */
export function loadFaceModels(): Promise<void> {
  loaded ??= (async () => {
    await pickBackend(faceapi.tf as unknown as TfRuntime);
    await Promise.all([
      faceapi.nets.tinyFaceDetector.loadFromUri(MODELS),
      faceapi.nets.faceLandmark68Net.loadFromUri(MODELS),
      faceapi.nets.faceRecognitionNet.loadFromUri(MODELS),
    ]);
  })().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

/** The photo on a canvas, alone (padding 1) or in the middle of a grey frame `padding` times its size. */
function onCanvas(bitmap: ImageBitmap, padding: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * padding);
  canvas.height = Math.round(bitmap.height * padding);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#808080';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, (canvas.width - bitmap.width) / 2, (canvas.height - bitmap.height) / 2);
  return canvas;
}

/** The strongest face's 128-d descriptor, or null when the detector finds none (after a padded second look). */
async function describeFace(
  photo: Blob,
  options: faceapi.TinyFaceDetectorOptions,
): Promise<Float32Array | null> {
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  try {
    for (const padding of [1, PADDING]) {
      const canvas = onCanvas(bitmap, padding);
      const found = await faceapi.detectSingleFace(canvas, options).withFaceLandmarks().withFaceDescriptor();
      if (found) return found.descriptor;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/** The live face photo against the document photo, as the identity check sends it. */
export async function matchFaces(livePhoto: Blob, documentPhoto: Blob): Promise<FaceMatchResult> {
  await loadFaceModels();
  const live = await describeFace(livePhoto, LIVE_OPTIONS);
  const onDocument = live ? await describeFace(documentPhoto, DOCUMENT_OPTIONS) : null;
  return faceMatchVerdict(live, onDocument);
}

/** The descriptor of a live camera picture's face (the monitoring's periodic re-match), or null. */
export async function describeLiveFace(photo: Blob): Promise<Float32Array | null> {
  await loadFaceModels();
  return describeFace(photo, LIVE_OPTIONS);
}
