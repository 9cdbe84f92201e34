import type { FlagReport } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { FocusWatch } from './focus-watch.js';

class Target {
  private listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
  count() {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

function setup() {
  const window = new Target();
  const doc = Object.assign(new Target(), {
    visibilityState: 'visible',
    focused: true as boolean,
    hasFocus: (): boolean => doc.focused,
  });
  const reports: FlagReport[] = [];
  let t = Date.parse('2026-12-07T10:00:00.000Z');
  let n = 0;
  const watch = new FocusWatch({
    window,
    document: doc,
    report: (r) => reports.push(r),
    now: () => new Date(t),
    newId: () => `00000000-0000-4000-8000-00000000000${++n}`,
  });
  return { window, doc, reports, watch, advance: (ms: number) => (t += ms) };
}

describe('FocusWatch', () => {
  it('makes one focus_lost episode from leaving the window until coming back', () => {
    const s = setup();
    s.doc.focused = false;
    s.window.fire('blur');
    s.advance(4_000);
    s.doc.focused = true;
    s.window.fire('focus');
    expect(s.reports).toEqual([
      expect.objectContaining({ type: 'focus_lost', startedAt: '2026-12-07T10:00:00.000Z', endedAt: null }),
      expect.objectContaining({ startedAt: '2026-12-07T10:00:00.000Z', endedAt: '2026-12-07T10:00:04.000Z' }),
    ]);
    expect(s.reports[0]?.episodeId).toBe(s.reports[1]?.episodeId);
  });

  it('counts a hidden page (another tab, minimised) as away, and blur then hide as one episode', () => {
    const s = setup();
    s.doc.focused = false;
    s.window.fire('blur');
    s.doc.visibilityState = 'hidden';
    s.doc.fire('visibilitychange');
    expect(s.reports).toHaveLength(1);
    s.doc.visibilityState = 'visible';
    s.doc.fire('visibilitychange');
    expect(s.reports).toHaveLength(1); // visible, but the window has no focus yet
    s.doc.focused = true;
    s.window.fire('focus');
    expect(s.reports.map((r) => r.endedAt !== null)).toEqual([false, true]);
  });

  it('ends an open episode when stopped and listens no more', () => {
    const s = setup();
    s.doc.focused = false;
    s.window.fire('blur');
    s.advance(1_000);
    s.watch.stop();
    expect(s.reports.at(-1)?.endedAt).toBe('2026-12-07T10:00:01.000Z');
    expect(s.window.count() + s.doc.count()).toBe(0);
  });

  it('reports nothing while the student stays on the page', () => {
    const s = setup();
    s.window.fire('focus');
    s.doc.fire('visibilitychange');
    expect(s.reports).toEqual([]);
  });
});
