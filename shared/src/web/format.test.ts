import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './format.js';

// A local date-time (no zone suffix), so the expectations hold in any time zone.
const SUNDAY_MORNING = new Date(2026, 10, 22, 9, 5).toISOString();

describe('formatDate', () => {
  it('writes Kazakh dates with Kazakh month and weekday names', () => {
    expect(formatDate(SUNDAY_MORNING, 'kk')).toBe('22 қараша, жексенбі');
  });

  it('uses Intl for Russian and English', () => {
    expect(formatDate(SUNDAY_MORNING, 'ru')).toMatch(/22 ноября/);
    expect(formatDate(SUNDAY_MORNING, 'en')).toMatch(/Sunday,? 22 November/);
  });
});

describe('formatTime', () => {
  it('shows 24-hour times in every language', () => {
    expect(formatTime(SUNDAY_MORNING, 'kk')).toBe('09:05');
    expect(formatTime(SUNDAY_MORNING, 'ru')).toBe('09:05');
    expect(formatTime(SUNDAY_MORNING, 'en')).toBe('09:05');
  });
});
