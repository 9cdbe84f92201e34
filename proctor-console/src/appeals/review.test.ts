import type { AppealView } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { appealSummary, canReviewAppeals, markedOptions, replaceAppeal, reviewOrder } from './review.js';

const item = (questionId: string, decision: 'pending' | 'accepted' | 'rejected') => ({
  questionId,
  position: 1,
  difficulty: 'simple' as const,
  kind: 'single' as const,
  stem: 'Which clause filters rows?',
  options: [
    { id: 'b', text: 'ORDER BY' },
    { id: 'a', text: 'WHERE' },
    { id: 'c', text: 'LIMIT' },
  ],
  response: ['b'],
  comment: 'ORDER BY also limits what I see.',
  decision,
  reason: decision === 'pending' ? null : 'Checked.',
  decidedAt: decision === 'pending' ? null : '2026-11-22T12:10:00.000Z',
  correct: ['a'],
});
const appeal = (
  appealId: string,
  filedAt: string,
  decisions: ('pending' | 'accepted' | 'rejected')[],
): AppealView => ({
  appealId,
  attemptId: '5b6a8d1e-1c2b-4d3e-8f9a-0b1c2d3e4f50',
  sittingId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  studentId: '0d7f6a3c-5b1e-4c2d-8e9f-1a2b3c4d5e6f',
  studentName: 'Aruzhan Sadykova',
  status: decisions.every((d) => d !== 'pending') ? 'rejected' : 'filed',
  filedAt,
  decidedAt: null,
  items: decisions.map((d, i) => item(`q${i}`, d)),
});

describe('canReviewAppeals', () => {
  it('lets proctors, the dean’s office and admins review; not commissions or students', () => {
    expect(['proctor', 'registrar', 'admin'].every((r) => canReviewAppeals(r as 'proctor'))).toBe(true);
    expect(canReviewAppeals('commission_chair')).toBe(false);
    expect(canReviewAppeals('technical_secretary')).toBe(false);
    expect(canReviewAppeals('student')).toBe(false);
  });
});

describe('markedOptions', () => {
  it('marks the key and the student’s choice in the paper order', () => {
    expect(markedOptions(item('q1', 'pending'))).toEqual([
      { id: 'b', text: 'ORDER BY', key: false, chosen: true },
      { id: 'a', text: 'WHERE', key: true, chosen: false },
      { id: 'c', text: 'LIMIT', key: false, chosen: false },
    ]);
  });

  it('marks no key when the server sent none', () => {
    const { correct: _, ...withoutKey } = item('q1', 'pending');
    expect(markedOptions(withoutKey).some((o) => o.key)).toBe(false);
  });
});

describe('appeal lists', () => {
  const first = appeal('a1', '2026-11-22T11:00:00.000Z', ['accepted', 'rejected']);
  const second = appeal('a2', '2026-11-22T11:05:00.000Z', ['pending', 'accepted']);
  const third = appeal('a3', '2026-11-22T11:10:00.000Z', ['pending']);

  it('counts appeals and those still awaiting a decision', () => {
    expect(appealSummary([first, second, third])).toEqual({ total: 3, pending: 2 });
  });

  it('puts undecided appeals first, each group as filed', () => {
    expect(reviewOrder([third, first, second]).map((a) => a.appealId)).toEqual(['a2', 'a3', 'a1']);
  });

  it('replaces one appeal with the server’s answer', () => {
    const decided = appeal('a3', '2026-11-22T11:10:00.000Z', ['accepted']);
    const list = replaceAppeal([first, third], decided);
    expect(list[1]).toBe(decided);
    expect(list[0]).toBe(first);
  });
});
