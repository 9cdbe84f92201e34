/**
 * The face mesh in a Web Worker, so the camera preview and the hints never wait for the model.
 * TF.js on its WASM backend (WebGL in many browsers is software and slow) with MediaPipe Face
 * Mesh's graph models, both served by the exam client: nothing is fetched from the internet.
 * `refineLandmarks` stays off: the iris model it needs does not run on WASM.
 */
import { meanBrightness } from '@adal/shared/identity';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import {
  createDetector,
  type FaceLandmarksDetector,
  SupportedModels,
} from '@tensorflow-models/face-landmarks-detection';
import { withoutDuplicates } from './face-overlap.js';
import {
  FACE_FRAME,
  type FaceFrameResult,
  type FaceModelFiles,
  type FaceWorkerReply,
  type FaceWorkerRequest,
  MAX_FACES,
} from './face-protocol.js';

/** The app's tsconfig has the DOM types, not the worker's: just what this file uses. */
interface FaceWorkerScope {
  onmessage: ((event: MessageEvent<FaceWorkerRequest>) => void) | null;
  postMessage(message: FaceWorkerReply): void;
}
const scope = self as unknown as FaceWorkerScope;
const reply = (message: FaceWorkerReply) => scope.postMessage(message);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

let detector: Promise<FaceLandmarksDetector> | null = null;
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

/** The smallest valid WebAssembly module (magic number and version). */
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * A Content-Security-Policy without 'wasm-unsafe-eval' blocks all WebAssembly; TF.js would only
 * say its backend failed, so the real reason is found and said here.
 */
async function checkWebAssembly(): Promise<void> {
  try {
    await WebAssembly.compile(EMPTY_WASM);
  } catch (error) {
    throw new Error(`WebAssembly is blocked on this page (${errorText(error)})`);
  }
}

async function load(files: FaceModelFiles): Promise<FaceLandmarksDetector> {
  const started = performance.now();
  reply({ type: 'progress', stage: 'backend' });
  await checkWebAssembly();
  setWasmPaths(files.wasmPath);
  // TF.js only logs why a backend failed; the likely cause is a .wasm file that is not served.
  if (!(await tf.setBackend('wasm')))
    throw new Error(`the WASM backend did not start (its files are expected under ${files.wasmPath})`);
  await tf.ready();
  reply({ type: 'progress', stage: 'models' });
  const loaded = await createDetector(SupportedModels.MediaPipeFaceMesh, {
    runtime: 'tfjs',
    maxFaces: MAX_FACES,
    refineLandmarks: false,
    detectorModelUrl: files.detectorModelUrl,
    landmarkModelUrl: files.landmarkModelUrl,
  });
  // The first run sets up the detector's kernels now rather than on the student's first frame (a
  // blank frame never reaches the mesh model, so the first face still takes a little longer).
  reply({ type: 'progress', stage: 'warmup' });
  await loaded.estimateFaces(new ImageData(FACE_FRAME.width, FACE_FRAME.height), { staticImageMode: true });
  reply({ type: 'ready', backend: tf.getBackend(), loadMs: Math.round(performance.now() - started) });
  return loaded;
}

/** Pixels of a bitmap (then closed), read once for both the brightness and the model. */
function pixels(frame: ImageBitmap | ImageData): ImageData {
  if (frame instanceof ImageData) return frame;
  const { width, height } = frame;
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('no 2D context in the worker');
  context.drawImage(frame, 0, 0);
  frame.close();
  return context.getImageData(0, 0, width, height);
}

async function analyse(ready: FaceLandmarksDetector, frame: ImageBitmap | ImageData, still: boolean) {
  const started = performance.now();
  const image = pixels(frame);
  const brightness = meanBrightness(image.data, 8);
  const found = await ready.estimateFaces(image, { flipHorizontal: false, staticImageMode: still });
  const result: FaceFrameResult = {
    faces: withoutDuplicates(found).map((face) => ({
      box: { xMin: face.box.xMin, yMin: face.box.yMin, width: face.box.width, height: face.box.height },
      keypoints: face.keypoints.map(({ x, y }) => ({ x, y })),
    })),
    brightness,
    width: image.width,
    height: image.height,
    ms: performance.now() - started,
  };
  return result;
}

const release = (frame: ImageBitmap | ImageData) => {
  if (!(frame instanceof ImageData)) frame.close();
};

scope.onmessage = ({ data }) => {
  if (data.type === 'load') {
    if (detector) return;
    detector = load(data);
    detector.catch((error: unknown) => {
      detector = null; // a later `load` tries again
      reply({ type: 'error', stage: 'load', id: null, message: errorText(error) });
    });
    return;
  }
  const { id, frame } = data;
  if (!detector) {
    release(frame);
    reply({ type: 'error', stage: 'frame', id, message: 'the face model is not loaded' });
    return;
  }
  detector
    .then((ready) => analyse(ready, frame, data.still ?? false))
    .then(
      (result) => reply({ type: 'faces', id, ...result }),
      (error: unknown) => {
        release(frame);
        reply({ type: 'error', stage: 'frame', id, message: errorText(error) });
      },
    );
};
