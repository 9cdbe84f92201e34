import { type DetectedFace, MESH, type Point } from '@adal/shared/identity';
import { FACE_FRAME, type FaceFrameResult } from './face-protocol.js';

/**
 * Synthetic faces for the tests: a 468-point mesh where only the points the checks read are
 * placed (cheeks, nose, chin, eyes), in FACE_FRAME pixels. `yaw` moves the nose towards the
 * image's right (positive) like a real head turn; `eyes` is the eye openness.
 */
export function syntheticFace({ yaw = 0, eyes = 0.3, cx = 320, cy = 216, width = 280 } = {}): DetectedFace {
  const points: Point[] = Array.from({ length: 468 }, () => ({ x: cx, y: cy }));
  const put = (i: number, x: number, y: number) => {
    points[i] = { x, y };
  };
  const half = width / 2;
  const eyeY = cy - 0.2 * width;
  const chinY = eyeY + 0.5 * width;
  put(MESH.rightCheek, cx - half, cy);
  put(MESH.leftCheek, cx + half, cy);
  put(MESH.chin, cx, chinY);
  // Frontal pitch: the nose tip 42 % of the way from the eye line to the chin.
  put(MESH.noseTip, cx + Math.sin((yaw * Math.PI) / 180) * half, eyeY + 0.42 * (chinY - eyeY));
  const eyeW = 0.18 * width;
  for (const [eye, x0] of [
    [MESH.rightEye, cx - 0.35 * width],
    [MESH.leftEye, cx + 0.17 * width],
  ] as const) {
    put(eye.outer, x0, eyeY);
    put(eye.inner, x0 + eyeW, eyeY);
    put(eye.upper, x0 + eyeW / 2, eyeY - (eyes * eyeW) / 2);
    put(eye.lower, x0 + eyeW / 2, eyeY + (eyes * eyeW) / 2);
  }
  return {
    box: { xMin: cx - half, yMin: cy - width * 0.6, width, height: width * 1.2 },
    keypoints: points,
  };
}

/** One analysed frame as the worker answers it. */
export const frameOf = (faces: DetectedFace[], brightness = 120, ms = 40): FaceFrameResult => ({
  faces,
  brightness,
  width: FACE_FRAME.width,
  height: FACE_FRAME.height,
  ms,
});
