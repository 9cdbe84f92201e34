import { eyeOpenness, headPose, type Point } from './face-geometry.js';

/**
 * Liveness (issue: "blink, or turn the head left/right"): the student does what the screen asks,
 * seen in the landmarks, so a printed photo or a still on a phone held to the camera fails. Head
 * turns are in the image's frame (the student sees a mirrored preview, so the prompt says which
 * way on their screen).
 */
export type LivenessChallenge = 'blink' | 'turn_left' | 'turn_right';
export type LivenessState = 'waiting' | 'passed' | 'failed';

export const LIVENESS = {
  /** Eye openness under this counts as closed, above `openAgain` as open again. */
  closedEyes: 0.16,
  openAgain: 0.22,
  /** Yaw (degrees) past this counts as turned; back under `backToCentre` as facing again. */
  turned: 20,
  backToCentre: 10,
  /** Time allowed per challenge. */
  timeoutMs: 8_000,
} as const;

const ALL_CHALLENGES: readonly LivenessChallenge[] = ['blink', 'turn_left', 'turn_right'];

/**
 * Two different challenges from `allowed` (the sitting's policy), picked with the given
 * randomness (crypto in the browser, seeded in tests); the only one when just one is allowed.
 */
export function pickChallenges(
  random: () => number,
  allowed: readonly LivenessChallenge[] = ALL_CHALLENGES,
): LivenessChallenge[] {
  const left = [...new Set(allowed.length ? allowed : ALL_CHALLENGES)];
  const picked: LivenessChallenge[] = [];
  while (picked.length < 2 && left.length) {
    picked.push(left.splice(Math.floor(random() * left.length) % left.length, 1)[0] as LivenessChallenge);
  }
  return picked;
}

/** One challenge, fed a frame at a time: the eyes must close then open; the head must turn then come back. */
export class LivenessCheck {
  private phase: 'before' | 'during' = 'before';
  private startedAt: number | null = null;
  state: LivenessState = 'waiting';

  constructor(readonly challenge: LivenessChallenge) {}

  push(keypoints: readonly Point[] | null, nowMs: number): LivenessState {
    if (this.state !== 'waiting') return this.state;
    this.startedAt ??= nowMs;
    if (nowMs - this.startedAt > LIVENESS.timeoutMs) {
      this.state = 'failed';
      return this.state;
    }
    if (!keypoints || keypoints.length < 468) return this.state;
    if (this.challenge === 'blink') {
      const open = eyeOpenness(keypoints);
      if (this.phase === 'before' && open < LIVENESS.closedEyes) this.phase = 'during';
      else if (this.phase === 'during' && open > LIVENESS.openAgain) this.state = 'passed';
      return this.state;
    }
    const { yaw } = headPose(keypoints);
    const wanted = this.challenge === 'turn_right' ? yaw > LIVENESS.turned : yaw < -LIVENESS.turned;
    if (this.phase === 'before' && wanted) this.phase = 'during';
    else if (this.phase === 'during' && Math.abs(yaw) < LIVENESS.backToCentre) this.state = 'passed';
    return this.state;
  }
}
