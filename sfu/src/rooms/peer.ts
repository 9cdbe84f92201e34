import type { MediaGrant, MediaSource } from '@adal/shared';
import type { types } from 'mediasoup';

export interface ProducerAppData {
  studentId: string;
  source: MediaSource;
  peerId: string;
  [key: string]: unknown;
}

/** One connected client (a student device or a watcher) and the mediasoup objects it owns. */
export class Peer {
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, types.Producer>();
  readonly consumers = new Map<string, types.Consumer>();

  constructor(
    readonly id: string,
    readonly grant: MediaGrant,
  ) {}

  transport(id: string): types.WebRtcTransport | undefined {
    return this.transports.get(id);
  }

  /** The producer this peer already has for a source (a re-produce after a reconnect replaces it). */
  producerFor(source: MediaSource): types.Producer | undefined {
    for (const p of this.producers.values()) if ((p.appData as ProducerAppData).source === source) return p;
    return undefined;
  }

  close(): void {
    // Closing a transport closes its producers and consumers too.
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
  }
}
