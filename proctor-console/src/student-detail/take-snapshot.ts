import { bytesToBase64, encodeWithinLimit, encodingPlan } from './snapshot.js';

export interface Snapshot {
  blob: Blob;
  /** base64 without the `data:` prefix, as the API takes it. */
  base64: string;
  width: number;
  height: number;
}

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly code: 'no_frame' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

const FRAME_TIMEOUT_MS = 3000;

/** Waits until a video element has a frame to draw (or gives up after a few seconds). */
function firstFrame(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0)
    return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      video.removeEventListener('loadeddata', onData);
      reject(new SnapshotError('no_frame', 'the webcam sent no frame'));
    }, FRAME_TIMEOUT_MS);
    function onData() {
      clearTimeout(timer);
      resolve();
    }
    video.addEventListener('loadeddata', onData, { once: true });
  });
}

/**
 * Takes the webcam's current frame: played into a detached <video> (the track belongs to the
 * watcher and is not stopped here), drawn once at full size so every encoding is of the same
 * moment, then scaled and compressed to fit 64 KB.
 */
export async function takeSnapshot(track: MediaStreamTrack): Promise<Snapshot> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    await video.play();
    await firstFrame(video);
    const frame = document.createElement('canvas');
    frame.width = video.videoWidth;
    frame.height = video.videoHeight;
    const frameContext = frame.getContext('2d');
    if (!frameContext || frame.width === 0) throw new SnapshotError('no_frame', 'the webcam sent no frame');
    frameContext.drawImage(video, 0, 0, frame.width, frame.height);

    const canvas = document.createElement('canvas');
    const fitted = await encodeWithinLimit(encodingPlan(frame.width, frame.height), (step) => {
      canvas.width = step.width;
      canvas.height = step.height;
      canvas.getContext('2d')?.drawImage(frame, 0, 0, step.width, step.height);
      return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', step.quality));
    });
    if (!fitted) throw new SnapshotError('too_large', 'the snapshot does not fit in 64 KB');
    const bytes = new Uint8Array(await fitted.blob.arrayBuffer());
    return {
      blob: fitted.blob,
      base64: bytesToBase64(bytes),
      width: fitted.step.width,
      height: fitted.step.height,
    };
  } finally {
    video.pause();
    video.srcObject = null;
  }
}
