import { LockdownEventKind } from '@adal/shared/extension';
import { z } from 'zod';

/**
 * Messages between our own content script and our service worker (never seen by the page).
 * The page's contract is @adal/shared/extension; this one is private to the extension.
 */

/** The kinds the content script may report: what it blocks in the page. */
export const PageBlockKind = LockdownEventKind.extract([
  'copy_blocked',
  'cut_blocked',
  'paste_blocked',
  'context_menu_blocked',
  'drag_drop_blocked',
  'print_blocked',
  'print_screen',
]);
export type PageBlockKind = z.infer<typeof PageBlockKind>;

export const ContentToBackground = z.discriminatedUnion('type', [
  /** Asked at load: is this tab the locked exam tab? Reply: LockStatus. */
  z.object({ type: z.literal('adal/lock-status') }).strict(),
  z
    .object({ type: z.literal('adal/blocked'), kind: PageBlockKind, detail: z.string().max(60).optional() })
    .strict(),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

export const LockStatus = z.object({ type: z.literal('adal/lock'), locked: z.boolean() }).strict();
export type LockStatus = z.infer<typeof LockStatus>;
