import { describe, expect, it } from 'vitest';
import { deadlineView, durationParts } from './publish-deadline.js';

const BY = '2026-11-23T11:30:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('deadlineView', () => {
  it('has no deadline for oral exams', () => {
    expect(deadlineView(null, 5, at('2026-11-23T12:00:00.000Z'))).toEqual({ state: 'none' });
  });

  it('counts down before the deadline', () => {
    expect(deadlineView(BY, 3, at('2026-11-23T09:00:00.000Z'))).toEqual({ state: 'open', msLeft: 9_000_000 });
  });

  it('is overdue once the deadline is reached while grades wait, and only then', () => {
    expect(deadlineView(BY, 3, at(BY))).toEqual({ state: 'overdue', msOver: 0 });
    expect(deadlineView(BY, 1, at('2026-11-23T12:30:00.000Z'))).toEqual({
      state: 'overdue',
      msOver: 3_600_000,
    });
    expect(deadlineView(BY, 0, at('2026-11-23T12:30:00.000Z'))).toEqual({ state: 'passed' });
  });
});

describe('durationParts', () => {
  it('shows days and hours, hours and minutes, or minutes', () => {
    expect(durationParts(26 * 3_600_000 + 5 * 60_000)).toEqual({ unit: 'days', days: 1, hours: 2 });
    expect(durationParts(2 * 3_600_000 + 30 * 60_000)).toEqual({ unit: 'hours', hours: 2, minutes: 30 });
    expect(durationParts(59 * 60_000)).toEqual({ unit: 'minutes', minutes: 59 });
  });

  it('rounds up to the minute, so time left never reads as 0 min', () => {
    expect(durationParts(1)).toEqual({ unit: 'minutes', minutes: 1 });
    expect(durationParts(60 * 60_000 - 1)).toEqual({ unit: 'hours', hours: 1, minutes: 0 });
    expect(durationParts(0)).toEqual({ unit: 'minutes', minutes: 0 });
    expect(durationParts(-5)).toEqual({ unit: 'minutes', minutes: 0 });
  });
});
