import {
  FACE_MODEL_FILES,
  type FaceFrameResult,
  type FaceLoadStage,
  type FaceModelFiles,
  type FaceWorkerReply,
  type FaceWorkerRequest,
  isFaceWorkerReply,
} from './face-protocol.js';

export type FaceDetectorErrorCode =
  /** The worker could not start the backend or load the models. */
  | 'load_failed'
  /** The worker failed on one frame. */
  | 'frame_failed'
  /** The worker script itself failed (could not be fetched, or threw outside a message). */
  | 'crashed'
  /** A frame was sent while another was still being analysed. */
  | 'busy'
  /** The detector was terminated (the page closed the face check). */
  | 'terminated';

export class FaceDetectorError extends Error {
  override readonly name = 'FaceDetectorError';
  constructor(
    readonly code: FaceDetectorErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An ImageBitmap (transferable, closed when not sent); ImageData is copied. Works where neither class exists (tests). */
const isBitmap = (frame: ImageBitmap | ImageData): frame is ImageBitmap =>
  typeof (frame as Partial<ImageBitmap>).close === 'function';

/** What the client needs of a Worker, so tests can pass a fake one. */
export interface FaceWorkerPort {
  postMessage(message: FaceWorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent | Event) => void): void;
  terminate(): void;
}

export interface FaceDetectorReady {
  backend: string;
  loadMs: number;
}

interface Waiting<T> {
  resolve(value: T): void;
  reject(error: FaceDetectorError): void;
}

/**
 * The page's side of the face worker: one load, then one frame in flight at a time (the camera
 * is faster than the model; a queue would only make the hints late). Frames that are
 * ImageBitmaps are transferred, not copied.
 */
export class FaceDetector {
  private loading: Promise<FaceDetectorReady> | null = null;
  private loadWaiting: Waiting<FaceDetectorReady> | null = null;
  private inFlight: (Waiting<FaceFrameResult> & { id: number }) | null = null;
  private nextId = 1;
  private closed: FaceDetectorError | null = null;

  constructor(
    private readonly worker: FaceWorkerPort,
    private readonly onProgress: (stage: FaceLoadStage) => void = () => {},
  ) {
    worker.addEventListener('message', (event) => {
      if (isFaceWorkerReply(event.data)) this.handle(event.data);
    });
    worker.addEventListener('error', (event) => {
      const detail = 'message' in event && event.message ? `: ${event.message}` : '';
      this.fail(new FaceDetectorError('crashed', `the face worker stopped${detail}`));
    });
  }

  /** Starts the backend and the models once; later calls share the same promise. */
  load(files: FaceModelFiles = FACE_MODEL_FILES): Promise<FaceDetectorReady> {
    if (this.closed) return Promise.reject(this.closed);
    this.loading ??= new Promise<FaceDetectorReady>((resolve, reject) => {
      this.loadWaiting = { resolve, reject };
      this.worker.postMessage({ type: 'load', ...files }, []);
    });
    return this.loading;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Finds the faces in one frame; an ImageBitmap belongs to the worker from here on. */
  detect(frame: ImageBitmap | ImageData, options: { still?: boolean } = {}): Promise<FaceFrameResult> {
    const refused =
      this.closed ?? (this.inFlight ? new FaceDetectorError('busy', 'a frame is in flight') : null);
    if (refused) {
      if (isBitmap(frame)) frame.close();
      return Promise.reject(refused);
    }
    const id = this.nextId++;
    return new Promise<FaceFrameResult>((resolve, reject) => {
      this.inFlight = { id, resolve, reject };
      const transfer = isBitmap(frame) ? [frame] : [];
      this.worker.postMessage({ type: 'frame', id, frame, still: options.still ?? false }, transfer);
    });
  }

  /** Stops the worker; whatever is waiting is rejected with `terminated`. */
  terminate(): void {
    if (!this.closed) this.fail(new FaceDetectorError('terminated', 'the face check was closed'));
    this.worker.terminate();
  }

  private handle(message: FaceWorkerReply): void {
    switch (message.type) {
      case 'progress':
        this.onProgress(message.stage);
        return;
      case 'ready':
        this.loadWaiting?.resolve({ backend: message.backend, loadMs: message.loadMs });
        this.loadWaiting = null;
        return;
      case 'faces': {
        const { type: _type, id, ...result } = message;
        this.settle(id)?.resolve(result);
        return;
      }
      case 'error':
        if (message.stage === 'load') {
          this.loadWaiting?.reject(new FaceDetectorError('load_failed', message.message));
          this.loadWaiting = null;
          this.loading = null; // load() may be tried again
        } else if (message.id !== null) {
          this.settle(message.id)?.reject(new FaceDetectorError('frame_failed', message.message));
        }
        return;
      default:
        message satisfies never;
    }
  }

  /** The frame waiting under this id, no longer in flight. */
  private settle(id: number) {
    const waiting = this.inFlight;
    if (waiting?.id !== id) return null;
    this.inFlight = null;
    return waiting;
  }

  private fail(error: FaceDetectorError): void {
    this.closed = error;
    this.loadWaiting?.reject(error);
    this.loadWaiting = null;
    this.inFlight?.reject(error);
    this.inFlight = null;
  }
}

/** The real worker; Vite bundles face-worker.ts and its imports as a separate module. */
export function startFaceDetector(onProgress?: (stage: FaceLoadStage) => void): FaceDetector {
  const worker = new Worker(new URL('./face-worker.ts', import.meta.url), {
    type: 'module',
    name: 'face-check',
  });
  return new FaceDetector(worker, onProgress);
}
