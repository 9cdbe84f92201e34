import type { ExtensionReply, ExtensionRequest, PortMessage } from '@adal/shared/extension';
import type { ReportStorage } from '../monitoring/flag-sender.js';
import type { ExtensionPort, ExtensionRuntime, PortHandlers } from './extension-runtime.js';

/** Test doubles for the extension and the browser pieces around it. */

export interface FakePort extends ExtensionPort {
  handlers: PortHandlers;
  open: boolean;
}

export class FakeExtension implements ExtensionRuntime {
  readonly sent: ExtensionRequest[] = [];
  readonly ports: FakePort[] = [];
  answer: (request: ExtensionRequest) => ExtensionReply | 'absent' = (request) =>
    request.type === 'start_lockdown'
      ? { type: 'lockdown', active: true }
      : request.type === 'stop_lockdown'
        ? { type: 'lockdown', active: false }
        : 'absent';

  async send(request: ExtensionRequest): Promise<ExtensionReply | 'absent'> {
    this.sent.push(request);
    return this.answer(request);
  }

  connect(handlers: PortHandlers): ExtensionPort {
    const port: FakePort = {
      handlers,
      open: true,
      disconnect: () => {
        port.open = false;
      },
    };
    this.ports.push(port);
    return port;
  }

  get openPorts(): FakePort[] {
    return this.ports.filter((p) => p.open);
  }

  /** The extension posts on the page's open port. */
  post(message: PortMessage): void {
    const port = this.openPorts.at(-1);
    if (!port) throw new Error('no open port');
    port.handlers.onMessage(message);
  }

  /** The extension went away (reloaded or disabled): the port closes from its side. */
  dropPort(): void {
    const port = this.openPorts.at(-1);
    if (!port) throw new Error('no open port');
    port.open = false;
    port.handlers.onDisconnect();
  }

  requestsOf<T extends ExtensionRequest['type']>(type: T): Extract<ExtensionRequest, { type: T }>[] {
    return this.sent.filter((r): r is Extract<ExtensionRequest, { type: T }> => r.type === type);
  }
}

export class MemoryStorage implements ReportStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

/** A captured track: only what the lockdown and the publisher touch. */
export class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  stop(): void {
    this.readyState = 'ended';
  }
  /** The student stopped sharing from Chrome's own bar. */
  end(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
  get asTrack(): MediaStreamTrack {
    return this as unknown as MediaStreamTrack;
  }
}

export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
