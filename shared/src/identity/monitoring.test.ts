import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING, EpisodeTracker, frameConditions, levelDbfs } from './monitoring.js';

let n = 0;
const ids = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Feeds a condition at 2 frames per second from `from` to `to` (ms). */
function feed(
  tracker: EpisodeTracker,
  type: 'no_face' | 'multiple_faces' | 'looking_away',
  active: (t: number) => boolean,
  from: number,
  to: number,
) {
  const reports = [];
  for (let t = from; t <= to; t += 500) reports.push(...tracker.observe(type, active(t), t));
  return reports;
}

describe('episodes from frames', () => {
  it('does not flag a face missing for less than the onset', () => {
    const tracker = new EpisodeTracker(ids);
    expect(feed(tracker, 'no_face', (t) => t >= 1000 && t < 3000, 0, 10_000)).toEqual([]);
  });

  it('opens after the onset, repeats while it lasts, and ends once with start and end', () => {
    const tracker = new EpisodeTracker(ids);
    const reports = feed(tracker, 'no_face', (t) => t >= 1000 && t < 21_000, 0, 30_000);
    const [open, ...rest] = reports;
    expect(open).toMatchObject({ type: 'no_face', endedAt: null, opening: true, confidence: 100 });
    expect(open?.startedAt).toBe(new Date(1000).toISOString());
    const end = rest.at(-1);
    expect(end?.endedAt).toBe(new Date(20_500).toISOString());
    expect(new Set(reports.map((r) => r.episodeId)).size).toBe(1);
    // 20 s long: at least one "still going" report in between (the server wants one every ≤ 10 s).
    expect(rest.filter((r) => r.endedAt === null).length).toBeGreaterThanOrEqual(1);
    expect(reports.filter((r) => r.opening)).toHaveLength(1);
  });

  it('keeps one episode through a one-frame gap, and confidence says how often it held', () => {
    const tracker = new EpisodeTracker(ids);
    const reports = feed(tracker, 'multiple_faces', (t) => t >= 0 && t <= 6000 && t !== 3000, 0, 12_000);
    expect(new Set(reports.map((r) => r.episodeId)).size).toBe(1);
    const end = reports.at(-1);
    expect(end?.endedAt).not.toBeNull();
    expect(end?.confidence).toBeLessThan(100);
    expect(end?.confidence).toBeGreaterThan(80);
  });

  it('ends open episodes on flush', () => {
    const tracker = new EpisodeTracker(ids);
    feed(tracker, 'looking_away', () => true, 0, DEFAULT_MONITORING.onsetMs.looking_away + 1000);
    const flushed = tracker.flush(7000);
    expect(flushed).toHaveLength(1);
    expect(flushed[0]?.endedAt).not.toBeNull();
  });
});

describe('frame conditions', () => {
  it('says covered, not "no face", in the dark', () => {
    expect(frameConditions({ faces: [], brightness: 10 })).toMatchObject({
      camera_covered: true,
      no_face: false,
    });
    expect(frameConditions({ faces: [], brightness: 120 })).toMatchObject({
      camera_covered: false,
      no_face: true,
    });
    expect(
      frameConditions({ faces: [{ keypoints: [] }, { keypoints: [] }], brightness: 120 }).multiple_faces,
    ).toBe(true);
  });
});

describe('microphone level', () => {
  it('is about −3 dBFS for a full-scale sine and −∞-ish for silence', () => {
    const sine = Array.from({ length: 4800 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 48_000));
    expect(levelDbfs(sine)).toBeCloseTo(-3, 0);
    expect(levelDbfs(new Float32Array(480))).toBeLessThan(-200);
  });
});
