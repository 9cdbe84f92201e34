import type { DetectedFace } from '@adal/shared/identity';

/**
 * The messages between the page and the face worker (face-worker.ts), written once for both
 * ends. The worker runs the face mesh on the student's device; nothing leaves the browser.
 */

/** Where the worker finds its files: served by the exam client itself (vite/on-device-assets.ts, public/models). */
export const FACE_MODEL_FILES = {
  wasmPath: '/vendor/tfjs-wasm/',
  detectorModelUrl: '/models/facemesh/facemesh-detection-short.json',
  landmarkModelUrl: '/models/facemesh/facemesh.json',
} as const;

/** More than one face must be seen to say "only you should be in the picture". */
export const MAX_FACES = 3;

/** The frame the face check looks at: a 4:3 centre crop of the camera, downscaled. */
export const FACE_FRAME = { width: 640, height: 480 } as const;

export type FaceModelFiles = { [K in keyof typeof FACE_MODEL_FILES]: string };

/** Page → worker. */
export type FaceWorkerRequest =
  /** Start the WASM backend and load both models. */
  | ({ type: 'load' } & FaceModelFiles)
  /**
   * Find the faces in one frame. An ImageBitmap is transferred (the page no longer owns it).
   * `still`: an unrelated picture, so nothing is carried over from the previous frame.
   */
  | { type: 'frame'; id: number; frame: ImageBitmap | ImageData; still?: boolean };

/** The steps of loading, reported as they start. */
export type FaceLoadStage = 'backend' | 'models' | 'warmup';

/** What the worker found in one frame. Keypoints are the 468 mesh points (x, y in frame pixels). */
export interface FaceFrameResult {
  faces: DetectedFace[];
  /** Mean luma of the frame, 0–255. */
  brightness: number;
  width: number;
  height: number;
  /** Time the worker spent on this frame (milliseconds). */
  ms: number;
}

/** Worker → page. */
export type FaceWorkerReply =
  | { type: 'progress'; stage: FaceLoadStage }
  | { type: 'ready'; backend: string; loadMs: number }
  | ({ type: 'faces'; id: number } & FaceFrameResult)
  /** `id` is the frame's, or null when loading failed. */
  | { type: 'error'; stage: 'load' | 'frame'; id: number | null; message: string };

const REPLY_TYPES: ReadonlySet<string> = new Set<FaceWorkerReply['type']>([
  'progress',
  'ready',
  'faces',
  'error',
]);

/** The worker is our own code, but a reply is still checked for its shape before it is trusted. */
export function isFaceWorkerReply(data: unknown): data is FaceWorkerReply {
  return (
    typeof data === 'object' && data !== null && REPLY_TYPES.has((data as { type?: unknown }).type as string)
  );
}
