import type { LivenessResult } from '@adal/shared';
import { type LivenessChallenge, pickChallenges } from '@adal/shared/identity';
import type { MediaErrorCode } from '@adal/shared/web/media';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { FaceDetectorError, startFaceDetector } from './face-detector.js';
import { FaceCheckFlow, type FaceCheckState } from './face-flow.js';
import { centreCrop, cryptoRandom } from './face-frame.js';
import { takeFacePhoto } from './face-photo.js';
import { FACE_FRAME, type FaceLoadStage } from './face-protocol.js';

/** What FaceCapture hands on once the face check passed (the contract: shared/src/api/identity.ts). */
export interface FaceCaptureResult {
  /** JPEG, 640×480, at most MAX_FACE_PHOTO_BYTES, taken when the face was ready and steady. */
  photo: Blob;
  liveness: LivenessResult;
  /** Median time the model took per frame on this device (milliseconds). */
  faceFrameMs: number;
}

/** Everything the face check's screen can show. */
export type FaceCaptureViewState =
  | { step: 'starting'; stage: 'camera' | FaceLoadStage }
  | { step: 'unavailable'; problem: 'camera'; code: MediaErrorCode }
  | { step: 'unavailable'; problem: 'model' | 'photo'; detail: string }
  | FaceCheckState;

/** ~9 frames a second while guiding: smooth enough for hints, light on a student's laptop. */
const FRAME_INTERVAL_MS = 110;
/** A frame the camera has not delivered yet is looked for again after this. */
const NO_FRAME_DELAY_MS = 200;

const detail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs the face check on the playing `video`: frames to the worker one at a time, the answers
 * through FaceCheckFlow, the photo at the steady moment, `onDone` once every challenge passed.
 */
export function useFaceCheck(
  video: RefObject<HTMLVideoElement | null>,
  stream: MediaStream | null,
  onDone: (result: FaceCaptureResult) => void,
  challenges?: readonly LivenessChallenge[],
): { state: FaceCaptureViewState; retry: () => void } {
  const [state, setState] = useState<FaceCaptureViewState>({ step: 'starting', stage: 'camera' });
  const again = useRef<(() => void) | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  // The list's content, not its identity, restarts the check.
  const allowedKey = challenges?.join(',') ?? '';

  useEffect(() => {
    if (!stream) return;
    const allowed = allowedKey ? (allowedKey.split(',') as LivenessChallenge[]) : undefined;
    const check = new FaceCheckFlow(() => pickChallenges(cryptoRandom, allowed));
    const detector = startFaceDetector((stage) => setState({ step: 'starting', stage }));
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let photo: Promise<Blob> | null = null;

    const schedule = (delay: number) => {
      if (!stopped) timer = setTimeout(() => void tick(), delay);
    };
    const unavailable = (problem: 'model' | 'photo', error: unknown) => {
      if (!stopped) setState({ step: 'unavailable', problem, detail: detail(error) });
    };

    const finish = (liveness: LivenessResult) => {
      const taken = photo;
      if (!taken) return unavailable('photo', new Error('no photo was taken'));
      taken.then(
        (blob) =>
          !stopped && done.current({ photo: blob, liveness, faceFrameMs: Math.round(check.medianFrameMs()) }),
        (error: unknown) => unavailable('photo', error),
      );
    };

    const tick = async () => {
      const element = video.current;
      if (!element || element.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !element.videoWidth)
        return schedule(NO_FRAME_DELAY_MS);
      const started = performance.now();
      const crop = centreCrop(element.videoWidth, element.videoHeight);
      let frame: Awaited<ReturnType<typeof detector.detect>>;
      try {
        const bitmap = await createImageBitmap(element, crop.sx, crop.sy, crop.sw, crop.sh, {
          resizeWidth: FACE_FRAME.width,
          resizeHeight: FACE_FRAME.height,
          resizeQuality: 'medium',
        });
        frame = await detector.detect(bitmap);
      } catch (error) {
        if (stopped) return;
        // One bad frame is skipped; a worker that stopped is not coming back.
        if (error instanceof FaceDetectorError && error.code !== 'frame_failed')
          return unavailable('model', error);
        return schedule(FRAME_INTERVAL_MS);
      }
      if (stopped) return;
      const pushed = check.push(frame, performance.now());
      if (pushed.takePhoto) {
        photo = takeFacePhoto(element, crop);
        photo.catch(() => {}); // reported by finish() if the check passes
      }
      setState(pushed.state);
      if (pushed.state.step === 'passed') return finish(pushed.state.liveness);
      if (pushed.state.step === 'failed') return; // waits for "Try again"
      schedule(Math.max(0, FRAME_INTERVAL_MS - (performance.now() - started)));
    };

    again.current = () => {
      if (check.state.step !== 'failed') return; // the loop is still running
      photo = null;
      setState(check.retry());
      schedule(0);
    };
    detector.load().then(
      () => {
        if (stopped) return;
        setState(check.state);
        schedule(0);
      },
      (error: unknown) => unavailable('model', error),
    );

    return () => {
      stopped = true;
      clearTimeout(timer);
      again.current = null;
      detector.terminate();
    };
  }, [video, stream, allowedKey]);

  /** After a failed challenge: back to the oval with new challenges (the model stays loaded). */
  const retry = useCallback(() => again.current?.(), []);

  return { state, retry };
}
