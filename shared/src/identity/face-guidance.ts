import { headPose, type Point } from './face-geometry.js';

/**
 * What the student is told while bringing the face into the oval (seeds 001, 004). "Too dark"
 * is said whenever the picture is dark, never a bare "no face", so a student in a dim room knows
 * what to fix.
 */
export type FaceHint =
  | 'too_dark'
  | 'no_face'
  | 'only_you'
  | 'move_closer'
  | 'move_back'
  | 'centre'
  | 'face_camera'
  | 'hold_still'
  | 'ready';

export interface DetectedFace {
  /** Bounding box in pixels. */
  box: { xMin: number; yMin: number; width: number; height: number };
  keypoints: readonly Point[];
}

export interface GuidanceInput {
  faces: readonly DetectedFace[];
  frame: { width: number; height: number };
  brightness: number;
}

export const GUIDANCE = {
  /** Mean luma under this is too dark to check a face fairly. */
  minBrightness: 60,
  /** Face width as a share of the frame width that fits the oval. */
  minFaceShare: 0.28,
  maxFaceShare: 0.62,
  /** Face centre may be this far (share of the frame) from the oval's centre. */
  maxOffCentre: 0.12,
  /** Head turned more than this (degrees) is not facing the camera. */
  maxYaw: 15,
  maxPitch: 18,
} as const;

/** The oval's centre as a share of the frame (slightly above the middle, where faces sit). */
export const OVAL_CENTRE = { x: 0.5, y: 0.45 } as const;

export function faceHint({ faces, frame, brightness }: GuidanceInput): FaceHint {
  if (brightness < GUIDANCE.minBrightness) return 'too_dark';
  if (faces.length === 0) return 'no_face';
  if (faces.length > 1) return 'only_you';
  const face = faces[0] as DetectedFace;
  const share = face.box.width / frame.width;
  if (share < GUIDANCE.minFaceShare) return 'move_closer';
  if (share > GUIDANCE.maxFaceShare) return 'move_back';
  const cx = (face.box.xMin + face.box.width / 2) / frame.width;
  const cy = (face.box.yMin + face.box.height / 2) / frame.height;
  if (Math.hypot(cx - OVAL_CENTRE.x, cy - OVAL_CENTRE.y) > GUIDANCE.maxOffCentre) return 'centre';
  if (face.keypoints.length >= 468) {
    const { yaw, pitch } = headPose(face.keypoints);
    if (Math.abs(yaw) > GUIDANCE.maxYaw || Math.abs(pitch) > GUIDANCE.maxPitch) return 'face_camera';
  }
  return 'ready';
}

/**
 * Auto-capture: the photo is taken once the face has been `ready` for `steadyFrames` frames in a
 * row and has not moved more than a few percent of its width between them.
 */
export class SteadyCapture {
  private streak = 0;
  private last: DetectedFace['box'] | null = null;

  constructor(private readonly steadyFrames = 5) {}

  /** Feeds one frame's hint; true when the photo should be taken now. */
  push(hint: FaceHint, face: DetectedFace | undefined): boolean {
    const box = face?.box ?? null;
    const still =
      box !== null &&
      this.last !== null &&
      Math.abs(box.xMin - this.last.xMin) < box.width * 0.04 &&
      Math.abs(box.yMin - this.last.yMin) < box.width * 0.04;
    this.last = box;
    this.streak = hint === 'ready' && (still || this.streak === 0) ? this.streak + 1 : 0;
    return this.streak >= this.steadyFrames;
  }

  reset(): void {
    this.streak = 0;
    this.last = null;
  }
}
