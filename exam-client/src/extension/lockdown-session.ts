import type { ExtensionHeartbeatBody, FlagReport } from '@adal/shared';
import { HEARTBEAT_SECONDS, type PortMessage } from '@adal/shared/extension';
import type { ExtensionPort, ExtensionRuntime } from './extension-runtime.js';
import { flagReportOf } from './lockdown-flags.js';

export interface LockdownState {
  /** The extension says the lockdown of this tab is on. */
  on: boolean;
  /** The exam tab reaches the proctor as the 'tab' source. */
  tabShared: boolean;
  /** Why the exam tab could not be shared (the extension's or the browser's words). */
  captureError: string | null;
  /** The extension refused start_lockdown (its error code), or did not answer ('absent'). */
  startError: string | null;
}

/** Where the extension's flag reports wait for the server (apart from the monitoring's own). */
export const extensionFlagsKey = (sittingId: string): string => `extension-flags:${sittingId}`;

export const LOCKDOWN_OFF: LockdownState = {
  on: false,
  tabShared: false,
  captureError: null,
  startError: null,
};

export interface LockdownDeps {
  runtime: ExtensionRuntime;
  sittingId: string;
  /** The only origin the locked tab may show: this page's. */
  examOrigin: string;
  heartbeat(body: ExtensionHeartbeatBody): Promise<unknown>;
  report(report: FlagReport): void;
  /** Captures the exam tab from the extension's stream id and publishes it; the track. */
  shareTab(streamId: string): Promise<MediaStreamTrack>;
  /** The lockdown is over: the exam tab is no longer sent. */
  unshareTab(): void;
  onChange(state: LockdownState): void;
  now(): number;
}

/** The extension's heartbeats go to the server about once per HEARTBEAT_SECONDS, not faster. */
const HEARTBEAT_GAP_MS = (HEARTBEAT_SECONDS - 1) * 1000;
const MAX_RECONNECT_MS = 30_000;

/**
 * The lockdown of the exam tab while the attempt runs: asks the extension to start it, keeps the
 * port open (again after the extension restarts) and passes on what arrives on it: heartbeats to
 * the server, events as flag reports, the tab-capture stream id to the publisher.
 */
export class LockdownSession {
  private state: LockdownState = LOCKDOWN_OFF;
  private port: ExtensionPort | null = null;
  private stopped = false;
  private lastEnvironment: ExtensionHeartbeatBody['environment'] | null = null;
  private failures = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private lastHeartbeatSent = Number.NEGATIVE_INFINITY;
  private tabTrack: MediaStreamTrack | null = null;

  constructor(private readonly deps: LockdownDeps) {}

  async start(): Promise<void> {
    // Asked again on every (re)connection: safe for the same sitting and tab, and it restores a
    // lockdown the extension lost when it was reloaded.
    const reply = await this.deps.runtime.send({
      type: 'start_lockdown',
      sittingId: this.deps.sittingId,
      examOrigin: this.deps.examOrigin,
    });
    if (this.stopped) return;
    if (reply === 'absent') this.update({ startError: 'absent' });
    else if (reply.type === 'error') this.update({ startError: reply.code });
    else if (reply.type === 'lockdown') this.update({ on: reply.active, startError: null });
    this.connect();
  }

  /** Ends the lockdown; the port stays open until the extension answers, for the episodes' ends. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    if (this.tabTrack) this.deps.unshareTab();
    this.tabTrack = null;
    const reply = await this.deps.runtime.send({ type: 'stop_lockdown', sittingId: this.deps.sittingId });
    this.port?.disconnect();
    this.port = null;
    // The server learns at once that the lockdown is off (its silence check looks for it).
    const environment =
      (reply !== 'absent' && reply.type === 'lockdown' ? reply.environment : undefined) ??
      this.lastEnvironment;
    if (environment) this.deps.heartbeat({ active: false, environment }).catch(() => undefined);
  }

  private connect(): void {
    this.port = this.deps.runtime.connect({
      onMessage: (message) => this.receive(message),
      onDisconnect: () => this.disconnected(),
    });
  }

  private disconnected(): void {
    this.port = null;
    if (this.stopped) return;
    this.update({ on: false });
    const delay = Math.min(MAX_RECONNECT_MS, 1000 * 2 ** this.failures);
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => void this.start(), delay);
  }

  private receive(message: PortMessage): void {
    this.failures = 0;
    switch (message.type) {
      case 'heartbeat':
        if (!this.stopped) this.update({ on: message.active });
        this.forwardHeartbeat(message.active, message.environment);
        break;
      case 'event':
        // Also after stop: the ends of open episodes arrive then.
        this.deps.report(flagReportOf(message.event));
        break;
      case 'tab_capture':
        if (!this.stopped) void this.shareTab(message.streamId);
        break;
      case 'tab_capture_failed':
        this.update({ captureError: message.message });
        break;
    }
  }

  private forwardHeartbeat(active: boolean, environment: ExtensionHeartbeatBody['environment']): void {
    this.lastEnvironment = environment;
    const now = this.deps.now();
    if (now - this.lastHeartbeatSent < HEARTBEAT_GAP_MS) return;
    this.lastHeartbeatSent = now;
    // A failed one is not retried: the next heartbeat carries the same news.
    this.deps.heartbeat({ active, environment }).catch(() => undefined);
  }

  private async shareTab(streamId: string): Promise<void> {
    try {
      const track = await this.deps.shareTab(streamId);
      if (this.stopped) {
        this.deps.unshareTab();
        return;
      }
      this.tabTrack = track;
      track.addEventListener('ended', () => {
        if (this.tabTrack === track) {
          this.tabTrack = null;
          this.update({ tabShared: false });
        }
      });
      this.update({ tabShared: true, captureError: null });
    } catch (error) {
      this.update({ captureError: error instanceof Error ? error.message : String(error) });
    }
  }

  private update(change: Partial<LockdownState>): void {
    this.state = { ...this.state, ...change };
    this.deps.onChange(this.state);
  }
}
