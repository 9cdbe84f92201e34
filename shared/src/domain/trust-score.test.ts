import { describe, expect, it } from 'vitest';
import { trustScore } from './trust-score.js';

const MIN = 60_000;

describe('trustScore', () => {
  it('is 100 with nothing observed against the student', () => {
    expect(trustScore({ durations: {}, counts: {}, observedMs: 40 * MIN })).toEqual({
      risk: 0,
      trust: 100,
      observedMs: 40 * MIN,
      breakdown: [],
    });
  });

  it('adds shares of time and counts, each times its weight, largest first', () => {
    // 4 of 40 minutes without a face = 10 % × 1; 2 tab switches × 3; one medium violation × 10.
    const score = trustScore({
      durations: { no_face: 4 * MIN },
      counts: { tab_switch: 2, proctor_violations: 1 },
      observedMs: 40 * MIN,
    });
    expect(score.breakdown).toEqual([
      { metric: 'no_face', kind: 'share', value: 10, weight: 1, points: 10 },
      { metric: 'proctor_violations', kind: 'count', value: 1, weight: 10, points: 10 },
      { metric: 'tab_switch', kind: 'count', value: 2, weight: 3, points: 6 },
    ]);
    expect(score).toMatchObject({ risk: 26, trust: 74 });
  });

  it('uses the sitting’s weights and caps the risk at 100', () => {
    const score = trustScore(
      { durations: { looking_away: 20 * MIN }, counts: { second_display: 3 }, observedMs: 40 * MIN },
      { looking_away: 0, second_display: 50 },
    );
    expect(score.breakdown.find((l) => l.metric === 'looking_away')).toMatchObject({ value: 50, points: 0 });
    expect(score).toMatchObject({ risk: 100, trust: 0 });
  });

  it('never counts more than the whole time for one share', () => {
    const score = trustScore({ durations: { voice: 90 * MIN }, counts: {}, observedMs: 30 * MIN });
    expect(score.breakdown[0]).toMatchObject({ metric: 'voice', value: 100 });
  });
});
