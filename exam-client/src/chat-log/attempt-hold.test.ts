import { describe, expect, it } from 'vitest';
import { holdOf, newerHold } from './attempt-hold.js';

const clock = (over: Partial<Parameters<typeof holdOf>[0]> = {}) => ({
  status: 'in_progress' as const,
  pausedAt: null,
  pausedByProctor: false,
  serverNow: '2026-11-22T10:00:00.000Z',
  ...over,
});

describe('holdOf', () => {
  it('tells a proctor pause from a suspension', () => {
    expect(holdOf(clock({ pausedAt: '2026-11-22T09:59:00.000Z', pausedByProctor: true }))).toMatchObject({
      suspended: false,
      pausedByProctor: true,
      clockStopped: true,
    });
    expect(holdOf(clock({ status: 'suspended' }))).toMatchObject({
      suspended: true,
      pausedByProctor: false,
      clockStopped: false,
    });
    expect(holdOf(clock({ status: 'suspended', pausedAt: '2026-11-22T09:59:00.000Z' }))).toMatchObject({
      suspended: true,
      clockStopped: true,
    });
  });
});

describe('newerHold', () => {
  it('ignores a report older than the one held', () => {
    const held = holdOf(clock({ status: 'suspended', serverNow: '2026-11-22T10:00:05.000Z' }));
    const late = holdOf(clock({ serverNow: '2026-11-22T10:00:01.000Z' }));
    expect(newerHold(held, late)).toBe(held);
    const next = holdOf(clock({ serverNow: '2026-11-22T10:00:09.000Z' }));
    expect(newerHold(held, next)).toBe(next);
    expect(newerHold(null, late)).toBe(late);
  });
});
