/**
 * Geometry from the 468-point face mesh (MediaPipe indices) that the face checks need: head
 * turn, eye openness and where the face sits in the frame. Pure, so it is tested without a model.
 */
export interface Point {
  x: number;
  y: number;
}

/** The mesh points used here (MediaPipe Face Mesh numbering). */
export const MESH = {
  noseTip: 1,
  forehead: 10,
  chin: 152,
  rightCheek: 234,
  leftCheek: 454,
  rightEye: { outer: 33, inner: 133, upper: 159, lower: 145 },
  leftEye: { outer: 263, inner: 362, upper: 386, lower: 374 },
} as const;

const at = (points: readonly Point[], index: number): Point => {
  const p = points[index];
  if (!p) throw new Error(`face mesh has no point ${index}`);
  return p;
};
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const DEG = 180 / Math.PI;

/**
 * Head turn in degrees. Yaw: where the nose tip sits between the cheeks (0 facing the camera,
 * positive turned to the image's right). Pitch: nose between the eye line and the chin, against
 * a frontal face's proportion (positive looking down).
 */
export function headPose(points: readonly Point[]): { yaw: number; pitch: number } {
  const right = at(points, MESH.rightCheek);
  const left = at(points, MESH.leftCheek);
  const nose = at(points, MESH.noseTip);
  const halfWidth = distance(right, left) / 2 || 1;
  const midX = (right.x + left.x) / 2;
  const yaw = Math.asin(clamp((nose.x - midX) / halfWidth, -1, 1)) * DEG;

  const eyes = {
    y: (at(points, MESH.rightEye.outer).y + at(points, MESH.leftEye.outer).y) / 2,
  };
  const chin = at(points, MESH.chin);
  const span = chin.y - eyes.y || 1;
  const FRONTAL = 0.42; // nose tip at about 42 % of the way from the eye line to the chin
  const pitch = Math.asin(clamp(((nose.y - eyes.y) / span - FRONTAL) * 2, -1, 1)) * DEG;
  return { yaw, pitch };
}

/** Eye aspect ratio (height / width), both eyes averaged: about 0.3 open, under 0.15 closed. */
export function eyeOpenness(points: readonly Point[]): number {
  const ratio = (eye: { outer: number; inner: number; upper: number; lower: number }) =>
    distance(at(points, eye.upper), at(points, eye.lower)) /
    (distance(at(points, eye.outer), at(points, eye.inner)) || 1);
  return (ratio(MESH.rightEye) + ratio(MESH.leftEye)) / 2;
}

/** Mean luma (0–255) of RGBA pixels, sampling every `step`-th pixel. */
export function meanBrightness(rgba: ArrayLike<number>, step = 4): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i + 2 < rgba.length; i += 4 * step) {
    sum += 0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0);
    n++;
  }
  return n ? sum / n : 0;
}
