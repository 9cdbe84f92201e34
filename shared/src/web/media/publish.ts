import type { types } from 'mediasoup-client';
import type { ProducerInfo } from '../../media/signalling.js';
import type { MediaSource } from '../../media/sources.js';
import { Emitter } from './emitter.js';
import { produceOptions } from './encodings.js';
import { MediaError, type MediaErrorCode, mediaErrorCode } from './media-error.js';
import type { ProduceAppData, SfuConnection, SfuSession } from './sfu-connection.js';

/**
 * - `starting`: a live track, its producer not yet flowing.
 * - `publishing`: the SFU receives it.
 * - `reconnecting`: the connection dropped; it is produced again once back.
 * - `refused`: the SFU (or our own check) refused it, e.g. a window instead of the entire screen.
 * - `missing`: no track (never started, stopped by the student, or the device failed).
 */
export type PublishStatus = 'starting' | 'publishing' | 'reconnecting' | 'refused' | 'missing';

export interface SourceState {
  status: PublishStatus;
  /** Why it is missing or refused. */
  error: MediaErrorCode | null;
  track: MediaStreamTrack | null;
}

export type PublishSnapshot = Partial<Record<MediaSource, SourceState>>;

/** What the SFU had from this student on every device (the phone too) when asked. */
export interface OwnProducers {
  producers: ProducerInfo[];
  /** Date.now() when asked: a later source event is newer than this list. */
  askedAt: number;
}

interface Entry {
  source: MediaSource;
  track: MediaStreamTrack | null;
  displaySurface?: ProduceAppData['displaySurface'];
  producer: types.Producer | null;
  error: MediaErrorCode | null;
  refused: boolean;
  detach?: () => void;
}

/**
 * A student device's sources on the SFU. `publish` a track once; it is produced on the current
 * session and again on every new one after a reconnection. A track that ends (the student stopped
 * sharing, the camera was unplugged) closes its producer and shows as missing.
 */
export class Publisher extends Emitter<{ change: [PublishSnapshot]; ownProducers: [OwnProducers] }> {
  private lastOwnProducers: OwnProducers | null = null;
  private readonly entries = new Map<MediaSource, Entry>();
  /** Layers the SFU asked for before our produce call had the producer's id back. */
  private readonly earlyLayers = new Map<string, number>();
  private readonly stopListening: (() => void)[];

  constructor(private readonly connection: SfuConnection) {
    super();
    this.stopListening = [
      connection.on('session', (session) => {
        session.transport.on('connectionstatechange', () => this.changed());
        for (const entry of this.entries.values()) void this.produce(entry, session);
        void this.listOwnProducers(session);
      }),
      connection.on('sessionEnded', () => {
        for (const entry of this.entries.values()) entry.producer = null;
        this.earlyLayers.clear();
        this.changed();
      }),
      connection.on('state', () => this.changed()),
      connection.onEvent('media:producerLayersWanted', ({ producerId, spatialLayer }) => {
        const producer = [...this.entries.values()].find((e) => e.producer?.id === producerId)?.producer;
        if (producer) sendLayersUpTo(producer, spatialLayer);
        else this.earlyLayers.set(producerId, spatialLayer);
      }),
    ];
    const session = connection.current;
    if (session) session.transport.on('connectionstatechange', () => this.changed());
  }

  /** Starts sending `track` as `source`, replacing whatever was sent before. */
  publish(source: MediaSource, track: MediaStreamTrack, extra: Pick<Entry, 'displaySurface'> = {}): void {
    this.stop(source);
    const entry: Entry = { source, track, producer: null, error: null, refused: false, ...extra };
    const onEnded = () => {
      if (this.entries.get(source) === entry) this.stop(source, 'no_device');
    };
    track.addEventListener('ended', onEnded);
    entry.detach = () => track.removeEventListener('ended', onEnded);
    this.entries.set(source, entry);
    this.changed();
    const session = this.connection.current;
    if (session) void this.produce(entry, session);
  }

  /** Records a source that could not be captured (no camera, permission denied…). */
  markMissing(source: MediaSource, error: MediaErrorCode | null): void {
    this.stop(source, error);
  }

  /** Stops sending a source and its track; it shows as missing (with why, if known). */
  stop(source: MediaSource, error: MediaErrorCode | null = null): void {
    const entry = this.entries.get(source);
    if (entry) {
      entry.detach?.();
      entry.track?.stop();
      this.closeProducer(entry);
    }
    this.entries.set(source, { source, track: null, producer: null, error, refused: false });
    this.changed();
  }

  /** The latest list of this student's producers, asked on every (re)connection. */
  get ownProducers(): OwnProducers | null {
    return this.lastOwnProducers;
  }

  snapshot(): PublishSnapshot {
    const snapshot: PublishSnapshot = {};
    for (const [source, entry] of this.entries) snapshot[source] = this.stateOf(entry);
    return snapshot;
  }

  close(): void {
    for (const stop of this.stopListening) stop();
    for (const entry of this.entries.values()) {
      entry.detach?.();
      entry.track?.stop();
      entry.producer?.close();
    }
    this.entries.clear();
    this.removeAllListeners();
  }

  private async listOwnProducers(session: SfuSession): Promise<void> {
    const askedAt = Date.now();
    try {
      const producers = await session.request('media:listOwnProducers', {});
      if (this.connection.current !== session) return;
      this.lastOwnProducers = { producers, askedAt };
      this.emit('ownProducers', this.lastOwnProducers);
    } catch (error) {
      console.warn("media: could not list this student's sources", error);
    }
  }

  private stateOf(entry: Entry): SourceState {
    const { track, error } = entry;
    const live = track !== null && track.readyState === 'live';
    let status: PublishStatus;
    if (!live) status = 'missing';
    else if (entry.refused) status = 'refused';
    else if (this.connection.state === 'reconnecting' || this.connection.state === 'failed')
      status = 'reconnecting';
    else if (entry.producer && this.connection.current?.transport.connectionState === 'connected')
      status = 'publishing';
    else status = 'starting';
    return { status, error, track: live ? track : null };
  }

  private async produce(entry: Entry, session: SfuSession): Promise<void> {
    const track = entry.track;
    if (!track || track.readyState !== 'live') return;
    const appData: ProduceAppData = {
      source: entry.source,
      ...(entry.displaySurface ? { displaySurface: entry.displaySurface } : {}),
    };
    try {
      const producer = await session.transport.produce({
        track,
        ...produceOptions(entry.source),
        // The same track is produced again after a reconnection; we stop it ourselves.
        stopTracks: false,
        appData,
      });
      if (this.entries.get(entry.source) !== entry || this.connection.current !== session) {
        // Replaced or reconnected meanwhile: this producer is stale.
        this.earlyLayers.delete(producer.id);
        this.closeProducer({ ...entry, producer });
        return;
      }
      entry.producer = producer;
      entry.error = null;
      const early = this.earlyLayers.get(producer.id);
      this.earlyLayers.delete(producer.id);
      if (early !== undefined) sendLayersUpTo(producer, early);
      producer.on('transportclose', () => {
        if (entry.producer === producer) entry.producer = null;
        this.changed();
      });
    } catch (error) {
      if (this.entries.get(entry.source) !== entry) return;
      const code = refusalCode(error);
      console.warn(`media: could not publish the ${entry.source}`, error);
      entry.error = code;
      // A refusal stands until the student tries again; anything else is retried on the next session.
      entry.refused = code === 'forbidden' || code === 'validation_failed' || code === 'not_monitor';
    }
    this.changed();
  }

  private closeProducer(entry: Entry): void {
    const producer = entry.producer;
    entry.producer = null;
    if (!producer || producer.closed) return;
    producer.close();
    const session = this.connection.current;
    session
      ?.request('media:closeProducer', { producerId: producer.id })
      .catch((error: unknown) => console.warn('media: closeProducer failed', error));
  }

  private changed(): void {
    this.emit('change', this.snapshot());
  }
}

/**
 * Sends a simulcast producer's layers up to `spatialLayer` and stops encoding the ones above
 * (RTCRtpEncodingParameters.active, with the SDP renegotiated by mediasoup-client). The SFU asks
 * for more when a proctor selects this student; a new producer starts with the lowest layer only.
 */
function sendLayersUpTo(producer: types.Producer, spatialLayer: number): void {
  const layers = producer.rtpParameters.encodings?.length ?? 1;
  if (producer.closed || producer.kind !== 'video' || layers < 2) return;
  const top = Math.min(spatialLayer, layers - 1);
  producer.setMaxSpatialLayer(top).then(
    () => {
      // mediasoup-client ignores the browser's refusal of setParameters: check what is sent.
      const active = producer.rtpSender?.getParameters().encodings.map((e) => e.active !== false);
      if (!producer.closed && active?.some((on, layer) => on !== layer <= top))
        console.warn(`media: asked for layers up to ${top}, the browser sends ${active.join(',')}`);
    },
    (error: unknown) => console.warn('media: could not change the sent layers', error),
  );
}

/** The SFU's refusal of a screen that is not the entire screen has its own code in the UI. */
function refusalCode(error: unknown): MediaErrorCode {
  const code = mediaErrorCode(error);
  if (error instanceof MediaError && code === 'validation_failed') {
    const fields = error.cause as { path: string }[] | undefined;
    if (fields?.some((f) => f.path === 'payload.displaySurface')) return 'not_monitor';
  }
  return code;
}
