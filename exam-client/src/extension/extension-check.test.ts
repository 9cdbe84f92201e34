import type { ExtensionHandshakeBody, ExtensionStatus } from '@adal/shared';
import { ApiError } from '@adal/shared/web';
import { describe, expect, it, vi } from 'vitest';
import { type CheckInput, checkExtension, ExtensionChecker, ExtensionRefused } from './extension-check.js';
import type { ExtensionServer } from './extension-server.js';
import { FakeExtension } from './testing.js';

const NONCE = 'nonce-0123456789abcdef';
const ID = 'pmfddhefenggdfpdboglileoahdjohga';

const status: ExtensionStatus = {
  version: '0.1.0',
  extensionId: ID,
  handshakeAt: '2025-06-01T09:00:00.000Z',
  lastHeartbeatAt: null,
  lockdownActive: false,
  silent: false,
  environment: null,
};

/** The server's extension routes, recording what the page sent. */
function fakeServer(
  handshake: (body: ExtensionHandshakeBody) => Promise<ExtensionStatus> = async () => status,
) {
  const calls: string[] = [];
  const handshakes: ExtensionHandshakeBody[] = [];
  const server: ExtensionServer = {
    nonce: async () => {
      calls.push('nonce');
      return { nonce: NONCE, expiresAt: '2025-06-01T09:05:00.000Z' };
    },
    handshake: async (body) => {
      calls.push('handshake');
      handshakes.push(body);
      return handshake(body);
    },
    heartbeat: async () => {
      calls.push('heartbeat');
      return status;
    },
  };
  return { server, calls, handshakes };
}

/** Our extension, answering hello with this version and protocol. */
function extension(version = '0.1.0', protocol = 1): FakeExtension {
  const fake = new FakeExtension();
  fake.answer = (request) =>
    request.type === 'hello'
      ? { type: 'hello', protocol, version, extensionId: ID, nonce: request.nonce }
      : 'absent';
  return fake;
}

const input = (runtime: CheckInput['runtime'], server: ExtensionServer, chromium = true): CheckInput => ({
  runtime,
  chromium,
  server,
});

describe('checkExtension', () => {
  it('asks nothing of anyone without chrome.runtime: unsupported, or missing in Chrome', async () => {
    const { server, calls } = fakeServer();
    await expect(checkExtension(input('unsupported', server, false))).resolves.toEqual({
      status: 'unsupported',
    });
    await expect(checkExtension(input('unsupported', server, true))).resolves.toEqual({
      status: 'missing',
      reloadNeeded: true,
    });
    expect(calls).toEqual([]);
  });

  it('is missing when the extension does not answer hello', async () => {
    const { server, calls } = fakeServer();
    const absent = new FakeExtension();
    await expect(checkExtension(input(absent, server))).resolves.toEqual({
      status: 'missing',
      reloadNeeded: false,
    });
    expect(absent.sent).toEqual([{ type: 'hello', nonce: NONCE }]);
    expect(calls).toEqual(['nonce']);
  });

  it('is outdated below the minimum version or with another protocol, without a handshake', async () => {
    const { server, calls } = fakeServer();
    await expect(checkExtension(input(extension('0.0.9'), server))).resolves.toEqual({
      status: 'outdated',
      version: '0.0.9',
      protocol: 1,
    });
    await expect(checkExtension(input(extension('0.2.0', 2), server))).resolves.toMatchObject({
      status: 'outdated',
      protocol: 2,
    });
    expect(calls).not.toContain('handshake');
  });

  it("passes the extension's hello to the server and keeps the server's status", async () => {
    const { server, handshakes } = fakeServer();
    await expect(checkExtension(input(extension('0.1.3'), server))).resolves.toEqual({
      status: 'connected',
      version: '0.1.3',
      extension: status,
    });
    expect(handshakes).toEqual([{ nonce: NONCE, version: '0.1.3', protocol: 1, extensionId: ID }]);
  });

  it('fails with the error when the server refuses the handshake', async () => {
    const refusal = new ApiError('extension_nonce_invalid', 'nonce used', 409);
    const { server } = fakeServer(async () => {
      throw refusal;
    });
    await expect(checkExtension(input(extension(), server))).resolves.toEqual({
      status: 'failed',
      error: refusal,
    });
  });

  it("fails with the extension's error reply", async () => {
    const { server } = fakeServer();
    const refusing = new FakeExtension();
    refusing.answer = () => ({ type: 'error', code: 'forbidden_origin', message: 'not an exam origin' });
    const state = await checkExtension(input(refusing, server));
    expect(state.status).toBe('failed');
    expect(state.status === 'failed' && state.error).toBeInstanceOf(ExtensionRefused);
    expect(state.status === 'failed' && (state.error as ExtensionRefused).code).toBe('forbidden_origin');
  });
});

describe('ExtensionChecker', () => {
  it('checks again on recheck: missing until the student installs it, then connected', async () => {
    const { server } = fakeServer();
    let runtime: FakeExtension = new FakeExtension();
    const checker = new ExtensionChecker(() => input(runtime, server));
    const seen: string[] = [];
    checker.subscribe(() => seen.push(checker.current().status));
    expect(checker.current()).toEqual({ status: 'checking' });
    await checker.recheck();
    expect(checker.current()).toMatchObject({ status: 'missing' });
    runtime = extension();
    await checker.recheck();
    expect(checker.current()).toMatchObject({ status: 'connected', version: '0.1.0' });
    expect(seen).toEqual(['checking', 'missing', 'checking', 'connected']);
  });

  it('drops the answer of an older check and of a disposed one', async () => {
    const { server } = fakeServer();
    let release: () => void = () => {};
    const slow = new FakeExtension();
    slow.send = (request) => {
      slow.sent.push(request);
      return new Promise((resolve) => {
        release = () => resolve('absent');
      });
    };
    let runtime: FakeExtension = slow;
    const checker = new ExtensionChecker(() => input(runtime, server));
    const first = checker.recheck();
    await vi.waitFor(() => expect(slow.sent).toHaveLength(1));
    runtime = extension();
    await checker.recheck();
    release();
    await first;
    expect(checker.current().status).toBe('connected');

    runtime = slow;
    const late = checker.recheck();
    checker.dispose();
    await vi.waitFor(() => expect(slow.sent).toHaveLength(2));
    release();
    await late;
    expect(checker.current().status).toBe('checking');
  });
});
