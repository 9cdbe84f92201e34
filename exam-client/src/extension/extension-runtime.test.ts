import { EXAM_PORT, type PortMessage } from '@adal/shared/extension';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ChromePort, type ChromeRuntime, extensionRuntime, isChromium } from './extension-runtime.js';

const ID = 'pmfddhefenggdfpdboglileoahdjohga';
const hello = {
  type: 'hello',
  protocol: 1,
  version: '0.1.0',
  extensionId: ID,
  nonce: 'n'.repeat(32),
};

function listeners<L>() {
  const set = new Set<L>();
  return { set, addListener: (l: L) => void set.add(l), removeListener: (l: L) => void set.delete(l) };
}

interface FakeChromePort extends ChromePort {
  disconnected: boolean;
  /** The extension posts a message on this port. */
  emit(message: unknown): void;
  /** The extension closes this port. */
  close(): void;
}

/** chrome.runtime as a page sees it when `externally_connectable` lets it in. */
function fakeChrome(answer: (message: unknown) => unknown | 'absent' | 'silent') {
  const ports: FakeChromePort[] = [];
  const runtime: ChromeRuntime & { ports: typeof ports; calls: [string, unknown][] } = {
    ports,
    calls: [],
    lastError: undefined,
    sendMessage(id, message, callback) {
      runtime.calls.push([id, message]);
      const reply = answer(message);
      if (reply === 'silent') return;
      queueMicrotask(() => {
        if (reply === 'absent') {
          runtime.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
          callback(undefined);
          runtime.lastError = undefined;
        } else callback(reply);
      });
    },
    connect(id, info) {
      runtime.calls.push([id, info]);
      const onMessage = listeners<(m: unknown) => void>();
      const onDisconnect = listeners<() => void>();
      const port: FakeChromePort = {
        disconnected: false,
        onMessage,
        onDisconnect,
        disconnect: () => {
          port.disconnected = true;
        },
        emit: (message) => {
          for (const listener of onMessage.set) listener(message);
        },
        close: () => {
          for (const listener of onDisconnect.set) listener();
        },
      };
      ports.push(port);
      return port;
    },
  };
  return runtime;
}

afterEach(() => vi.useRealTimers());

describe('extensionRuntime', () => {
  it('is unsupported without chrome.runtime', () => {
    expect(extensionRuntime(undefined)).toBe('unsupported');
  });

  it('sends to our extension id and parses the reply', async () => {
    const chrome = fakeChrome(() => hello);
    const runtime = extensionRuntime(chrome, ID);
    if (runtime === 'unsupported') throw new Error('expected a runtime');
    await expect(runtime.send({ type: 'hello', nonce: 'n'.repeat(32) })).resolves.toEqual(hello);
    expect(chrome.calls[0]).toEqual([ID, { type: 'hello', nonce: 'n'.repeat(32) }]);
  });

  it('is absent when Chrome reports lastError, and an odd reply is an error reply', async () => {
    const absent = extensionRuntime(
      fakeChrome(() => 'absent'),
      ID,
    );
    if (absent === 'unsupported') throw new Error('expected a runtime');
    await expect(absent.send({ type: 'hello', nonce: 'n'.repeat(32) })).resolves.toBe('absent');
    const odd = extensionRuntime(
      fakeChrome(() => ({ type: 'hello' })),
      ID,
    );
    if (odd === 'unsupported') throw new Error('expected a runtime');
    await expect(odd.send({ type: 'hello', nonce: 'n'.repeat(32) })).resolves.toMatchObject({
      type: 'error',
      code: 'bad_reply',
    });
  });

  it('gives up after 2 s without an answer', async () => {
    vi.useFakeTimers();
    const runtime = extensionRuntime(
      fakeChrome(() => 'silent'),
      ID,
    );
    if (runtime === 'unsupported') throw new Error('expected a runtime');
    let result: unknown = null;
    void runtime.send({ type: 'stop_lockdown', sittingId: crypto.randomUUID() }).then((r) => {
      result = r;
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(result).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe('absent');
  });

  it('connects the exam port, passes on valid messages only, and tells of a disconnect', () => {
    const chrome = fakeChrome(() => 'silent');
    const runtime = extensionRuntime(chrome, ID);
    if (runtime === 'unsupported') throw new Error('expected a runtime');
    const received: PortMessage[] = [];
    const onDisconnect = vi.fn();
    const port = runtime.connect({ onMessage: (m) => received.push(m), onDisconnect });
    expect(chrome.calls[0]).toEqual([ID, { name: EXAM_PORT }]);
    const chromePort = chrome.ports[0];
    if (!chromePort) throw new Error('expected a port');
    const beat = {
      type: 'heartbeat',
      at: '2025-06-01T09:00:00.000Z',
      active: true,
      environment: { displays: 1, extensions: [] },
    };
    chromePort.emit({ type: 'nonsense' });
    chromePort.emit(beat);
    expect(received).toEqual([beat]);
    chromePort.close();
    expect(onDisconnect).toHaveBeenCalledOnce();
    port.disconnect();
    expect(chrome.ports[0]?.disconnected).toBe(true);
  });

  it('knows Chromium browsers by their user agent', () => {
    expect(isChromium({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0 Safari/537.36' })).toBe(
      true,
    );
    expect(
      isChromium({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0' }),
    ).toBe(false);
  });
});
