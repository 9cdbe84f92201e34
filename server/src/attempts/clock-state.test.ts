import { describe, expect, it } from 'vitest';
import { applyHold } from './clock-state.js';

const t0 = new Date('2026-11-22T09:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const running = {
  status: 'in_progress' as const,
  pausedAt: null,
  pausedMs: 0,
  deadlineAt: at(3600),
  pausedByProctor: false,
  suspendedAt: null,
};

describe('applyHold', () => {
  it('stops the clock on a pause and moves the deadline by the pause on resume', () => {
    const paused = applyHold(running, { pausedByProctor: true, suspended: false }, false, at(100));
    expect(paused).toMatchObject({ status: 'in_progress', pausedAt: at(100), pausedByProctor: true });
    const resumed = applyHold(paused, { pausedByProctor: false, suspended: false }, false, at(160));
    expect(resumed).toMatchObject({ pausedAt: null, pausedMs: 60_000, deadlineAt: at(3660) });
  });

  it('suspends with the clock stopped by default, and running when the sitting says so', () => {
    const stopped = applyHold(running, { pausedByProctor: false, suspended: true }, false, at(10));
    expect(stopped).toMatchObject({ status: 'suspended', suspendedAt: at(10), pausedAt: at(10) });
    const runs = applyHold(running, { pausedByProctor: false, suspended: true }, true, at(10));
    expect(runs).toMatchObject({ status: 'suspended', suspendedAt: at(10), pausedAt: null });
    const back = applyHold(runs, { pausedByProctor: false, suspended: false }, true, at(70));
    expect(back).toMatchObject({
      status: 'in_progress',
      suspendedAt: null,
      deadlineAt: at(3600),
      pausedMs: 0,
    });
  });

  it('counts overlapping pause and suspension once', () => {
    let a = applyHold(running, { pausedByProctor: true, suspended: false }, false, at(100));
    a = applyHold(a, { pausedByProctor: true, suspended: true }, false, at(130));
    expect(a.pausedAt).toEqual(at(100));
    a = applyHold(a, { pausedByProctor: false, suspended: true }, false, at(160));
    expect(a.pausedAt).toEqual(at(100));
    a = applyHold(a, { pausedByProctor: false, suspended: false }, false, at(200));
    expect(a).toMatchObject({
      status: 'in_progress',
      pausedAt: null,
      pausedMs: 100_000,
      deadlineAt: at(3700),
    });
  });

  it('keeps the first suspension time while the attempt stays suspended', () => {
    const first = applyHold(running, { pausedByProctor: false, suspended: true }, false, at(10));
    const again = applyHold(first, { pausedByProctor: false, suspended: true }, false, at(20));
    expect(again.suspendedAt).toEqual(at(10));
  });
});
