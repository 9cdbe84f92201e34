import type { ExtensionStatus } from '@adal/shared';
import { EXTENSION_PROTOCOL, MIN_EXTENSION_VERSION, versionAtLeast } from '@adal/shared/extension';
import type { ExtensionRuntime } from './extension-runtime.js';
import type { ExtensionServer } from './extension-server.js';

export type ExtensionCheckState =
  | { status: 'checking' }
  /** Not a Chromium browser (or not a computer): the extension cannot be installed here. */
  | { status: 'unsupported' }
  /**
   * Chrome, but our extension did not answer. `reloadNeeded`: Chrome gave this page no
   * `chrome.runtime` at all, which it only does once an extension for this origin is installed
   * and the page is loaded again.
   */
  | { status: 'missing'; reloadNeeded: boolean }
  | { status: 'outdated'; version: string; protocol: number }
  | { status: 'connected'; version: string; extension: ExtensionStatus }
  /** The server refused (or could not be reached), or the extension answered with an error. */
  | { status: 'failed'; error: unknown };

export interface CheckInput {
  runtime: ExtensionRuntime | 'unsupported';
  /** Whether this browser can install the extension at all. */
  chromium: boolean;
  server: ExtensionServer;
}

/** An error reply of the extension, kept as the error of a failed check. */
export class ExtensionRefused extends Error {
  override readonly name = 'ExtensionRefused';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One check: the server issues a nonce, the extension echoes it with its version in `hello`, and
 * the server records the handshake. Without a runtime nothing is asked of the server.
 */
export async function checkExtension({
  runtime,
  chromium,
  server,
}: CheckInput): Promise<ExtensionCheckState> {
  if (runtime === 'unsupported') {
    return chromium ? { status: 'missing', reloadNeeded: true } : { status: 'unsupported' };
  }
  try {
    const { nonce } = await server.nonce();
    const reply = await runtime.send({ type: 'hello', nonce });
    if (reply === 'absent') return { status: 'missing', reloadNeeded: false };
    if (reply.type === 'error') throw new ExtensionRefused(reply.code, reply.message);
    if (reply.type !== 'hello' || reply.nonce !== nonce) {
      throw new ExtensionRefused('bad_reply', 'the extension did not echo the nonce');
    }
    if (reply.protocol !== EXTENSION_PROTOCOL || !versionAtLeast(reply.version, MIN_EXTENSION_VERSION)) {
      return { status: 'outdated', version: reply.version, protocol: reply.protocol };
    }
    const extension = await server.handshake({
      nonce: reply.nonce,
      version: reply.version,
      protocol: reply.protocol,
      extensionId: reply.extensionId,
    });
    return { status: 'connected', version: reply.version, extension };
  } catch (error) {
    return { status: 'failed', error };
  }
}

/**
 * The check's state for the page, run again on `recheck()`; an answer to an older check that
 * arrives late is dropped. `subscribe`/`current` fit `useSyncExternalStore`.
 */
export class ExtensionChecker {
  private state: ExtensionCheckState = { status: 'checking' };
  private run = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly input: () => CheckInput) {}

  readonly current = (): ExtensionCheckState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly recheck = async (): Promise<ExtensionCheckState> => {
    const run = ++this.run;
    this.set({ status: 'checking' });
    const result = await checkExtension(this.input());
    if (run === this.run) this.set(result);
    return this.state;
  };

  /** No later answer changes the state (the page left the sitting). */
  dispose(): void {
    this.run += 1;
  }

  private set(state: ExtensionCheckState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
