import { describe, expect, it } from 'vitest';
import { FaceDetector, FaceDetectorError, type FaceWorkerPort } from './face-detector.js';
import { FACE_MODEL_FILES, type FaceWorkerReply, type FaceWorkerRequest } from './face-protocol.js';

/** A stand-in for the worker: records what the page sent and answers when told. */
class FakeWorker implements FaceWorkerPort {
  sent: { message: FaceWorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  private listeners: { message: ((event: MessageEvent) => void)[]; error: ((event: Event) => void)[] } = {
    message: [],
    error: [],
  };

  postMessage(message: FaceWorkerRequest, transfer: Transferable[]) {
    this.sent.push({ message, transfer });
  }
  addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
    this.listeners[type].push(listener as never);
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: FaceWorkerReply | { type: 'unknown' }) {
    for (const l of this.listeners.message) l({ data: reply } as MessageEvent);
  }
  crash(message: string) {
    for (const l of this.listeners.error) l({ message } as ErrorEvent);
  }
}

/** Something shaped like an ImageBitmap that remembers being closed. */
const bitmap = () => {
  const frame = { width: 640, height: 480, closed: false, close: () => {} };
  frame.close = () => {
    frame.closed = true;
  };
  return frame as unknown as ImageBitmap & { closed: boolean };
};

const faces = (id: number): FaceWorkerReply => ({
  type: 'faces',
  id,
  faces: [{ box: { xMin: 1, yMin: 2, width: 3, height: 4 }, keypoints: [{ x: 5, y: 6 }] }],
  brightness: 100,
  width: 640,
  height: 480,
  ms: 42,
});

describe('the face worker client', () => {
  it('loads the served model files once and reports each step', async () => {
    const worker = new FakeWorker();
    const stages: string[] = [];
    const detector = new FaceDetector(worker, (stage) => stages.push(stage));
    const loading = detector.load();
    expect(detector.load()).toBe(loading);
    expect(worker.sent).toEqual([{ message: { type: 'load', ...FACE_MODEL_FILES }, transfer: [] }]);
    worker.answer({ type: 'progress', stage: 'backend' });
    worker.answer({ type: 'progress', stage: 'models' });
    worker.answer({ type: 'unknown' }); // not a reply: ignored
    worker.answer({ type: 'ready', backend: 'wasm', loadMs: 900 });
    await expect(loading).resolves.toEqual({ backend: 'wasm', loadMs: 900 });
    expect(stages).toEqual(['backend', 'models']);
  });

  it('says why loading failed, and may be asked again', async () => {
    const worker = new FakeWorker();
    const detector = new FaceDetector(worker);
    const first = detector.load();
    worker.answer({ type: 'error', stage: 'load', id: null, message: 'model not found' });
    await expect(first).rejects.toMatchObject({ code: 'load_failed', message: 'model not found' });
    const second = detector.load();
    expect(second).not.toBe(first);
    expect(worker.sent).toHaveLength(2);
  });

  it('transfers a bitmap, keeps one frame in flight and answers it by id', async () => {
    const worker = new FakeWorker();
    const detector = new FaceDetector(worker);
    const frame = bitmap();
    const first = detector.detect(frame);
    expect(worker.sent[0]).toEqual({
      message: { type: 'frame', id: 1, frame, still: false },
      transfer: [frame],
    });
    expect(detector.busy).toBe(true);

    const extra = bitmap();
    await expect(detector.detect(extra)).rejects.toMatchObject({ code: 'busy' });
    expect(extra.closed).toBe(true); // not sent, so released here
    expect(worker.sent).toHaveLength(1);

    worker.answer(faces(99)); // not the frame in flight
    expect(detector.busy).toBe(true);
    worker.answer(faces(1));
    await expect(first).resolves.toEqual({
      faces: [{ box: { xMin: 1, yMin: 2, width: 3, height: 4 }, keypoints: [{ x: 5, y: 6 }] }],
      brightness: 100,
      width: 640,
      height: 480,
      ms: 42,
    });
    expect(detector.busy).toBe(false);
  });

  it('copies ImageData (nothing to transfer) and marks a still picture', async () => {
    const worker = new FakeWorker();
    const detector = new FaceDetector(worker);
    const image = { width: 2, height: 2, data: new Uint8ClampedArray(16) } as unknown as ImageData;
    const pending = detector.detect(image, { still: true });
    expect(worker.sent[0]).toEqual({
      message: { type: 'frame', id: 1, frame: image, still: true },
      transfer: [],
    });
    worker.answer({ type: 'error', stage: 'frame', id: 1, message: 'bad pixels' });
    await expect(pending).rejects.toMatchObject({ code: 'frame_failed', message: 'bad pixels' });
    expect(detector.busy).toBe(false);
  });

  it('rejects what is waiting when the worker crashes or is terminated', async () => {
    const worker = new FakeWorker();
    const detector = new FaceDetector(worker);
    const loading = detector.load();
    const pending = detector.detect(bitmap());
    worker.crash('script failed to load');
    await expect(loading).rejects.toMatchObject({ code: 'crashed' });
    await expect(pending).rejects.toBeInstanceOf(FaceDetectorError);
    await expect(detector.detect(bitmap())).rejects.toMatchObject({ code: 'crashed' });

    const other = new FakeWorker();
    const closing = new FaceDetector(other);
    const waiting = closing.detect(bitmap());
    closing.terminate();
    expect(other.terminated).toBe(true);
    await expect(waiting).rejects.toMatchObject({ code: 'terminated' });
  });
});
