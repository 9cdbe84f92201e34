import type { PageBlockKind } from '../messages/internal';
import { createRateLimiter } from './rate-limit';

export interface PageGuardOptions {
  /** Where to listen (the page's window), in the capture phase so the page cannot get there first. */
  target: EventTarget;
  send(kind: PageBlockKind, detail?: string): void;
  /** Empties the clipboard after PrintScreen (best effort: needs focus and may be refused). */
  clearClipboard?: () => Promise<void>;
  /** Gets a print style that blanks the page while locked. */
  document?: Document;
}

export interface PageGuard {
  setLocked(locked: boolean): void;
  readonly locked: boolean;
}

const PRINT_STYLE_ID = 'adal-print-guard';
const TEXT_TYPES = ['text/plain', 'text/html', 'text/uri-list', 'Files'];

/**
 * Blocks copy, cut, paste, the context menu, dragging text in or out, printing and reports
 * PrintScreen — only while locked. Reports carry the kind and a key name, never page text.
 */
export function createPageGuard(options: PageGuardOptions): PageGuard {
  const limiter = createRateLimiter<PageBlockKind>(options.send);
  let locked = false;
  /** A drag the page itself started (draggable="true"), e.g. an ordering question: allowed. */
  let pageDrag = false;

  const block = (event: Event, kind: PageBlockKind, detail?: string) => {
    event.preventDefault();
    limiter.report(kind, detail);
  };

  const handlers: Record<string, (event: Event) => void> = {
    copy: (event) => block(event, 'copy_blocked'),
    cut: (event) => block(event, 'cut_blocked'),
    paste: (event) => block(event, 'paste_blocked'),
    contextmenu: (event) => block(event, 'context_menu_blocked'),
    dragstart: (event) => {
      const target = event.target as Partial<Element> | null;
      pageDrag = typeof target?.closest === 'function' && target.closest('[draggable="true"]') !== null;
      if (!pageDrag) block(event, 'drag_drop_blocked', 'drag');
    },
    dragend: () => {
      pageDrag = false;
    },
    drop: (event) => {
      const types = Array.from((event as DragEvent).dataTransfer?.types ?? []);
      if (!pageDrag && types.some((t) => TEXT_TYPES.includes(t))) block(event, 'drag_drop_blocked', 'drop');
      pageDrag = false;
    },
    keydown: (event) => {
      const key = event as KeyboardEvent;
      if ((key.ctrlKey || key.metaKey) && key.key?.toLowerCase() === 'p') {
        block(event, 'print_blocked', key.metaKey ? 'Cmd+P' : 'Ctrl+P');
      }
    },
    beforeprint: () => limiter.report('print_blocked', 'print dialog'),
    keyup: (event) => {
      if ((event as KeyboardEvent).key !== 'PrintScreen') return;
      options.clearClipboard?.().catch(() => undefined);
      limiter.report('print_screen', 'PrintScreen');
    },
  };

  const setPrintStyle = (on: boolean) => {
    const doc = options.document;
    if (!doc) return;
    const existing = doc.getElementById(PRINT_STYLE_ID);
    if (!on) {
      existing?.remove();
      return;
    }
    if (existing) return;
    const style = doc.createElement('style');
    style.id = PRINT_STYLE_ID;
    style.textContent = '@media print { html { display: none !important; } }';
    doc.documentElement.append(style);
  };

  return {
    get locked() {
      return locked;
    },
    setLocked(next: boolean) {
      if (next === locked) return;
      locked = next;
      for (const [type, handler] of Object.entries(handlers)) {
        if (locked) options.target.addEventListener(type, handler, { capture: true });
        else options.target.removeEventListener(type, handler, { capture: true });
      }
      if (!locked) limiter.reset();
      setPrintStyle(locked);
    },
  };
}
