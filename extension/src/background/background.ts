import {
  type ExamEnvironment,
  HEARTBEAT_SECONDS,
  type LockdownEvent,
  type PortMessage,
} from '@adal/shared/extension';
import browser, { type Runtime } from 'webextension-polyfill';
import type { ChromeApis } from './chrome-apis';
import { type EpisodeKind, type Lockdown, loadState, QUEUE_LIMIT, saveLockdown, saveQueue } from './state';

/**
 * The service worker's state and the few things every handler does with it: report events,
 * post on the exam page's port (or queue until it is back), heartbeat. The worker may be stopped
 * at any time, so whatever must survive is written to storage.session before a handler ends.
 */
export class Background {
  lockdown: Lockdown | null = null;
  queue: PortMessage[] = [];
  /** Connected exam pages, by tab id. */
  readonly ports = new Map<number, Runtime.Port>();
  /** The last environment seen, for heartbeats outside a lockdown. */
  lastEnvironment: ExamEnvironment = { displays: 0, extensions: [] };
  readonly ready: Promise<void>;
  private chain: Promise<unknown>;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private disposed = false;

  constructor(readonly chrome: ChromeApis) {
    this.ready = loadState(browser.storage.session).then(
      ({ lockdown, queue }) => {
        this.lockdown = lockdown;
        this.queue = queue;
      },
      () => undefined,
    );
    this.chain = this.ready;
  }

  /** Runs handlers one at a time, after the state is restored, so none races another on it. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => (this.disposed ? (undefined as T) : task()));
    this.chain = run.catch((error: unknown) => console.warn('adal: handler failed', error));
    return run;
  }

  async persist(): Promise<void> {
    await saveLockdown(browser.storage.session, this.lockdown);
  }

  /** Something that happened once (a blocked copy, a closed tab). */
  async report(kind: LockdownEvent['kind'], detail?: string): Promise<void> {
    const at = new Date().toISOString();
    await this.postEvent({
      eventId: crypto.randomUUID(),
      kind,
      startedAt: at,
      endedAt: at,
      ...short(detail),
    });
  }

  /** Something that lasts: reported now with endedAt null, and again with the same id when over. */
  async beginEpisode(kind: EpisodeKind, detail?: string): Promise<void> {
    if (!this.lockdown || this.lockdown.episodes[kind]) return;
    const episode = { eventId: crypto.randomUUID(), startedAt: new Date().toISOString(), ...short(detail) };
    this.lockdown.episodes[kind] = episode;
    await this.persist();
    await this.postEvent({ ...episode, kind, endedAt: null });
  }

  async endEpisode(kind: EpisodeKind): Promise<void> {
    const episode = this.lockdown?.episodes[kind];
    if (!this.lockdown || !episode) return;
    delete this.lockdown.episodes[kind];
    await this.persist();
    await this.postEvent({ ...episode, kind, endedAt: new Date().toISOString() });
  }

  private async postEvent(event: LockdownEvent): Promise<void> {
    await this.post({ type: 'event', event });
  }

  /** The port of the locked exam tab; outside a lockdown, the page that connected last. */
  examPort(): Runtime.Port | undefined {
    if (this.lockdown) return this.ports.get(this.lockdown.tabId);
    return [...this.ports.values()].at(-1);
  }

  /** Posts on the exam port, or keeps the message until the port is back (`queue: false`: drop it). */
  async post(message: PortMessage, { queue = true } = {}): Promise<void> {
    const port = this.examPort();
    if (port && this.queue.length === 0 && send(port, message)) return;
    if (!queue) return;
    this.queue.push(message);
    if (this.queue.length > QUEUE_LIMIT) this.queue.splice(0, this.queue.length - QUEUE_LIMIT);
    await saveQueue(browser.storage.session, this.queue);
    if (port) await this.flushQueue();
  }

  async flushQueue(): Promise<void> {
    const port = this.examPort();
    if (!port) return;
    let sent = 0;
    for (const message of this.queue) {
      if (!send(port, message)) break;
      sent++;
    }
    if (sent === 0) return;
    this.queue.splice(0, sent);
    await saveQueue(browser.storage.session, this.queue);
  }

  heartbeatMessage(): PortMessage {
    return {
      type: 'heartbeat',
      at: new Date().toISOString(),
      active: this.lockdown !== null,
      environment: this.lockdown?.environment ?? this.lastEnvironment,
    };
  }

  /** Heartbeats run while a lockdown is active and its page is connected; nothing runs otherwise. */
  syncHeartbeat(): void {
    const wanted = this.lockdown !== null && this.examPort() !== undefined && !this.disposed;
    if (wanted && !this.heartbeat) {
      this.heartbeat = setInterval(() => {
        const port = this.examPort();
        if (port) send(port, this.heartbeatMessage());
      }, HEARTBEAT_SECONDS * 1000);
    } else if (!wanted && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }

  /** Tests: stands for the worker being stopped (timers gone, late handlers do nothing). */
  dispose(): void {
    this.disposed = true;
    this.syncHeartbeat();
  }
}

function send(port: Runtime.Port, message: PortMessage): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}

function short(detail: string | undefined): { detail?: string } {
  return detail ? { detail: detail.slice(0, 200) } : {};
}
