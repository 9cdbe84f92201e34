import { describe, expect, it } from 'vitest';
import { appealMsLeft, appealWindow, isWindowOpen } from './appeal-window.js';

const at = (iso: string) => Date.parse(iso);

describe('appeal window countdown', () => {
  const page = { windowEndsAt: '2026-11-22T11:30:00.000Z', serverNow: '2026-11-22T11:00:00.000Z' };

  it('counts down to the end of the window on the server clock', () => {
    // This computer runs 2 min slow: it got the page at 10:58 local, 11:00 on the server.
    const window = appealWindow(page, at('2026-11-22T10:58:00.000Z'));
    expect(window.offset).toBe(120_000);
    expect(appealMsLeft(window, at('2026-11-22T10:58:00.000Z'))).toBe(30 * 60_000);
    expect(appealMsLeft(window, at('2026-11-22T11:18:00.000Z'))).toBe(10 * 60_000);
    // A computer 5 min fast sees the same time left at the same moment.
    const fast = appealWindow(page, at('2026-11-22T11:05:00.000Z'));
    expect(appealMsLeft(fast, at('2026-11-22T11:05:00.000Z'))).toBe(30 * 60_000);
  });

  it('closes at zero and never goes below it', () => {
    const window = appealWindow(page, at('2026-11-22T11:00:00.000Z'));
    expect(isWindowOpen(window, at('2026-11-22T11:29:59.000Z'))).toBe(true);
    expect(appealMsLeft(window, at('2026-11-22T11:30:00.000Z'))).toBe(0);
    expect(isWindowOpen(window, at('2026-11-22T11:30:00.000Z'))).toBe(false);
    expect(appealMsLeft(window, at('2026-11-22T12:00:00.000Z'))).toBe(0);
  });

  it('has no time left when the test has no window', () => {
    const window = appealWindow({ ...page, windowEndsAt: null }, at('2026-11-22T11:00:00.000Z'));
    expect(appealMsLeft(window, at('2026-11-22T11:00:00.000Z'))).toBe(0);
    expect(isWindowOpen(window, at('2026-11-22T11:00:00.000Z'))).toBe(false);
  });
});
