import { GUIDANCE, type LivenessChallenge, OVAL_CENTRE } from '@adal/shared/identity';
import { FACE_FRAME } from './face-protocol.js';

/** The part of the camera picture the face check uses: the centred 4:3 area. */
export interface FrameCrop {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/**
 * A 4:3 centre crop of a camera picture of any shape. The guidance's face-size thresholds are
 * shares of a 4:3 frame; a 16:9 webcam would otherwise ask for a face taller than the picture.
 * The preview shows the same area (object-fit: cover in a 4:3 box).
 */
export function centreCrop(videoWidth: number, videoHeight: number): FrameCrop {
  const aspect = FACE_FRAME.width / FACE_FRAME.height;
  if (videoWidth / videoHeight > aspect) {
    const sw = Math.round(videoHeight * aspect);
    return { sx: Math.round((videoWidth - sw) / 2), sy: 0, sw, sh: videoHeight };
  }
  const sh = Math.round(videoWidth / aspect);
  return { sx: 0, sy: Math.round((videoHeight - sh) / 2), sw: videoWidth, sh };
}

/**
 * The side of the screen a head-turn challenge asks for. The challenges are named in the
 * camera image's frame (liveness.ts: `turn_right` = the nose moves to the image's right, yaw
 * positive). The camera sees the student face to face, so the image's right is the student's
 * own left, and the mirrored preview shows it on the left of the screen: the student is told
 * "left" for `turn_right`, and sees their head turn left on screen.
 */
export function screenSide(challenge: Exclude<LivenessChallenge, 'blink'>): 'left' | 'right' {
  return challenge === 'turn_right' ? 'left' : 'right';
}

/** A number in [0, 1) from the browser's cryptographic generator, for picking the challenges. */
export function cryptoRandom(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return (value ?? 0) / 2 ** 32;
}

/** Half the face width the guidance is happiest with (the middle of its size thresholds), in frame pixels. */
const halfFace = (FACE_FRAME.width * (GUIDANCE.minFaceShare + GUIDANCE.maxFaceShare)) / 4;

/** The oval in frame pixels, where faceHint expects the face; a face is about 1.3 times taller than wide. */
export const OVAL = {
  cx: FACE_FRAME.width * OVAL_CENTRE.x,
  cy: FACE_FRAME.height * OVAL_CENTRE.y,
  rx: halfFace,
  ry: halfFace * 1.3,
} as const;
