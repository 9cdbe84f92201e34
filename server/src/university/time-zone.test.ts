import { describe, expect, it } from 'vitest';
import { endOfDay, startOfDay } from './time-zone.js';

describe('university days', () => {
  it('begins a day at local midnight', () => {
    // Kazakhstan keeps one time zone, UTC+5, since March 2024.
    expect(startOfDay('2026-11-22', 'Asia/Almaty').toISOString()).toBe('2026-11-21T19:00:00.000Z');
    expect(endOfDay('2026-11-22', 'Asia/Almaty').toISOString()).toBe('2026-11-22T19:00:00.000Z');
    expect(startOfDay('2026-11-22', 'UTC').toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it('follows daylight saving where a zone has it', () => {
    expect(startOfDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDay('2026-12-01', 'Europe/Berlin').toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });
});
