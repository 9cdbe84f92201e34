import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProducerInfo } from '@adal/shared';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { ProducerAppData } from '../rooms/peer.js';
import type { SittingRoom } from '../rooms/sitting-room.js';
import type { RtpReceiver } from './rtp-receiver.js';
import { SAFE_ID, type Segment, type SegmentSidecar } from './segment.js';
import { StreamRecorder } from './stream-recorder.js';

export interface RoomRecordingDeps {
  receiver: RtpReceiver;
  /** The sitting's folder is `<dir>/<sittingId>`. */
  dir: string;
  segmentMs: number;
  log: Logger;
  segmentOpened?(segment: Segment): void;
  segmentClosed?(sidecar: SegmentSidecar): void;
}

/** Recording consumes VP8 and Opus only: the codecs a WebM holds with codec copy. */
const RECORDABLE = new Set(['video/vp8', 'audio/opus']);

/** Key frames asked for after resume: 3.8.4 sometimes sends one and then nothing until the next. */
const KEY_FRAME_AFTER_RESUME_MS = [500, 1500];

interface RecordedStream {
  consumer: types.Consumer;
  recorder: StreamRecorder;
  stopped: Promise<void>;
}

/**
 * Records every student producer of one sitting: a PlainTransport on the producer's router sends
 * a paused-then-resumed consumer's RTP (VP8/Opus, no RTCP feedback, no retransmission: it is
 * loopback) to the SFU's RtpReceiver, and a StreamRecorder writes it into segments.
 */
export class RoomRecording {
  /** One recording transport per router of the sitting (a large sitting spans several workers). */
  private readonly transports = new Map<types.Router, Promise<types.PlainTransport>>();
  private readonly streams = new Map<string, RecordedStream>();
  /** Producers whose consumer is being made (a producer is recorded once). */
  private readonly starting = new Set<string>();
  private shuttingDown = false;

  constructor(
    private readonly room: SittingRoom,
    private readonly deps: RoomRecordingDeps,
  ) {
    room.on('producerAdded', (info) => void this.record(info));
    for (const producer of room.producers()) {
      const data = producer.appData as ProducerAppData;
      void this.record({ producerId: producer.id, studentId: data.studentId, source: data.source });
    }
  }

  private plainTransport(router: types.Router): Promise<types.PlainTransport> {
    let transport = this.transports.get(router);
    if (!transport) {
      transport = (async () => {
        const t = await router.createPlainTransport({
          listenIp: { ip: '127.0.0.1' },
          rtcpMux: true,
          comedia: false,
          appData: { recording: true },
        });
        await t.connect({ ip: '127.0.0.1', port: this.deps.receiver.port });
        return t;
      })();
      this.transports.set(router, transport);
      // Forgotten on failure, so the next producer tries again.
      transport.catch(() => this.transports.delete(router));
    }
    return transport;
  }

  private async record(info: Pick<ProducerInfo, 'producerId' | 'studentId' | 'source'>): Promise<void> {
    const { log } = this.deps;
    const { sittingId } = this.room;
    // Recorded where the producer lives: no pipe between workers just for recording.
    const router = this.room.routerOf(info.producerId);
    const where = { sittingId, studentId: info.studentId, source: info.source, producerId: info.producerId };
    if (this.shuttingDown || this.streams.has(info.producerId) || this.starting.has(info.producerId)) return;
    if (!SAFE_ID.test(sittingId) || !SAFE_ID.test(info.studentId)) {
      log.error(where, 'not recorded: sitting or student id is not a plain id');
      return;
    }
    const rtpCapabilities: types.RtpCapabilities = {
      codecs: (router.rtpCapabilities.codecs ?? [])
        .filter((c) => RECORDABLE.has(c.mimeType.toLowerCase()))
        .map((c) => ({ ...c, rtcpFeedback: [] })),
      headerExtensions: [],
    };
    if (!router.canConsume({ producerId: info.producerId, rtpCapabilities })) {
      log.error(where, 'not recorded: the producer is neither VP8 nor Opus');
      return;
    }
    this.starting.add(info.producerId);
    try {
      const transport = await this.plainTransport(router);
      const consumer = await transport.consume({
        producerId: info.producerId,
        rtpCapabilities,
        paused: true,
      });
      this.start(consumer, info, transport.tuple.localPort);
      await consumer.resume();
      for (const ms of KEY_FRAME_AFTER_RESUME_MS)
        setTimeout(() => {
          if (!consumer.closed)
            void consumer.requestKeyFrame().catch((error) => log.debug({ err: error }, 'key frame'));
        }, ms).unref();
      log.info({ ...where, consumerId: consumer.id, type: consumer.type }, 'recording');
    } catch (error) {
      // The producer (or the room) closed while the consumer was being made: nothing to record.
      if (this.room.findProducer(info.producerId) && !this.shuttingDown)
        log.error({ ...where, err: error }, 'could not start recording');
    } finally {
      this.starting.delete(info.producerId);
    }
  }

  private start(
    consumer: types.Consumer,
    info: Pick<ProducerInfo, 'producerId' | 'studentId' | 'source'>,
    port: number,
  ): void {
    const { log } = this.deps;
    const dir = join(this.deps.dir, this.room.sittingId);
    let madeDir = false;
    const recorder = new StreamRecorder({
      dir,
      segmentMs: this.deps.segmentMs,
      phaseMs: phaseOf(info.studentId, this.deps.segmentMs),
      owner: {
        sittingId: this.room.sittingId,
        studentId: info.studentId,
        source: info.source,
        kind: consumer.kind,
        codec: consumer.rtpParameters.codecs[0]?.mimeType ?? 'unknown',
        producerId: info.producerId,
      },
      requestKeyFrame: () => {
        if (!consumer.closed)
          void consumer.requestKeyFrame().catch((error) => log.debug({ err: error }, 'key frame'));
      },
      segmentOpened: (segment) => this.deps.segmentOpened?.(segment),
      segmentClosed: (sidecar) => this.deps.segmentClosed?.(sidecar),
      segmentFailed: (id, error) =>
        log.error({ err: error, segmentId: id }, 'recording segment: write failed'),
      // The folder is made at the first packet, so a sitting without media leaves nothing behind.
      beforeFirstSegment: () => {
        if (madeDir) return;
        madeDir = true;
        try {
          mkdirSync(dir, { recursive: true });
        } catch (error) {
          // The segment then fails to open its file and is marked failed; the SFU carries on.
          log.error({ err: error, dir }, 'recording folder could not be made');
        }
      },
    });
    // A consumer sends one stream with one SSRC (simulcast layers are rewritten onto it).
    const ssrc = consumer.rtpParameters.encodings?.[0]?.ssrc ?? 0;
    const remove = this.deps.receiver.add(port, ssrc, (p, t) => recorder.handle(p, t));
    let reason: 'producer_closed' | 'room_closed' = 'producer_closed';
    consumer.on('transportclose', () => {
      reason = 'room_closed';
    });
    const stopped = new Promise<void>((resolve) => {
      consumer.observer.once('close', () => {
        remove();
        void recorder.close(this.shuttingDown ? 'shutdown' : reason).then(() => {
          this.streams.delete(info.producerId);
          resolve();
        });
      });
    });
    this.streams.set(info.producerId, { consumer, recorder, stopped });
  }

  /** Closes the recording transports and waits until every segment is final. */
  async close(): Promise<void> {
    this.shuttingDown = true;
    const stopped = [...this.streams.values()].map((s) => s.stopped);
    // A transport that failed to open has nothing to close (record() logged the failure).
    for (const pending of this.transports.values()) (await pending.catch(() => null))?.close();
    await Promise.all(stopped);
  }
}

/** A stable per-student offset in [0, segmentMs): the same for all of a student's streams. */
function phaseOf(studentId: string, segmentMs: number): number {
  const digest = createHash('sha256').update(studentId).digest();
  return digest.readUInt32BE(0) % segmentMs;
}
