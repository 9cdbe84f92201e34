import { describe, expect, it } from 'vitest';
import { needsAttention, stageOf } from './stage.js';

const base = { access: 'red' as const, endedAs: null, attempt: null, connected: false };

describe('stageOf', () => {
  it('follows the student from absent to finished', () => {
    expect(stageOf(base)).toBe('absent');
    expect(stageOf({ ...base, connected: true })).toBe('checks');
    expect(stageOf({ ...base, access: 'green', connected: true })).toBe('admitted');
    const attempt = { status: 'in_progress' as const, pausedByProctor: false };
    expect(stageOf({ ...base, access: 'green', attempt })).toBe('in_test');
    expect(stageOf({ ...base, access: 'green', attempt: { ...attempt, pausedByProctor: true } })).toBe(
      'paused',
    );
    expect(stageOf({ ...base, access: 'green', attempt: { ...attempt, status: 'suspended' } })).toBe(
      'suspended',
    );
    expect(stageOf({ ...base, access: 'green', attempt: { ...attempt, status: 'timed_out' } })).toBe(
      'finished',
    );
  });

  it('puts how the sitting ended above everything else', () => {
    const attempt = { status: 'in_progress' as const, pausedByProctor: false };
    expect(stageOf({ ...base, endedAs: 'terminated', attempt })).toBe('terminated');
    expect(stageOf({ ...base, endedAs: 'denied' })).toBe('denied');
    expect(stageOf({ ...base, endedAs: 'left', attempt: { ...attempt, status: 'finished' } })).toBe('left');
  });
});

describe('needsAttention', () => {
  const ongoing = [
    {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'no_face' as const,
      startedAt: '2026-11-22T09:00:00.000Z',
      endedAt: null,
      confidence: 90,
      count: 1,
      loggedSeq: null,
      details: [],
    },
  ];
  it('is raised by a suspension, a flag going on, an unreviewed flag or a waiting student', () => {
    expect(needsAttention('in_test', 0, [], 'done')).toBe(false);
    expect(needsAttention('suspended', 0, [], 'done')).toBe(true);
    expect(needsAttention('in_test', 0, ongoing, 'done')).toBe(true);
    expect(needsAttention('in_test', 2, [], 'done')).toBe(true);
    expect(needsAttention('checks', 0, [], 'none')).toBe(true);
    expect(needsAttention('admitted', 0, [], 'requested')).toBe(true);
  });
});
