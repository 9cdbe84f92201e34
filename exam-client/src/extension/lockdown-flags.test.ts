import { FlagReport } from '@adal/shared';
import { type LockdownEvent, LockdownEventKind } from '@adal/shared/extension';
import { describe, expect, it } from 'vitest';
import { flagReportOf } from './lockdown-flags.js';

const event = (kind: LockdownEvent['kind'], detail?: string): LockdownEvent => ({
  eventId: '0b7a4f2e-94a4-4d4c-8d53-1f3f1e0a5c11',
  kind,
  startedAt: '2025-06-01T09:00:00.000Z',
  endedAt: null,
  ...(detail === undefined ? {} : { detail }),
});

describe('flagReportOf', () => {
  it.each([
    ['new_tab_closed', 'new_tab', undefined],
    ['fullscreen_exit', 'fullscreen_exit', undefined],
    ['focus_lost', 'focus_lost', undefined],
    ['navigation_blocked', 'navigation_blocked', undefined],
    ['copy_blocked', 'copy_paste', 'copy'],
    ['cut_blocked', 'copy_paste', 'cut'],
    ['paste_blocked', 'copy_paste', 'paste'],
    ['context_menu_blocked', 'copy_paste', 'context menu'],
    ['drag_drop_blocked', 'copy_paste', 'drag and drop'],
    ['print_blocked', 'print_blocked', undefined],
    ['print_screen', 'print_blocked', 'PrintScreen'],
    ['second_display', 'second_display', undefined],
    ['risky_extension', 'risky_extension', undefined],
  ] as const)('%s → %s', (kind, type, detail) => {
    const report = flagReportOf(event(kind));
    expect(report).toEqual({
      episodeId: '0b7a4f2e-94a4-4d4c-8d53-1f3f1e0a5c11',
      type,
      startedAt: '2025-06-01T09:00:00.000Z',
      endedAt: null,
      confidence: 100,
      ...(detail ? { detail } : {}),
    });
    expect(FlagReport.safeParse(report).success).toBe(true);
  });

  it('maps every kind the extension may send', () => {
    for (const kind of LockdownEventKind.options) {
      expect(FlagReport.safeParse(flagReportOf(event(kind))).success, kind).toBe(true);
    }
  });

  it("joins the action with the extension's detail and keeps the end of an episode", () => {
    expect(flagReportOf(event('paste_blocked', '×5')).detail).toBe('paste ×5');
    expect(flagReportOf(event('navigation_blocked', 'www.google.com')).detail).toBe('www.google.com');
    expect(flagReportOf(event('risky_extension', 'Grammarly, ChatGPT Helper')).detail).toBe(
      'Grammarly, ChatGPT Helper',
    );
    const ended = flagReportOf({ ...event('focus_lost'), endedAt: '2025-06-01T09:00:12.000Z' });
    expect(ended.endedAt).toBe('2025-06-01T09:00:12.000Z');
  });

  it('trims the detail to 200 characters and leaves out an empty one', () => {
    const long = flagReportOf(event('drag_drop_blocked', 'x'.repeat(200))).detail ?? '';
    expect(long).toHaveLength(200);
    expect(long.startsWith('drag and drop x')).toBe(true);
    expect(flagReportOf(event('new_tab_closed', '  ')).detail).toBeUndefined();
  });
});
