import {
  DEFAULT_EXTENSION_ID,
  EXAM_PORT,
  ExtensionReply,
  type ExtensionRequest,
  PortMessage,
} from '@adal/shared/extension';

/**
 * The few pieces of `chrome.runtime` the exam page uses to reach our extension. Chrome gives a
 * page `chrome.runtime` only when an installed extension lists the page's origin in
 * `externally_connectable`; Firefox and Safari never do.
 */
interface ChromeEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}
export interface ChromePort {
  disconnect(): void;
  onMessage: ChromeEvent<(message: unknown) => void>;
  onDisconnect: ChromeEvent<() => void>;
}
export interface ChromeRuntime {
  sendMessage(extensionId: string, message: unknown, callback: (reply: unknown) => void): void;
  connect(extensionId: string, info: { name: string }): ChromePort;
  /** Set while a callback runs when the extension is absent or did not answer. */
  lastError?: { message?: string } | undefined;
}

export interface PortHandlers {
  onMessage(message: PortMessage): void;
  /** The extension went away (reloaded, disabled) or the port could not connect. */
  onDisconnect(): void;
}
export interface ExtensionPort {
  disconnect(): void;
}

/** What the exam page asks of the extension; a fake stands in for it in tests. */
export interface ExtensionRuntime {
  /** The extension's reply, or 'absent' when nothing answered within the timeout. */
  send(request: ExtensionRequest): Promise<ExtensionReply | 'absent'>;
  connect(handlers: PortHandlers): ExtensionPort;
}

export const REPLY_TIMEOUT_MS = 2000;

/** A university that packs its own build sets VITE_EXTENSION_ID (extension/README.md). */
export function extensionId(): string {
  const configured: unknown = import.meta.env.VITE_EXTENSION_ID;
  return typeof configured === 'string' && configured ? configured : DEFAULT_EXTENSION_ID;
}

export function chromeRuntime(): ChromeRuntime | undefined {
  const chrome = (globalThis as { chrome?: { runtime?: Partial<ChromeRuntime> } }).chrome;
  const runtime = chrome?.runtime;
  // Chrome keeps a `chrome.runtime` stub without these on pages no extension connects to.
  return typeof runtime?.sendMessage === 'function' && typeof runtime.connect === 'function'
    ? (runtime as ChromeRuntime)
    : undefined;
}

/** Chrome, Chromium, Edge…: browsers where the extension can be installed. */
export function isChromium(nav: { userAgent: string } | undefined = globalThis.navigator): boolean {
  return /\b(Chrome|Chromium)\//.test(nav?.userAgent ?? '');
}

export function extensionRuntime(
  runtime: ChromeRuntime | undefined = chromeRuntime(),
  id: string = extensionId(),
  timeoutMs = REPLY_TIMEOUT_MS,
): ExtensionRuntime | 'unsupported' {
  if (!runtime) return 'unsupported';
  return {
    send: (request) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve('absent'), timeoutMs);
        const done = (reply: ExtensionReply | 'absent') => {
          clearTimeout(timer);
          resolve(reply);
        };
        try {
          runtime.sendMessage(id, request, (raw) => {
            // Reading lastError is what keeps Chrome from logging it as unchecked.
            if (runtime.lastError || raw === undefined) return done('absent');
            const reply = ExtensionReply.safeParse(raw);
            done(
              reply.success
                ? reply.data
                : { type: 'error', code: 'bad_reply', message: 'the extension sent an unexpected reply' },
            );
          });
        } catch {
          done('absent'); // an id Chrome does not know throws at once
        }
      }),
    connect: (handlers) => {
      let port: ChromePort;
      try {
        port = runtime.connect(id, { name: EXAM_PORT });
      } catch {
        queueMicrotask(() => handlers.onDisconnect());
        return { disconnect: () => {} };
      }
      const onMessage = (raw: unknown) => {
        const message = PortMessage.safeParse(raw);
        if (message.success) handlers.onMessage(message.data);
      };
      const onDisconnect = () => {
        void runtime.lastError;
        handlers.onDisconnect();
      };
      port.onMessage.addListener(onMessage);
      port.onDisconnect.addListener(onDisconnect);
      return {
        disconnect: () => {
          port.onMessage.removeListener(onMessage);
          port.onDisconnect.removeListener(onDisconnect);
          port.disconnect();
        },
      };
    },
  };
}
