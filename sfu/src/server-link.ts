import type { MediaSourceEvent } from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import type { Logger } from 'pino';
import type { SittingRoom } from './rooms/sitting-room.js';

const MAX_QUEUE = 10_000;
const BATCH = 200;

/**
 * Reports every source going live or stopping to the main server, in order, within about a
 * second. Events wait in memory while the server is unreachable and are retried with backoff.
 */
export class ServerLink {
  private queue: MediaSourceEvent[] = [];
  private sending = false;
  private backoffMs = 500;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly serverUrl: string,
    private readonly secret: string,
    private readonly log: Logger,
  ) {}

  /** Forwards a room's producer life as media source events. */
  watch(room: SittingRoom): void {
    room.on('producerAdded', (p) =>
      this.push({
        sittingId: room.sittingId,
        studentId: p.studentId,
        source: p.source,
        state: 'live',
        reason: null,
        at: new Date().toISOString(),
      }),
    );
    room.on('producerClosed', (p) =>
      this.push({
        sittingId: room.sittingId,
        studentId: p.studentId,
        source: p.source,
        state: 'stopped',
        reason: p.reason,
        at: new Date().toISOString(),
      }),
    );
  }

  push(event: MediaSourceEvent): void {
    if (this.queue.length >= MAX_QUEUE) {
      this.log.error({ dropped: this.queue.shift() }, 'media event queue full: dropped the oldest');
    }
    this.queue.push(event);
    this.schedule(0);
  }

  get pending(): number {
    return this.queue.length;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.sending || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    this.sending = true;
    const batch = this.queue.slice(0, BATCH);
    try {
      const res = await fetch(`${this.serverUrl}/api/internal/media-events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await signServiceToken('sfu', this.secret)}`,
        },
        body: JSON.stringify({ events: batch }),
      });
      // A 400 will never succeed: log and drop that batch rather than block the rest.
      if (res.status === 400)
        this.log.error({ batch, answer: await res.text() }, 'server refused media events');
      else if (!res.ok) throw new Error(`server answered ${res.status}`);
      this.queue.splice(0, batch.length);
      this.backoffMs = 500;
    } catch (error) {
      this.log.warn(
        { err: error, pending: this.queue.length, retryInMs: this.backoffMs },
        'media events not delivered yet',
      );
      this.backoffMs = Math.min(this.backoffMs * 2, 15_000);
    } finally {
      this.sending = false;
    }
    if (this.queue.length) this.schedule(this.backoffMs === 500 ? 0 : this.backoffMs);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }
}
