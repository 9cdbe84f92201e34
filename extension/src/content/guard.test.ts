import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageBlockKind } from '../messages/internal';
import { createPageGuard } from './guard';
import { RATE_WINDOW_MS } from './rate-limit';

/** Node has EventTarget and Event; the keyboard/drag fields are set on a plain Event. */
function fire(target: EventTarget, type: string, fields: object = {}): Event {
  const event = Object.assign(new Event(type, { cancelable: true }), fields);
  target.dispatchEvent(event);
  return event;
}

let page: EventTarget;
let sent: { kind: PageBlockKind; detail?: string }[];
let clearClipboard: ReturnType<typeof vi.fn<() => Promise<void>>>;

beforeEach(() => {
  vi.useFakeTimers();
  page = new EventTarget();
  sent = [];
  clearClipboard = vi.fn(async () => undefined);
});
afterEach(() => vi.useRealTimers());

const guard = () =>
  createPageGuard({ target: page, send: (kind, detail) => sent.push({ kind, detail }), clearClipboard });

describe('page guard', () => {
  it('blocks copy, cut, paste and the context menu while locked and reports each', () => {
    guard().setLocked(true);
    for (const type of ['copy', 'cut', 'paste', 'contextmenu'])
      expect(fire(page, type).defaultPrevented).toBe(true);
    expect(sent.map((s) => s.kind)).toEqual([
      'copy_blocked',
      'cut_blocked',
      'paste_blocked',
      'context_menu_blocked',
    ]);
  });

  it('blocks nothing when unlocked, or after unlocking', () => {
    const g = guard();
    expect(fire(page, 'copy').defaultPrevented).toBe(false);
    g.setLocked(true);
    g.setLocked(false);
    expect(fire(page, 'paste').defaultPrevented).toBe(false);
    expect(fire(page, 'keydown', { key: 'p', ctrlKey: true }).defaultPrevented).toBe(false);
    expect(sent).toEqual([]);
  });

  it('blocks Ctrl+P and Cmd+P, lets other keys through', () => {
    guard().setLocked(true);
    expect(fire(page, 'keydown', { key: 'p', ctrlKey: true }).defaultPrevented).toBe(true);
    expect(fire(page, 'keydown', { key: 'a', ctrlKey: true }).defaultPrevented).toBe(false);
    expect(fire(page, 'keydown', { key: 'p' }).defaultPrevented).toBe(false);
    expect(sent).toEqual([{ kind: 'print_blocked', detail: 'Ctrl+P' }]);
  });

  it('reports PrintScreen and empties the clipboard', () => {
    guard().setLocked(true);
    fire(page, 'keyup', { key: 'PrintScreen' });
    expect(clearClipboard).toHaveBeenCalledOnce();
    expect(sent).toEqual([{ kind: 'print_screen', detail: 'PrintScreen' }]);
  });

  it('blocks dragging text and dropping text, allows the page’s own draggables', () => {
    guard().setLocked(true);
    expect(fire(page, 'dragstart').defaultPrevented).toBe(true);
    expect(fire(page, 'drop', { dataTransfer: { types: ['text/plain'] } }).defaultPrevented).toBe(true);
    const item = Object.assign(new EventTarget(), {
      closest: (s: string) => (s === '[draggable="true"]' ? {} : null),
    });
    item.addEventListener('dragstart', () => undefined);
    const own = new Event('dragstart', { cancelable: true });
    Object.defineProperty(own, 'target', { value: item });
    page.dispatchEvent(own);
    expect(own.defaultPrevented).toBe(false);
    expect(fire(page, 'drop', { dataTransfer: { types: ['text/plain'] } }).defaultPrevented).toBe(false);
    // drag and drop share a kind, so the drop is held back by the rate limit
    expect(sent.map((s) => s.detail)).toEqual(['drag']);
  });

  it('sends one event per kind per window and the held-back count at its end', async () => {
    guard().setLocked(true);
    for (let i = 0; i < 6; i++) fire(page, 'copy');
    fire(page, 'paste');
    expect(sent).toEqual(
      [{ kind: 'copy_blocked' }, { kind: 'paste_blocked' }].map((s) => ({ ...s, detail: undefined })),
    );
    await vi.advanceTimersByTimeAsync(RATE_WINDOW_MS);
    expect(sent.at(-1)).toEqual({ kind: 'copy_blocked', detail: '×5' });
    await vi.advanceTimersByTimeAsync(RATE_WINDOW_MS * 2);
    expect(sent).toHaveLength(3);
    fire(page, 'copy');
    expect(sent).toHaveLength(4);
  });

  it('never puts the copied text in a report', () => {
    guard().setLocked(true);
    fire(page, 'copy', { clipboardData: { getData: () => 'secret answer' } });
    expect(JSON.stringify(sent)).not.toContain('secret');
  });
});
