import type { types } from 'mediasoup-client';
import type { ProducerInfo } from '../../media/signalling.js';
import type { MediaSource } from '../../media/sources.js';
import { Emitter } from './emitter.js';
import type { SfuConnection, SfuSession } from './sfu-connection.js';

/** What one viewer of a feed wants: whether it is on screen and which simulcast layer. */
export interface FeedWish {
  visible: boolean;
  spatialLayer: number;
}

export interface FeedSubscription {
  update(wish: Partial<FeedWish>): void;
  close(): void;
}

/** The consumer state a feed should be in, from everyone who watches it. */
export function desiredConsumerState(wishes: readonly FeedWish[]): { paused: boolean; spatialLayer: number } {
  const visible = wishes.filter((w) => w.visible);
  return {
    paused: visible.length === 0,
    spatialLayer: visible.reduce((max, w) => Math.max(max, w.spatialLayer), 0),
  };
}

interface Subscriber {
  wish: FeedWish;
  onTrack: (track: MediaStreamTrack | null) => void;
}

interface Feed {
  studentId: string;
  source: MediaSource;
  subscribers: Set<Subscriber>;
  consumer: types.Consumer | null;
  /** What the SFU was last told for this consumer. */
  applied: { paused: boolean; spatialLayer: number };
  /** Changes to one feed run one at a time. */
  queue: Promise<void>;
  /** Failed applies in a row (an SFU request timed out under load, a consume raced a reconnect). */
  failures: number;
  retry: ReturnType<typeof setTimeout> | undefined;
}

/** A failed feed is tried again after 0.5, 1, 2, 4, then every 8 seconds while someone watches it. */
export function feedRetryDelayMs(failures: number): number {
  return Math.min(8000, 500 * 2 ** Math.max(0, failures - 1));
}

export interface WatcherEvents extends Record<string, unknown[]> {
  /** The sitting's producers changed (added, closed, new score). */
  producers: [ReadonlyMap<string, ProducerInfo>];
  /** The SFU switched a consumer's forwarded layers. */
  layers: [{ studentId: string; source: MediaSource; spatialLayer: number | null }];
}

const feedKey = (studentId: string, source: MediaSource) => `${studentId}:${source}`;

/**
 * A watcher's view of one sitting. Screens `subscribe` to a student's source; the watcher keeps
 * one consumer per feed, created when it first comes on screen, paused while no subscriber has it
 * on screen, at the highest layer any visible subscriber asks for. Feeds follow the student's current producer, so
 * a student who reconnects (new producer ids) reappears in the same tiles.
 */
export class Watcher extends Emitter<WatcherEvents> {
  readonly producers = new Map<string, ProducerInfo>();
  private readonly feeds = new Map<string, Feed>();
  private readonly stopListening: (() => void)[];
  private closed = false;
  private sessionRetry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connection: SfuConnection) {
    super();
    this.stopListening = [
      connection.on('session', (session) => void this.onSession(session)),
      connection.on('sessionEnded', () => {
        for (const feed of this.feeds.values()) this.dropConsumer(feed);
      }),
      connection.onEvent('media:producerAdded', (info) => {
        this.producers.set(info.producerId, info);
        this.emitProducers();
        this.sync(info.studentId, info.source);
      }),
      connection.onEvent('media:producerClosed', ({ producerId, studentId, source }) => {
        this.producers.delete(producerId);
        this.emitProducers();
        this.sync(studentId, source);
      }),
      connection.onEvent('media:producerScore', ({ producerId, score }) => {
        const info = this.producers.get(producerId);
        if (!info) return;
        this.producers.set(producerId, { ...info, score });
        this.emitProducers();
      }),
      connection.onEvent('media:consumerClosed', ({ consumerId }) => {
        for (const feed of this.feeds.values())
          if (feed.consumer?.id === consumerId) {
            this.dropConsumer(feed);
            this.sync(feed.studentId, feed.source);
          }
      }),
      connection.onEvent('media:consumerLayersChanged', ({ consumerId, spatialLayer }) => {
        for (const feed of this.feeds.values())
          if (feed.consumer?.id === consumerId)
            this.emit('layers', { studentId: feed.studentId, source: feed.source, spatialLayer });
      }),
    ];
    if (connection.current) void this.onSession(connection.current);
  }

  /** Starts watching a student's source; `onTrack` gets its track (null while there is none). */
  subscribe(
    studentId: string,
    source: MediaSource,
    wish: FeedWish,
    onTrack: (track: MediaStreamTrack | null) => void,
  ): FeedSubscription {
    const key = feedKey(studentId, source);
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = {
        studentId,
        source,
        subscribers: new Set(),
        consumer: null,
        applied: { paused: true, spatialLayer: 0 },
        queue: Promise.resolve(),
        failures: 0,
        retry: undefined,
      };
      this.feeds.set(key, feed);
    }
    const subscriber: Subscriber = { wish: { ...wish }, onTrack };
    feed.subscribers.add(subscriber);
    onTrack(feed.consumer?.track ?? null);
    this.sync(studentId, source);
    const owner = feed;
    return {
      update: (change) => {
        subscriber.wish = { ...subscriber.wish, ...change };
        this.sync(studentId, source);
      },
      close: () => {
        owner.subscribers.delete(subscriber);
        this.sync(studentId, source);
      },
    };
  }

  /** The producer a student currently has for a source. */
  producerOf(studentId: string, source: MediaSource): ProducerInfo | undefined {
    for (const p of this.producers.values()) if (p.studentId === studentId && p.source === source) return p;
    return undefined;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.sessionRetry);
    for (const stop of this.stopListening) stop();
    for (const feed of this.feeds.values()) {
      clearTimeout(feed.retry);
      feed.consumer?.close();
    }
    this.feeds.clear();
    this.removeAllListeners();
  }

  private async onSession(session: SfuSession): Promise<void> {
    try {
      const list = await session.request('media:listProducers', {});
      if (this.connection.current !== session) return;
      this.producers.clear();
      for (const info of list) this.producers.set(info.producerId, info);
      this.emitProducers();
      for (const feed of this.feeds.values()) this.sync(feed.studentId, feed.source);
    } catch (error) {
      console.warn('media: could not list the producers', error);
      clearTimeout(this.sessionRetry);
      this.sessionRetry = setTimeout(() => {
        if (!this.closed && this.connection.current === session) void this.onSession(session);
      }, 2000);
    }
  }

  private sync(studentId: string, source: MediaSource): void {
    const feed = this.feeds.get(feedKey(studentId, source));
    if (!feed) return;
    clearTimeout(feed.retry);
    feed.queue = feed.queue
      .then(() => this.apply(feed))
      .then(() => {
        feed.failures = 0;
      })
      .catch((error: unknown) => {
        console.warn(`media: ${source} of ${studentId} not updated`, error);
        this.retryLater(feed);
      });
  }

  /** Without this a tile stays black after one timed-out request until the student republishes. */
  private retryLater(feed: Feed): void {
    if (this.closed || this.feeds.get(feedKey(feed.studentId, feed.source)) !== feed) return;
    if (feed.subscribers.size === 0) return;
    feed.failures += 1;
    clearTimeout(feed.retry);
    feed.retry = setTimeout(() => this.sync(feed.studentId, feed.source), feedRetryDelayMs(feed.failures));
  }

  /** Brings one feed's consumer to what its subscribers want. */
  private async apply(feed: Feed): Promise<void> {
    const session = this.connection.current;
    const producer = this.producerOf(feed.studentId, feed.source);
    if (feed.consumer && (feed.consumer.closed || feed.consumer.producerId !== producer?.producerId))
      this.dropConsumer(feed);
    if (feed.subscribers.size === 0) {
      // The protocol has no closeConsumer: an unwatched consumer is paused and kept for next time.
      if (feed.consumer && session && !feed.applied.paused) {
        await session.request('media:pauseConsumer', { consumerId: feed.consumer.id });
        feed.applied.paused = true;
      }
      if (!feed.consumer) this.feeds.delete(feedKey(feed.studentId, feed.source));
      return;
    }
    if (!session || !producer) return;
    const wanted = desiredConsumerState([...feed.subscribers].map((s) => s.wish));
    // Consumed the first time someone has it on screen: a large sitting's grid costs nothing until scrolled to.
    if (!feed.consumer && !wanted.paused) await this.consume(feed, session, producer.producerId);
    const consumer = feed.consumer as types.Consumer | null;
    if (!consumer || this.connection.current !== session) return;

    if (consumer.kind === 'video' && wanted.spatialLayer !== feed.applied.spatialLayer && !wanted.paused) {
      await session.request('media:setPreferredLayers', {
        consumerId: consumer.id,
        spatialLayer: wanted.spatialLayer,
      });
      feed.applied.spatialLayer = wanted.spatialLayer;
    }
    if (wanted.paused !== feed.applied.paused) {
      await session.request(wanted.paused ? 'media:pauseConsumer' : 'media:resumeConsumer', {
        consumerId: consumer.id,
      });
      feed.applied.paused = wanted.paused;
    }
  }

  private async consume(feed: Feed, session: SfuSession, producerId: string): Promise<void> {
    const created = await session.request('media:consume', {
      transportId: session.transport.id,
      producerId,
      rtpCapabilities: session.device.recvRtpCapabilities as never,
    });
    if (this.connection.current !== session) return;
    const consumer = await session.transport.consume({
      id: created.consumerId,
      producerId: created.producerId,
      kind: created.kind,
      rtpParameters: created.rtpParameters as types.RtpParameters,
    });
    // The SFU creates consumers paused, video on the grid layer.
    feed.consumer = consumer;
    feed.applied = { paused: true, spatialLayer: 0 };
    for (const s of feed.subscribers) s.onTrack(consumer.track);
  }

  private dropConsumer(feed: Feed): void {
    if (!feed.consumer) return;
    feed.consumer.close();
    feed.consumer = null;
    feed.applied = { paused: true, spatialLayer: 0 };
    for (const s of feed.subscribers) s.onTrack(null);
  }

  private emitProducers(): void {
    this.emit('producers', this.producers);
  }
}
