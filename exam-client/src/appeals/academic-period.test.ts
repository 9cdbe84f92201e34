import { describe, expect, it } from 'vitest';
import { choosePeriod, currentTerm, formatDay, isIsoDay, isoDay } from './academic-period.js';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

describe('currentTerm', () => {
  it('is the autumn term from September through the January session', () => {
    expect(currentTerm(local(2025, 9, 1))).toEqual({ from: '2025-09-01', to: '2026-01-31' });
    expect(currentTerm(local(2025, 12, 20))).toEqual({ from: '2025-09-01', to: '2026-01-31' });
    expect(currentTerm(local(2026, 1, 20))).toEqual({ from: '2025-09-01', to: '2026-01-31' });
  });

  it('is the spring term from February through August', () => {
    expect(currentTerm(local(2026, 2, 1))).toEqual({ from: '2026-02-01', to: '2026-08-31' });
    expect(currentTerm(local(2026, 6, 15))).toEqual({ from: '2026-02-01', to: '2026-08-31' });
    expect(currentTerm(local(2026, 8, 31))).toEqual({ from: '2026-02-01', to: '2026-08-31' });
  });
});

describe('isoDay and isIsoDay', () => {
  it('writes the local calendar day', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('accepts only real days', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026-2-3')).toBe(false);
    expect(isIsoDay('')).toBe(false);
  });
});

describe('choosePeriod', () => {
  const today = local(2026, 3, 10);

  it('defaults to the current term', () => {
    expect(choosePeriod(new URLSearchParams(), today)).toEqual({
      ok: true,
      period: { from: '2026-02-01', to: '2026-08-31' },
    });
  });

  it('takes the days from the address and fills in a missing or broken end from the term', () => {
    expect(choosePeriod(new URLSearchParams('from=2025-09-01&to=2025-12-01'), today)).toEqual({
      ok: true,
      period: { from: '2025-09-01', to: '2025-12-01' },
    });
    expect(choosePeriod(new URLSearchParams('from=2025-09-01&to=soon'), today).period).toEqual({
      from: '2025-09-01',
      to: '2026-08-31',
    });
  });

  it('reports a start after the end instead of loading', () => {
    expect(choosePeriod(new URLSearchParams('from=2026-03-10&to=2026-03-09'), today)).toEqual({
      ok: false,
      period: { from: '2026-03-10', to: '2026-03-09' },
      problem: 'badPeriod',
    });
    expect(choosePeriod(new URLSearchParams('from=2026-03-10&to=2026-03-10'), today).ok).toBe(true);
  });
});

describe('formatDay', () => {
  it('writes the local day as the seed does', () => {
    expect(formatDay(new Date(2023, 11, 1, 9, 5).toISOString())).toBe('01.12.2023');
  });
});
