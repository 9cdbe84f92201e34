import type { LivenessChallenge } from '@adal/shared/identity';
import { useEffect, useRef, useState } from 'react';
import { FaceCaptureView } from './FaceCaptureView.js';
import { useFaceCamera } from './use-face-camera.js';
import { type FaceCaptureResult, type FaceCaptureViewState, useFaceCheck } from './use-face-check.js';

export interface FaceCaptureProps {
  /** The webcam track the device check already opened; without one the camera is opened here. */
  track?: MediaStreamTrack | null;
  /** The liveness challenges the sitting allows (all three when not given). */
  challenges?: readonly LivenessChallenge[] | undefined;
  /** Called once, when the photo is taken and every liveness challenge passed. */
  onDone(result: FaceCaptureResult): void;
}

/**
 * The face photo with liveness (exam-procedures "Identity and room" 1; issue 7): the student
 * brings the face into the oval, the photo is taken when it is steady, then two short
 * challenges (blink, turn the head) show a live person. All of it runs on the student's device.
 */
export function FaceCapture({ track, onDone, challenges }: FaceCaptureProps) {
  // A camera or model problem starts a fresh session (camera and worker) on "Try again".
  const [session, setSession] = useState(0);
  return (
    <FaceCheckSession
      key={session}
      track={track ?? null}
      onDone={onDone}
      challenges={challenges}
      onRestart={() => setSession((n) => n + 1)}
    />
  );
}

interface FaceCheckSessionProps {
  track: MediaStreamTrack | null;
  challenges: readonly LivenessChallenge[] | undefined;
  onDone(result: FaceCaptureResult): void;
  onRestart(): void;
}

function FaceCheckSession({ track, challenges, onDone, onRestart }: FaceCheckSessionProps) {
  const video = useRef<HTMLVideoElement>(null);
  const camera = useFaceCamera(track);
  const { state, retry } = useFaceCheck(video, camera.stream, onDone, challenges);

  useEffect(() => {
    const element = video.current;
    if (!element || !camera.stream) return;
    element.srcObject = camera.stream;
    element.play().catch((error: unknown) => console.warn('face check: the preview did not start', error));
    return () => {
      element.srcObject = null;
    };
  }, [camera.stream]);

  const shown: FaceCaptureViewState = camera.error
    ? { step: 'unavailable', problem: 'camera', code: camera.error }
    : state;
  return (
    <FaceCaptureView state={shown} videoRef={video} onRetry={shown.step === 'failed' ? retry : onRestart} />
  );
}
