import type { LivenessResult } from '@adal/shared';
import {
  type DetectedFace,
  type FaceHint,
  faceHint,
  LIVENESS,
  type LivenessChallenge,
  LivenessCheck,
  OVAL_CENTRE,
  SteadyCapture,
} from '@adal/shared/identity';
import type { FaceFrameResult } from './face-protocol.js';

/**
 * The face check as a state machine, fed one analysed frame at a time: guide the face into the
 * oval, take the photo once it is ready and steady, then the liveness challenges one after the
 * other; a failure waits for "Try again". Pure (time comes in with each frame), so it is tested
 * without a camera or a model.
 */
export type FaceCheckFailure =
  /** A challenge was not done in time (a printed photo or a still on a phone fails here). */
  | 'timeout'
  /** The face left the oval during the challenges (someone else could have taken over). */
  | 'face_lost'
  /** Another face came into the picture during the challenges. */
  | 'others';

export type FaceCheckState =
  | { step: 'guiding'; hint: FaceHint }
  | {
      step: 'challenge';
      challenges: readonly LivenessChallenge[];
      index: number;
      /** Whole seconds left for this challenge, for the countdown. */
      secondsLeft: number;
    }
  | { step: 'passed'; liveness: LivenessResult }
  | { step: 'failed'; reason: FaceCheckFailure; liveness: LivenessResult };

export const FACE_FLOW = {
  /** Frames in a row that must be ready and still before the photo is taken. */
  steadyFrames: 5,
  /** A new hint is shown once it held for this many frames, so the text does not flicker. */
  hintFrames: 2,
  /** During the challenges the face may be missing this long (a fast turn, a blink) and no longer. */
  maxLostMs: 1_500,
  /** During the challenges the face centre stays within this share of the frame from the oval's centre. */
  maxDrift: 0.25,
  /** Frames in a row with more than one face that fail the challenges. */
  othersFrames: 2,
  /** Per-frame times kept for the median. */
  keptTimes: 300,
} as const;

export interface FacePush {
  state: FaceCheckState;
  /** True on the one frame where the face photo should be taken. */
  takePhoto: boolean;
}

export class FaceCheckFlow {
  private steady = new SteadyCapture(FACE_FLOW.steadyFrames);
  private challenges: LivenessChallenge[];
  private check: LivenessCheck | null = null;
  private index = 0;
  private challengeStartedAt = 0;
  private lastSeenAt = 0;
  private othersStreak = 0;
  private shownHint: FaceHint = 'no_face';
  private candidateHint: FaceHint = 'no_face';
  private candidateFrames = 0;
  private readonly times: number[] = [];
  state: FaceCheckState = { step: 'guiding', hint: 'no_face' };

  constructor(private readonly pick: () => LivenessChallenge[]) {
    this.challenges = pick();
  }

  push(frame: FaceFrameResult, nowMs: number): FacePush {
    this.times.push(frame.ms);
    if (this.times.length > FACE_FLOW.keptTimes) this.times.shift();
    switch (this.state.step) {
      case 'guiding':
        return this.guide(frame, nowMs);
      case 'challenge':
        return { state: this.challenge(frame, nowMs), takePhoto: false };
      case 'passed':
      case 'failed':
        return { state: this.state, takePhoto: false };
      default:
        return this.state satisfies never;
    }
  }

  /** Back to the oval with fresh challenges (a failed attempt, or the student asked). */
  retry(): FaceCheckState {
    this.steady.reset();
    this.challenges = this.pick();
    this.check = null;
    this.index = 0;
    this.othersStreak = 0;
    this.shownHint = this.candidateHint = 'no_face';
    this.candidateFrames = 0;
    this.state = { step: 'guiding', hint: 'no_face' };
    return this.state;
  }

  /** Median time the worker took per frame so far (milliseconds, 0 before any frame). */
  medianFrameMs(): number {
    return median(this.times);
  }

  private guide(frame: FaceFrameResult, nowMs: number): FacePush {
    const hint = faceHint({ faces: frame.faces, frame, brightness: frame.brightness });
    if (this.steady.push(hint, frame.faces[0])) {
      this.startChallenge(0, nowMs);
      this.lastSeenAt = nowMs;
      return { state: this.state, takePhoto: true };
    }
    // Aligned but not yet steady: the student is told to hold still while the frames add up.
    this.state = { step: 'guiding', hint: this.smooth(hint === 'ready' ? 'hold_still' : hint) };
    return { state: this.state, takePhoto: false };
  }

  private challenge(frame: FaceFrameResult, nowMs: number): FaceCheckState {
    const check = this.check as LivenessCheck;
    this.othersStreak = frame.faces.length > 1 ? this.othersStreak + 1 : 0;
    if (this.othersStreak >= FACE_FLOW.othersFrames) return this.fail('others');
    const face = frame.faces.length === 1 ? frame.faces[0] : undefined;
    const inOval = face !== undefined && inTheOval(face, frame);
    if (inOval) this.lastSeenAt = nowMs;
    else if (nowMs - this.lastSeenAt > FACE_FLOW.maxLostMs) return this.fail('face_lost');

    const result = check.push(inOval ? face.keypoints : null, nowMs);
    if (result === 'failed') return this.fail('timeout');
    if (result === 'passed') {
      if (this.index + 1 < this.challenges.length) this.startChallenge(this.index + 1, nowMs);
      else this.state = { step: 'passed', liveness: this.liveness(true) };
      return this.state;
    }
    this.state = this.challengeState(nowMs);
    return this.state;
  }

  private startChallenge(index: number, nowMs: number): void {
    this.index = index;
    this.check = new LivenessCheck(this.challenges[index] as LivenessChallenge);
    // The check's own clock starts with its first frame: the same moment as the countdown's.
    this.check.push(null, nowMs);
    this.challengeStartedAt = nowMs;
    this.state = this.challengeState(nowMs);
  }

  private challengeState(nowMs: number): FaceCheckState {
    const left = LIVENESS.timeoutMs - (nowMs - this.challengeStartedAt);
    return {
      step: 'challenge',
      challenges: this.challenges,
      index: this.index,
      secondsLeft: Math.max(0, Math.ceil(left / 1000)),
    };
  }

  private fail(reason: FaceCheckFailure): FaceCheckState {
    this.state = { step: 'failed', reason, liveness: this.liveness(false) };
    return this.state;
  }

  /** The challenges done so far: those before the current one passed, the current one as given. */
  private liveness(passed: boolean): LivenessResult {
    return {
      challenges: this.challenges
        .slice(0, this.index + 1)
        .map((challenge, i) => ({ challenge, passed: i < this.index || passed })),
      passed,
    };
  }

  private smooth(hint: FaceHint): FaceHint {
    if (hint === this.candidateHint) this.candidateFrames++;
    else {
      this.candidateHint = hint;
      this.candidateFrames = 1;
    }
    if (this.candidateFrames >= FACE_FLOW.hintFrames) this.shownHint = hint;
    return this.shownHint;
  }
}

function inTheOval(face: DetectedFace, frame: { width: number; height: number }): boolean {
  const cx = (face.box.xMin + face.box.width / 2) / frame.width;
  const cy = (face.box.yMin + face.box.height / 2) / frame.height;
  return Math.hypot(cx - OVAL_CENTRE.x, cy - OVAL_CENTRE.y) <= FACE_FLOW.maxDrift;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
