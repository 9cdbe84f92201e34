import type { SittingAttempt } from '@adal/shared';
import { formatTimeLeft, timeLeftMs } from '@adal/shared/web';
import { describe, expect, it } from 'vitest';
import { applyAttemptChanged, badgeOf, fromList, latestByStudent, withClock } from './attempt-rows.js';

const SITTING = 'aaaaaaaa-0000-4000-8000-000000000001';
const STUDENT = '11111111-0000-4000-8000-000000000001';
const A1 = 'cccccccc-0000-4000-8000-000000000001';
const A2 = 'cccccccc-0000-4000-8000-000000000002';
const at = (iso: string) => Date.parse(iso);

const attempt = (over: Partial<SittingAttempt> = {}): SittingAttempt => ({
  attemptId: A1,
  studentId: STUDENT,
  number: 1,
  status: 'in_progress',
  startedAt: '2026-06-01T09:00:00.000Z',
  deadlineAt: '2026-06-01T09:40:00.000Z',
  pausedAt: null,
  pausedByProctor: false,
  suspendedAt: null,
  serverNow: '2026-06-01T09:10:00.000Z',
  questions: 8,
  answered: 3,
  percent: null,
  ...over,
});

describe('time left', () => {
  it('corrects for a computer clock that is behind the server', () => {
    // This computer says 09:08:00 when the server says 09:10:00: two minutes behind.
    const [shown] = fromList([attempt()], at('2026-06-01T09:08:00.000Z'));
    expect(shown?.offset).toBe(120_000);
    if (!shown) return;
    // One local minute later the server is at 09:11: 29 minutes left, not 31.
    expect(formatTimeLeft(timeLeftMs(shown, at('2026-06-01T09:09:00.000Z')))).toBe('00:29:00');
  });

  it('stands still while paused and never goes below zero', () => {
    const [paused] = fromList(
      [attempt({ pausedAt: '2026-06-01T09:30:00.000Z' })],
      at('2026-06-01T09:10:00.000Z'),
    );
    if (!paused) throw new Error('no attempt');
    expect(timeLeftMs(paused, at('2026-06-01T09:35:00.000Z'))).toBe(10 * 60_000);
    expect(timeLeftMs(paused, at('2026-06-01T12:00:00.000Z'))).toBe(10 * 60_000);
    const [running] = fromList([attempt()], at('2026-06-01T09:10:00.000Z'));
    if (!running) throw new Error('no attempt');
    expect(timeLeftMs(running, at('2026-06-01T10:00:00.000Z'))).toBe(0);
  });
});

describe('latestByStudent', () => {
  it('shows a retake rather than the first attempt', () => {
    const list = fromList(
      [attempt({ number: 2, attemptId: A2 }), attempt({ status: 'finished', percent: 50 })],
      at('2026-06-01T09:10:00.000Z'),
    );
    expect(latestByStudent(list).get(STUDENT)?.attemptId).toBe(A2);
  });
});

describe('attempt:changed', () => {
  const received = at('2026-06-01T09:15:00.000Z');
  const list = fromList([attempt()], at('2026-06-01T09:10:00.000Z'));
  const event = {
    attemptId: A1,
    sittingId: SITTING,
    studentId: STUDENT,
    status: 'in_progress' as const,
    startedAt: '2026-06-01T09:00:00.000Z',
    deadlineAt: '2026-06-01T09:40:00.000Z',
    pausedAt: '2026-06-01T09:15:00.000Z',
    pausedByProctor: true,
    suspendedAt: null,
    serverNow: '2026-06-01T09:15:00.000Z',
  };

  it('pauses the attempt in place and keeps its progress', () => {
    const { attempts, reload } = applyAttemptChanged(list, event, received);
    expect(reload).toBe(false);
    expect(attempts[0]).toMatchObject({ pausedAt: event.pausedAt, answered: 3 });
    expect(badgeOf(attempts[0] ?? attempt())).toBe('paused');
  });

  it('asks for a reload for an attempt it does not know, or one that has just closed', () => {
    expect(applyAttemptChanged(list, { ...event, attemptId: A2 }, received).reload).toBe(true);
    const closed = applyAttemptChanged(list, { ...event, pausedAt: null, status: 'finished' }, received);
    expect(closed.reload).toBe(true);
    expect(badgeOf(closed.attempts[0] ?? attempt())).toBe('finished');
  });

  it('ignores a clock older than the one shown', () => {
    const paused = withClock(list, A1, event, received);
    const stale = withClock(
      paused,
      A1,
      { ...event, pausedAt: null, serverNow: '2026-06-01T09:12:00.000Z' },
      received,
    );
    expect(stale[0]?.pausedAt).toBe(event.pausedAt);
  });
});
