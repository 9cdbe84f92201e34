import { formatTimeLeft, timeLeftMs } from '@adal/shared/web';
import { describe, expect, it } from 'vitest';
import { countdownClock, newerClock } from './clock.js';

const at = (iso: string) => Date.parse(iso);

describe('countdownClock', () => {
  it('keeps the clock and the offset measured at receipt', () => {
    const clock = countdownClock(
      {
        status: 'in_progress',
        startedAt: '2026-11-22T10:00:00.000Z',
        deadlineAt: '2026-11-22T10:40:00.000Z',
        pausedAt: null,
        pausedByProctor: false,
        suspendedAt: null,
        serverNow: '2026-11-22T10:00:04.000Z',
      },
      at('2026-11-22T10:00:00.000Z'),
    );
    expect(clock).toMatchObject({ status: 'in_progress', offset: 4_000 });
    expect(formatTimeLeft(timeLeftMs(clock, at('2026-11-22T10:00:00.000Z')))).toBe('00:39:56');
  });
});

describe('newerClock', () => {
  const clock = (serverNow: string, pausedAt: string | null) => ({
    status: 'in_progress' as const,
    deadlineAt: '2026-11-22T10:40:00.000Z',
    pausedAt,
    serverNow,
    offset: 0,
  });

  it('takes the clock the server sent later and ignores one that arrives late', () => {
    const paused = clock('2026-11-22T10:10:00.000Z', '2026-11-22T10:10:00.000Z');
    const resumed = clock('2026-11-22T10:12:00.000Z', null);
    expect(newerClock(paused, resumed)).toBe(resumed);
    expect(newerClock(resumed, paused)).toBe(resumed);
    expect(newerClock(null, paused)).toBe(paused);
  });
});
