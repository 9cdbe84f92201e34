import type { AttemptClock } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { fromList, type ShownAttempt } from '../attempts/attempt-rows.js';
import { latestAttempt, openAttempt, withAttemptClock } from './student-attempts.js';

const STUDENT = '11111111-0000-4000-8000-000000000001';
const A1 = 'cccccccc-0000-4000-8000-000000000001';
const A2 = 'cccccccc-0000-4000-8000-000000000002';

const attempts = (...over: Partial<ShownAttempt>[]): ShownAttempt[] =>
  fromList(
    over.map((o) => ({
      attemptId: A1,
      studentId: STUDENT,
      number: 1,
      status: 'in_progress' as const,
      startedAt: '2026-06-01T09:00:00.000Z',
      deadlineAt: '2026-06-01T09:40:00.000Z',
      pausedAt: null,
      pausedByProctor: false,
      suspendedAt: null,
      serverNow: '2026-06-01T09:10:00.000Z',
      questions: 8,
      answered: 3,
      percent: null,
      ...o,
    })),
    Date.parse('2026-06-01T09:10:00.000Z'),
  );

describe('the attempt Pause and Resume act on', () => {
  it('is the latest attempt while it is open, else none', () => {
    const retake = attempts({ status: 'finished', percent: 40 }, { attemptId: A2, number: 2 });
    expect(latestAttempt(retake)?.attemptId).toBe(A2);
    expect(openAttempt(retake)?.attemptId).toBe(A2);
    expect(openAttempt(attempts({ status: 'finished', percent: 80 }))).toBeNull();
    expect(openAttempt(attempts({ status: 'suspended' }))?.attemptId).toBe(A1);
    expect(openAttempt([])).toBeNull();
  });
});

describe('withAttemptClock', () => {
  const paused: AttemptClock = {
    status: 'in_progress',
    startedAt: '2026-06-01T09:00:00.000Z',
    deadlineAt: '2026-06-01T09:40:00.000Z',
    pausedAt: '2026-06-01T09:12:00.000Z',
    pausedByProctor: true,
    suspendedAt: null,
    serverNow: '2026-06-01T09:12:00.000Z',
  };

  it('takes over who holds the clock, so Resume becomes available', () => {
    const [shown] = withAttemptClock(attempts({}), A1, paused, Date.parse('2026-06-01T09:12:00.000Z'));
    expect(shown).toMatchObject({ pausedAt: paused.pausedAt, pausedByProctor: true, answered: 3 });
  });

  it('ignores a clock older than the one shown', () => {
    const current = withAttemptClock(attempts({}), A1, paused, Date.parse('2026-06-01T09:12:00.000Z'));
    const stale = {
      ...paused,
      pausedAt: null,
      pausedByProctor: false,
      serverNow: '2026-06-01T09:11:00.000Z',
    };
    const [shown] = withAttemptClock(current, A1, stale, Date.parse('2026-06-01T09:12:01.000Z'));
    expect(shown?.pausedByProctor).toBe(true);
  });
});
