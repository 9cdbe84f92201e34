import type { IdentityCheckView } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { checkToMatch } from './verified-face.js';

const check = (checkId: string, submittedAt: string, decision: IdentityCheckView['decision']) =>
  ({ checkId, submittedAt, decision }) as IdentityCheckView;

describe('the check the live face is matched against', () => {
  it('is the latest verified one, even when a newer one waits', () => {
    const checks = [
      check('a', '2026-12-07T09:00:00.000Z', 'verified'),
      check('b', '2026-12-07T09:30:00.000Z', 'verified'),
      check('c', '2026-12-07T10:00:00.000Z', null),
    ];
    expect(checkToMatch(checks)?.checkId).toBe('b');
  });

  it('is the latest sent one when none is verified, and none without checks', () => {
    const checks = [
      check('a', '2026-12-07T09:00:00.000Z', 'retake'),
      check('b', '2026-12-07T09:30:00.000Z', null),
    ];
    expect(checkToMatch(checks)?.checkId).toBe('b');
    expect(checkToMatch([])).toBeNull();
  });
});
