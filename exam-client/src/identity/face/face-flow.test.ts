import { headPose, type LivenessChallenge, LivenessCheck } from '@adal/shared/identity';
import { describe, expect, it } from 'vitest';
import { frameOf, syntheticFace } from './face-fixtures.js';
import { FACE_FLOW, FaceCheckFlow, median } from './face-flow.js';
import { centreCrop, screenSide } from './face-frame.js';
import { overlapShare, withoutDuplicates } from './face-overlap.js';

/** A flow with fixed challenges, and a clock that moves 100 ms per frame. */
function setUp(...rounds: LivenessChallenge[][]) {
  let round = 0;
  const flow = new FaceCheckFlow(
    () => rounds[Math.min(round++, rounds.length - 1)] ?? ['blink', 'turn_left'],
  );
  let now = 0;
  const push = (...faces: ReturnType<typeof syntheticFace>[]) => {
    now += 100;
    return flow.push(frameOf(faces), now);
  };
  const pushDark = () => {
    now += 100;
    return flow.push(frameOf([], 25), now);
  };
  /** Brings a steady face in until the photo is taken; returns how many frames that took. */
  const capture = () => {
    for (let frames = 1; frames <= 20; frames++) if (push(syntheticFace()).takePhoto) return frames;
    throw new Error('the photo was never taken');
  };
  return { flow, push, pushDark, capture, rounds: () => round };
}

describe('guiding the face into the oval', () => {
  it('says what to fix, and changes the hint only once it held for two frames', () => {
    const { flow, push, pushDark } = setUp(['blink', 'turn_left']);
    expect(flow.state).toEqual({ step: 'guiding', hint: 'no_face' });
    expect(pushDark().state).toEqual({ step: 'guiding', hint: 'no_face' });
    expect(pushDark().state).toEqual({ step: 'guiding', hint: 'too_dark' });
    push(syntheticFace({ width: 100 }));
    expect(push(syntheticFace({ width: 100 })).state).toEqual({ step: 'guiding', hint: 'move_closer' });
    // One frame of something else does not make the text flicker.
    expect(push(syntheticFace({ cx: 500 })).state).toEqual({ step: 'guiding', hint: 'move_closer' });
    push(syntheticFace(), syntheticFace({ cx: 120 }));
    expect(push(syntheticFace(), syntheticFace({ cx: 120 })).state).toEqual({
      step: 'guiding',
      hint: 'only_you',
    });
  });

  it('asks to hold still while an aligned face adds up to steady, then takes the photo once', () => {
    const { flow, push } = setUp(['blink', 'turn_left']);
    const taken: number[] = [];
    for (let i = 1; i <= FACE_FLOW.steadyFrames; i++) {
      const step = push(syntheticFace());
      if (step.takePhoto) taken.push(i);
      else expect(step.state).toEqual({ step: 'guiding', hint: i === 1 ? 'no_face' : 'hold_still' });
    }
    expect(taken).toEqual([FACE_FLOW.steadyFrames]);
    expect(flow.state).toEqual({
      step: 'challenge',
      challenges: ['blink', 'turn_left'],
      index: 0,
      secondsLeft: 8,
    });
    expect(push(syntheticFace()).takePhoto).toBe(false);
  });

  it('does not take the photo of a face that keeps moving', () => {
    const { push } = setUp(['blink', 'turn_left']);
    for (let i = 0; i < 12; i++)
      expect(push(syntheticFace({ cx: 300 + (i % 2) * 40 })).takePhoto).toBe(false);
  });
});

describe('liveness challenges after the photo', () => {
  it('passes a blink then a head turn, in order, and reports both', () => {
    const { flow, push, capture } = setUp(['blink', 'turn_right']);
    capture();
    push(syntheticFace({ eyes: 0.05 }));
    expect(push(syntheticFace({ eyes: 0.3 })).state).toMatchObject({ step: 'challenge', index: 1 });
    push(syntheticFace({ yaw: 30 }));
    expect(push(syntheticFace({ yaw: 0 })).state).toEqual({
      step: 'passed',
      liveness: {
        challenges: [
          { challenge: 'blink', passed: true },
          { challenge: 'turn_right', passed: true },
        ],
        passed: true,
      },
    });
    expect(flow.medianFrameMs()).toBe(40);
  });

  it('fails a still picture when the time runs out, counting down meanwhile', () => {
    const { flow, push, capture } = setUp(['turn_left', 'blink']);
    capture();
    const seconds = new Set<number>();
    while (flow.state.step === 'challenge') {
      seconds.add(flow.state.secondsLeft);
      push(syntheticFace());
    }
    expect([...seconds]).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(flow.state).toEqual({
      step: 'failed',
      reason: 'timeout',
      liveness: { challenges: [{ challenge: 'turn_left', passed: false }], passed: false },
    });
  });

  it('does not count a turn the other way', () => {
    const { flow, push, capture } = setUp(['turn_left', 'blink']);
    capture();
    for (let i = 0; i < 100 && flow.state.step === 'challenge'; i++)
      push(syntheticFace({ yaw: i % 4 < 2 ? 30 : 0 }));
    expect(flow.state).toMatchObject({ step: 'failed', reason: 'timeout' });
  });

  it('fails when someone else comes into the picture for two frames', () => {
    const { flow, push, capture } = setUp(['blink', 'turn_left']);
    capture();
    push(syntheticFace(), syntheticFace({ cx: 100 }));
    expect(flow.state.step).toBe('challenge');
    push(syntheticFace());
    push(syntheticFace(), syntheticFace({ cx: 100 }));
    push(syntheticFace(), syntheticFace({ cx: 100 }));
    expect(flow.state).toMatchObject({ step: 'failed', reason: 'others' });
  });

  it('allows the face to go missing for a moment, not for long', () => {
    const { flow, push, capture } = setUp(['blink', 'turn_left']);
    capture();
    for (let i = 0; i < 10; i++) push(); // one second without a face
    expect(flow.state.step).toBe('challenge');
    push(syntheticFace());
    for (let i = 0; i < 10; i++) push(syntheticFace({ cx: 620 })); // out of the oval
    expect(flow.state.step).toBe('challenge');
    for (let i = 0; i < 6; i++) push();
    expect(flow.state).toMatchObject({ step: 'failed', reason: 'face_lost' });
  });

  it('records the passed challenge before the failed one, and "Try again" starts over with new challenges', () => {
    const { flow, push, capture, rounds } = setUp(['blink', 'turn_right'], ['turn_left', 'blink']);
    capture();
    push(syntheticFace({ eyes: 0.05 }));
    push(syntheticFace({ eyes: 0.3 }));
    while (flow.state.step === 'challenge') push(syntheticFace());
    expect(flow.state).toMatchObject({
      step: 'failed',
      liveness: {
        challenges: [
          { challenge: 'blink', passed: true },
          { challenge: 'turn_right', passed: false },
        ],
        passed: false,
      },
    });
    expect(push(syntheticFace()).takePhoto).toBe(false); // nothing happens until "Try again"

    expect(flow.retry()).toEqual({ step: 'guiding', hint: 'no_face' });
    expect(rounds()).toBe(2);
    expect(capture()).toBe(FACE_FLOW.steadyFrames);
    expect(flow.state).toMatchObject({ step: 'challenge', challenges: ['turn_left', 'blink'], index: 0 });
  });
});

describe('the mirrored preview and the frame', () => {
  it('asks for the side the student sees on screen: their own left is the image right (turn_right)', () => {
    // The student turns to their own left: the camera, facing them, sees the nose move to the image's right.
    const turnedToOwnLeft = syntheticFace({ yaw: 30 });
    expect(headPose(turnedToOwnLeft.keypoints).yaw).toBeGreaterThan(20);
    const check = new LivenessCheck('turn_right');
    check.push(turnedToOwnLeft.keypoints, 0);
    expect(check.push(syntheticFace().keypoints, 100)).toBe('passed');
    // The mirrored preview shows that as a turn to the left, so that is what the prompt says.
    expect(screenSide('turn_right')).toBe('left');
    expect(screenSide('turn_left')).toBe('right');
  });

  it('crops any camera to the centred 4:3 area', () => {
    expect(centreCrop(1280, 720)).toEqual({ sx: 160, sy: 0, sw: 960, sh: 720 });
    expect(centreCrop(640, 480)).toEqual({ sx: 0, sy: 0, sw: 640, sh: 480 });
    expect(centreCrop(480, 640)).toEqual({ sx: 0, sy: 140, sw: 480, sh: 360 });
  });

  it('takes the median frame time', () => {
    expect(median([])).toBe(0);
    expect(median([50, 10, 30])).toBe(30);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});

describe('one face reported twice', () => {
  const box = (xMin: number, yMin: number, width: number, height: number) => ({
    box: { xMin, yMin, width, height },
  });

  it('keeps the larger of two boxes that lie mostly inside each other (seen on sample5.jpg)', () => {
    const fresh = box(530, 84, 128, 159);
    const tracked = box(554, 111, 93, 110);
    const neighbour = box(702, 208, 108, 124);
    expect(overlapShare(fresh.box, tracked.box)).toBeGreaterThan(0.9);
    expect(withoutDuplicates([neighbour, tracked, fresh])).toEqual([neighbour, fresh]);
  });

  it('keeps two people side by side, even touching', () => {
    const left = box(100, 100, 200, 240);
    const right = box(280, 110, 200, 240);
    expect(withoutDuplicates([left, right])).toEqual([left, right]);
    expect(overlapShare(left.box, box(400, 400, 10, 10).box)).toBe(0);
  });
});
