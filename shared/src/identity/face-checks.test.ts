import { describe, expect, it } from 'vitest';
import { eyeOpenness, headPose, MESH, meanBrightness, type Point } from './face-geometry.js';
import { type DetectedFace, faceHint, SteadyCapture } from './face-guidance.js';
import { LivenessCheck, pickChallenges } from './liveness.js';

/** A synthetic frontal mesh: only the points the checks read are placed, the rest at the centre. */
function mesh({ yaw = 0, eyes = 0.3, cx = 320, cy = 216, width = 240 } = {}): Point[] {
  const points: Point[] = Array.from({ length: 468 }, () => ({ x: cx, y: cy }));
  const half = width / 2;
  const put = (i: number, x: number, y: number) => {
    points[i] = { x, y };
  };
  put(MESH.rightCheek, cx - half, cy);
  put(MESH.leftCheek, cx + half, cy);
  put(MESH.noseTip, cx + Math.sin((yaw * Math.PI) / 180) * half, cy + 0.02 * width);
  const eyeY = cy - 0.2 * width;
  put(MESH.chin, cx, eyeY + 0.9 * width * 0.55);
  // nose at 42 % between the eye line and the chin: frontal pitch
  points[MESH.noseTip] = { x: points[MESH.noseTip]?.x ?? cx, y: eyeY + 0.42 * (0.9 * width * 0.55) };
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
  return points;
}

const face = (opts: Parameters<typeof mesh>[0] = {}): DetectedFace => {
  const width = opts.width ?? 240;
  const cx = opts.cx ?? 320;
  const cy = opts.cy ?? 216;
  return {
    box: { xMin: cx - width / 2, yMin: cy - width * 0.6, width, height: width * 1.2 },
    keypoints: mesh(opts),
  };
};
const frame = { width: 640, height: 480 };

describe('face geometry', () => {
  it('reads head turn and eye openness from the mesh', () => {
    expect(Math.round(headPose(mesh()).yaw)).toBe(0);
    expect(Math.abs(headPose(mesh()).pitch)).toBeLessThan(3);
    expect(headPose(mesh({ yaw: 30 })).yaw).toBeCloseTo(30, 0);
    expect(eyeOpenness(mesh({ eyes: 0.3 }))).toBeCloseTo(0.3, 2);
    expect(eyeOpenness(mesh({ eyes: 0.05 }))).toBeLessThan(0.1);
  });

  it('measures brightness', () => {
    expect(meanBrightness(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]), 1)).toBeCloseTo(
      127.5,
      0,
    );
  });
});

describe('guidance into the oval', () => {
  it('says "too dark" before anything else, even with no face found', () => {
    expect(faceHint({ faces: [], frame, brightness: 30 })).toBe('too_dark');
    expect(faceHint({ faces: [], frame, brightness: 120 })).toBe('no_face');
  });

  it('guides distance, centring, turn and other people', () => {
    expect(faceHint({ faces: [face(), face({ cx: 100 })], frame, brightness: 120 })).toBe('only_you');
    expect(faceHint({ faces: [face({ width: 100 })], frame, brightness: 120 })).toBe('move_closer');
    expect(faceHint({ faces: [face({ width: 500 })], frame, brightness: 120 })).toBe('move_back');
    expect(faceHint({ faces: [face({ cx: 480 })], frame, brightness: 120 })).toBe('centre');
    expect(faceHint({ faces: [face({ yaw: 35 })], frame, brightness: 120 })).toBe('face_camera');
    expect(faceHint({ faces: [face()], frame, brightness: 120 })).toBe('ready');
  });

  it('captures only after the face was ready and still for several frames', () => {
    const steady = new SteadyCapture(3);
    const f = face();
    expect(steady.push('ready', f)).toBe(false);
    expect(steady.push('ready', f)).toBe(false);
    expect(steady.push('centre', f)).toBe(false);
    expect(steady.push('ready', f)).toBe(false);
    expect(steady.push('ready', f)).toBe(false);
    expect(steady.push('ready', f)).toBe(true);
  });
});

describe('liveness', () => {
  it('passes a blink: eyes closed, then open again', () => {
    const check = new LivenessCheck('blink');
    expect(check.push(mesh({ eyes: 0.3 }), 0)).toBe('waiting');
    expect(check.push(mesh({ eyes: 0.05 }), 100)).toBe('waiting');
    expect(check.push(mesh({ eyes: 0.3 }), 200)).toBe('passed');
  });

  it('fails a still photo when time runs out', () => {
    const check = new LivenessCheck('turn_left');
    let state = check.push(mesh(), 0);
    for (let t = 100; t <= 9_000; t += 100) state = check.push(mesh(), t);
    expect(state).toBe('failed');
  });

  it('passes a head turn only in the asked direction and back', () => {
    const right = new LivenessCheck('turn_right');
    right.push(mesh({ yaw: -30 }), 0);
    expect(right.push(mesh({ yaw: 0 }), 100)).toBe('waiting');
    right.push(mesh({ yaw: 30 }), 200);
    expect(right.push(mesh({ yaw: 2 }), 300)).toBe('passed');
  });

  it('picks two different challenges', () => {
    for (const r of [0, 0.34, 0.67, 0.99]) {
      const [a, b] = pickChallenges(() => r);
      expect(a).not.toBe(b);
    }
  });

  it('picks only what the sitting allows: both turns in some order, or the only one', () => {
    for (const r of [0, 0.5, 0.99]) {
      expect([...pickChallenges(() => r, ['turn_left', 'turn_right'])].sort()).toEqual([
        'turn_left',
        'turn_right',
      ]);
      expect(pickChallenges(() => r, ['turn_left'])).toEqual(['turn_left']);
    }
  });
});
