import { z } from 'zod';

/**
 * The words between the exam page and our Chrome extension (issue 8). The page reaches the
 * extension through `externally_connectable` (only our origins get `chrome.runtime`):
 * one-off requests with `chrome.runtime.sendMessage(EXTENSION_ID, request)`, and a long-lived
 * port (`chrome.runtime.connect(EXTENSION_ID, { name: EXAM_PORT })`) on which the extension
 * sends heartbeats, events and the tab-capture stream id while an exam is active.
 * Both ends parse what they receive with these schemas.
 */

/** Bumped when a message changes shape; the page refuses an extension that speaks another. */
export const EXTENSION_PROTOCOL = 1;
/** The oldest extension version the exam client accepts (older: "update the extension"). */
export const MIN_EXTENSION_VERSION = '0.1.0';
export const EXAM_PORT = 'adal-exam';
/** The extension says it is alive this often while an exam is active. */
export const HEARTBEAT_SECONDS = 10;
/** No heartbeat for this long while an exam is active: the extension is "silent" (a flag). */
export const SILENT_AFTER_SECONDS = 30;

const Origin = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[^/]+$/, 'an origin like https://exam.example.kz');
const Iso = z.string().datetime();

// ---------------------------------------------------------------- page → extension (requests)

export const HelloRequest = z
  .object({ type: z.literal('hello'), nonce: z.string().min(16).max(128) })
  .strict();
/** Start the lockdown of the sender's tab and window. `examOrigin`: the only origin it may show. */
export const StartLockdownRequest = z
  .object({
    type: z.literal('start_lockdown'),
    sittingId: z.string().uuid(),
    examOrigin: Origin,
  })
  .strict();
export const StopLockdownRequest = z
  .object({ type: z.literal('stop_lockdown'), sittingId: z.string().uuid() })
  .strict();
export const ExtensionRequest = z.discriminatedUnion('type', [
  HelloRequest,
  StartLockdownRequest,
  StopLockdownRequest,
]);
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

// ---------------------------------------------------------------- environment

/** Another extension in the student's browser, as `management.getAll()` describes it. */
export const OtherExtension = z.object({
  id: z.string().max(64),
  name: z.string().max(200),
  version: z.string().max(40),
  enabled: z.boolean(),
  /** Why it looks risky (deny-list, broad permissions); empty: not risky. */
  risks: z.array(z.string().max(120)).max(10),
});
export type OtherExtension = z.infer<typeof OtherExtension>;

export const ExamEnvironment = z.object({
  /** Connected displays (`system.display.getInfo()`); more than one is a flag. */
  displays: z.number().int().min(0).max(16),
  /** Enabled extensions other than ours. */
  extensions: z.array(OtherExtension).max(100),
});
export type ExamEnvironment = z.infer<typeof ExamEnvironment>;

// ---------------------------------------------------------------- extension → page (replies)

export const HelloReply = z
  .object({
    type: z.literal('hello'),
    protocol: z.number().int(),
    version: z.string().max(40),
    extensionId: z.string().max(64),
    nonce: z.string().min(16).max(128),
  })
  .strict();
export type HelloReply = z.infer<typeof HelloReply>;
export const LockdownReply = z
  .object({ type: z.literal('lockdown'), active: z.boolean(), environment: ExamEnvironment.optional() })
  .strict();
export type LockdownReply = z.infer<typeof LockdownReply>;
export const ErrorReply = z
  .object({ type: z.literal('error'), code: z.string().max(60), message: z.string().max(500) })
  .strict();
export const ExtensionReply = z.discriminatedUnion('type', [HelloReply, LockdownReply, ErrorReply]);
export type ExtensionReply = z.infer<typeof ExtensionReply>;

// ---------------------------------------------------------------- extension → page (port)

/** What the extension saw and did while the lockdown was on. */
export const LockdownEventKind = z.enum([
  /** A new tab or window was opened; the extension closed it at once. */
  'new_tab_closed',
  'fullscreen_exit',
  /** The exam window lost focus to another window or app (ended when it comes back). */
  'focus_lost',
  /** Navigation away from the exam origin, blocked. */
  'navigation_blocked',
  'copy_blocked',
  'cut_blocked',
  'paste_blocked',
  'context_menu_blocked',
  'drag_drop_blocked',
  'print_blocked',
  'print_screen',
  /** More than one display connected. */
  'second_display',
  /** An enabled extension on the deny-list or with broad permissions. */
  'risky_extension',
]);
export type LockdownEventKind = z.infer<typeof LockdownEventKind>;

export const LockdownEvent = z
  .object({
    /** Made by the extension; the same episode reported again (its end) keeps the id. */
    eventId: z.string().uuid(),
    kind: LockdownEventKind,
    startedAt: Iso,
    /** null while it lasts (focus lost, fullscreen left, second display): sent again when over. */
    endedAt: Iso.nullable(),
    /** A short human detail: the blocked host, the key, the extension names. Never page content. */
    detail: z.string().max(200).optional(),
  })
  .strict();
export type LockdownEvent = z.infer<typeof LockdownEvent>;

export const PortMessage = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('heartbeat'), at: Iso, active: z.boolean(), environment: ExamEnvironment })
    .strict(),
  z.object({ type: z.literal('event'), event: LockdownEvent }).strict(),
  /** The student clicked the extension button: a stream id for `getUserMedia` of the exam tab. */
  z.object({ type: z.literal('tab_capture'), streamId: z.string().min(1).max(400) }).strict(),
  z.object({ type: z.literal('tab_capture_failed'), message: z.string().max(500) }).strict(),
]);
export type PortMessage = z.infer<typeof PortMessage>;

/** "0.1.10" ≥ "0.1.9": numeric compare of dotted versions. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (v: string) => v.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const a = parts(version);
  const b = parts(minimum);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/**
 * Our extension's id, fixed by the public `key` in extension/manifest.json (id = the first 32 hex
 * digits of sha256(key) written with a–p). A university that packs its own build sets
 * VITE_EXTENSION_ID for the exam client instead.
 */
export const DEFAULT_EXTENSION_ID = 'pmfddhefenggdfpdboglileoahdjohga';
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhnb779kMhbQ/pO+mmKUdzqL0Q6ZtKtZ5t5Wkh2t4PrK2giWWBB3HgQC8zwtkMjSwqDn5t++r/1MyUmbNFGGQniDIZi7Gy+ZuOROEr0WoT6QaYPukyd5FBETHYLkA4KQg8gQqtNbODhj61h+Lj8qW+I6iVNst/qunQDhp6oN7HwT4IGdC8IuB6NJtmdRDlAQB1FBrCyQb8fdJQUmcwgw3sNeHsaosA0y2TowS6FFxrQJY+OcUMhw2NsYDrkbHpFEv8L6MftYl00O11VJGhxx2BLunHBj4dwhjwpoPe1XAGgl4J50+CnD90ysKz6w0srBBixw2aN0jv8z8uuJ9KrbICQIDAQAB';
