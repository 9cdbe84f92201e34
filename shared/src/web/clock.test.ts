import { describe, expect, it } from 'vitest';
import { clockOffset, formatTimeLeft, timeLeftMs } from './clock.js';

const at = (iso: string) => Date.parse(iso);

describe('clockOffset', () => {
  it('is the server stamp minus the local time the message arrived', () => {
    // This computer is 90 s behind the server: it received at 09:58:30 what the server sent at 10:00:00.
    expect(clockOffset('2026-11-22T10:00:00.000Z', at('2026-11-22T09:58:30.000Z'))).toBe(90_000);
    expect(clockOffset('2026-11-22T10:00:00.000Z', at('2026-11-22T10:00:05.000Z'))).toBe(-5_000);
  });

  it('uses the middle of the round trip when the request time is known', () => {
    // Sent at :00.000, answered at :00.400 local; the server stamped its :10.200 half-way.
    expect(
      clockOffset('2026-11-22T10:00:10.200Z', at('2026-11-22T10:00:00.400Z'), at('2026-11-22T10:00:00.000Z')),
    ).toBe(10_000);
    // Sent at 09:09:58, answered at 09:10:02 local, stamped 09:10:00: the clocks agree.
    expect(
      clockOffset('2026-06-01T09:10:00.000Z', at('2026-06-01T09:10:02.000Z'), at('2026-06-01T09:09:58.000Z')),
    ).toBe(0);
  });
});

describe('timeLeftMs', () => {
  const deadlineAt = '2026-11-22T10:40:00.000Z';

  it('counts down to the server deadline on the corrected clock', () => {
    // The local clock says 09:59:56 but runs 4 s slow: it is 10:00:00 on the server, 40 min left.
    expect(timeLeftMs({ deadlineAt, pausedAt: null, offset: 4_000 }, at('2026-11-22T09:59:56.000Z'))).toBe(
      40 * 60_000,
    );
    // The same moment on a computer 10 min fast.
    expect(timeLeftMs({ deadlineAt, pausedAt: null, offset: -600_000 }, at('2026-11-22T10:10:04.000Z'))).toBe(
      40 * 60_000 - 4_000,
    );
  });

  it('never goes below zero', () => {
    expect(timeLeftMs({ deadlineAt, pausedAt: null, offset: 0 }, at('2026-11-22T11:00:00.000Z'))).toBe(0);
  });

  it('stands still while paused, whatever the local clock says', () => {
    const paused = { deadlineAt, pausedAt: '2026-11-22T10:30:00.000Z', offset: 123_456 };
    expect(timeLeftMs(paused, at('2026-11-22T10:31:00.000Z'))).toBe(10 * 60_000);
    expect(timeLeftMs(paused, at('2026-11-22T12:00:00.000Z'))).toBe(10 * 60_000);
  });

  it('after a resume counts from the moved deadline', () => {
    // Paused 10:30–10:35: the server moved the deadline 5 min later.
    const resumed = { deadlineAt: '2026-11-22T10:45:00.000Z', pausedAt: null, offset: 0 };
    expect(timeLeftMs(resumed, at('2026-11-22T10:35:00.000Z'))).toBe(10 * 60_000);
  });
});

describe('formatTimeLeft', () => {
  it('shows hours, minutes and seconds', () => {
    expect(formatTimeLeft(39 * 60_000 + 56_000)).toBe('00:39:56');
    expect(formatTimeLeft(2 * 3_600_000 + 5_000)).toBe('02:00:05');
    expect(formatTimeLeft(3 * 3_600_000 + 5_000)).toBe('03:00:05');
    expect(formatTimeLeft(0)).toBe('00:00:00');
  });

  it('rounds seconds up, so zero shows only when time is really up', () => {
    expect(formatTimeLeft(1)).toBe('00:00:01');
    expect(formatTimeLeft(400)).toBe('00:00:01');
    expect(formatTimeLeft(59_001)).toBe('00:01:00');
    expect(formatTimeLeft(-5)).toBe('00:00:00');
  });
});
