import type { MakeUpApplicationView } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { canReviewMakeUps, localInputValue, makeUpStart, replaceApplication, reviewOrder } from './review.js';

const view = (
  id: string,
  status: MakeUpApplicationView['status'],
  submittedAt: string,
  decidedAt: string | null,
) => ({ applicationId: id, status, submittedAt, decidedAt }) as MakeUpApplicationView;

describe('make-up review', () => {
  it('is for the dean’s office, commission chairs and admins', () => {
    expect(canReviewMakeUps('registrar')).toBe(true);
    expect(canReviewMakeUps('commission_chair')).toBe(true);
    expect(canReviewMakeUps('admin')).toBe(true);
    expect(canReviewMakeUps('proctor')).toBe(false);
    expect(canReviewMakeUps('commission_member')).toBe(false);
  });

  it('puts the oldest pending application first, then the latest decisions', () => {
    const list = [
      view('d1', 'approved', '2026-06-01T08:00:00Z', '2026-06-02T08:00:00Z'),
      view('p2', 'pending', '2026-06-03T08:00:00Z', null),
      view('d2', 'rejected', '2026-06-01T09:00:00Z', '2026-06-04T08:00:00Z'),
      view('p1', 'pending', '2026-06-02T08:00:00Z', null),
    ];
    const { pending, decided } = reviewOrder(list);
    expect(pending.map((a) => a.applicationId)).toEqual(['p1', 'p2']);
    expect(decided.map((a) => a.applicationId)).toEqual(['d2', 'd1']);
    const next = view('p1', 'approved', '2026-06-02T08:00:00Z', '2026-06-05T08:00:00Z');
    expect(replaceApplication(list, next)[3]).toBe(next);
  });

  it('reads the make-up start in the reviewer’s time zone and wants it in the future', () => {
    const now = new Date(2026, 5, 10, 12, 0);
    expect(localInputValue(now)).toBe('2026-06-10T12:00');
    expect(makeUpStart('', now)).toEqual({ problem: 'startsAtRequired' });
    expect(makeUpStart('2026-06-10T12:00', now)).toEqual({ problem: 'startsAtPast' });
    expect(makeUpStart('2026-06-12T09:30', now)).toEqual({
      startsAt: new Date(2026, 5, 12, 9, 30).toISOString(),
    });
  });
});
