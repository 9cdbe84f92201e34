/**
 * The SFU side of one benchmark run, built from the production classes: one mediasoup worker, a
 * router + SittingRoom per sitting with Recordings attached (as app.ts does), students as Peers
 * whose producers sit on a PlainTransport each (the replay sends to them), and per sitting one
 * proctor PlainTransport consuming every student source and sending to the proctor receiver.
 */
import { randomUUID } from 'node:crypto';
import type { types } from 'mediasoup';
import { pino } from 'pino';
import type { Mediasoup } from '../src/load-mediasoup.js';
import { MEDIA_CODECS } from '../src/media-codecs.js';
import { Recordings } from '../src/recording/recordings.js';
import { Peer } from '../src/rooms/peer.js';
import { SittingRoom } from '../src/rooms/sitting-room.js';
import { SOURCES } from './clips.js';
import type { ReplayTarget } from './ipc.js';
import { rssMb } from './proc-stats.js';

export interface LoadSpec {
  students: number;
  perSitting: number;
  /** Webcam as production publishes it: 3 simulcast encodings of which only r0 is sent. */
  simulcast: boolean;
  /** Proctor video consumers negotiate NACK, as browsers do (the worker then buffers for retransmission). */
  proctorNack: boolean;
  replayPort: number;
  receiverPort: number;
  recordingsDir: string;
}

/** RTC ports of this benchmark (other suites use 40000–45999). */
const RTC_PORTS = { rtcMinPort: 46000, rtcMaxPort: 46999 };
/** Production's segment length (SFU_RECORDING_SEGMENT_MINUTES default). */
const SEGMENT_MS = 10 * 60_000;
/** As media:resumeConsumer does for video (environment.md: a start-up freeze on 3.8.4). */
const KEY_FRAME_AFTER_RESUME_MS = [500, 1500];

const VP8 = {
  mimeType: 'video/VP8',
  payloadType: 101,
  clockRate: 90000,
  rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
};
const OPUS = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 };

/**
 * What a proctor's browser would accept, minus what needs feedback from a real receiver: VP8 with
 * NACK/PLI/FIR (NACK makes the worker keep a retransmission buffer per stream, as for browsers),
 * Opus; no header extensions, so no transport-cc/REMB bandwidth estimation.
 */
function proctorCapabilities(router: types.Router, nack: boolean): types.RtpCapabilities {
  const keep = new Set(nack ? ['nack', 'nack pli', 'ccm fir'] : ['nack pli', 'ccm fir']);
  return {
    codecs: (router.rtpCapabilities.codecs ?? [])
      .filter((c) => ['video/vp8', 'audio/opus'].includes(c.mimeType.toLowerCase()))
      .map((c) => ({
        ...c,
        rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => keep.has(`${f.type} ${f.parameter ?? ''}`.trim())),
      })),
    headerExtensions: [],
  };
}

export class SittingLoad {
  readonly rooms: SittingRoom[] = [];
  readonly targets: ReplayTarget[] = [];
  readonly producers: types.Producer[] = [];
  readonly proctorConsumers: types.Consumer[] = [];
  /** The recording consumers RoomRecording makes, seen through the routers' observers. */
  readonly recordingConsumers: types.Consumer[] = [];

  private constructor(
    readonly worker: types.Worker,
    readonly recordings: Recordings,
    private readonly spec: LoadSpec,
    /** Worker RSS before any room: what the per-student memory adds to. */
    readonly idleWorkerRssMb = rssMb(worker.pid),
  ) {}

  static async start(mediasoup: Mediasoup, spec: LoadSpec): Promise<SittingLoad> {
    const worker = await mediasoup.createWorker({ logLevel: 'error', ...RTC_PORTS });
    const recordings = await Recordings.create(
      { enabled: true, dir: spec.recordingsDir, segmentMs: SEGMENT_MS, ffmpeg: 'ffmpeg' },
      pino({ level: 'silent' }),
    );
    const load = new SittingLoad(worker, recordings, spec);
    for (let first = 0; first < spec.students; first += spec.perSitting)
      await load.addSitting(first, Math.min(spec.perSitting, spec.students - first));
    await load.recordingStarted();
    return load;
  }

  private async addSitting(firstStudent: number, students: number): Promise<void> {
    const router = await this.worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    router.observer.on('newtransport', (transport: types.Transport) => {
      if ((transport.appData as { recording?: boolean }).recording)
        transport.observer.on('newconsumer', (c: types.Consumer) => this.recordingConsumers.push(c));
    });
    const room = new SittingRoom(randomUUID(), router, 0);
    this.rooms.push(room);
    this.recordings.attach(room);
    const proctor = await this.plainTransport(router, this.spec.receiverPort);
    const capabilities = proctorCapabilities(router, this.spec.proctorNack);
    for (let s = firstStudent; s < firstStudent + students; s++) {
      const producers = await this.addStudent(room, s);
      for (const producer of producers) await this.watch(proctor, producer, capabilities);
    }
  }

  private async plainTransport(router: types.Router, port: number): Promise<types.PlainTransport> {
    const transport = await router.createPlainTransport({
      listenIp: { ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: false,
    });
    await transport.connect({ ip: '127.0.0.1', port });
    return transport;
  }

  /** A student device: a Peer with its own transport and one producer per source. */
  private async addStudent(room: SittingRoom, index: number): Promise<types.Producer[]> {
    const studentId = randomUUID();
    const sources = SOURCES.map((s) => s.source);
    const peer = new Peer(randomUUID(), {
      userId: studentId,
      sittingId: room.sittingId,
      peerRole: 'student',
      studentId,
      sources,
    });
    room.peers.set(peer.id, peer);
    const transport = await this.plainTransport(room.router, this.spec.replayPort);
    const producers: types.Producer[] = [];
    for (const [sourceIndex, s] of SOURCES.entries()) {
      const streamId = index * SOURCES.length + sourceIndex;
      const ssrc = 10_000_000 + streamId * 10;
      // Production's webcam: r0 is sent, r1 and r2 are declared but inactive until a watcher wants them.
      const layers = s.source === 'webcam' && this.spec.simulcast ? 3 : 1;
      const producer = await transport.produce({
        kind: s.kind,
        rtpParameters: {
          codecs: [s.kind === 'video' ? VP8 : OPUS],
          encodings: Array.from({ length: layers }, (_, layer) => ({ ssrc: ssrc + layer })),
        },
        appData: { studentId, source: s.source, peerId: peer.id },
      });
      room.track(peer, producer, room.router);
      this.producers.push(producer);
      this.targets.push({ port: transport.tuple.localPort, ssrc, streamId, sourceIndex });
      producers.push(producer);
    }
    return producers;
  }

  /** A proctor grid tile: consumed paused on the grid layer, then resumed (media:consume, media:resumeConsumer). */
  private async watch(
    transport: types.PlainTransport,
    producer: types.Producer,
    rtpCapabilities: types.RtpCapabilities,
  ): Promise<void> {
    const consumer = await transport.consume({
      producerId: producer.id,
      rtpCapabilities,
      paused: true,
      ...(producer.kind === 'video' ? { preferredLayers: { spatialLayer: 0 } } : {}),
    });
    this.proctorConsumers.push(consumer);
    await consumer.resume();
    if (consumer.kind === 'video')
      for (const ms of KEY_FRAME_AFTER_RESUME_MS)
        setTimeout(() => {
          if (!consumer.closed) consumer.requestKeyFrame().catch(() => undefined);
        }, ms).unref();
  }

  /** Waits until RoomRecording has a resumed consumer for every producer (it starts them unawaited). */
  private async recordingStarted(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (this.recordingConsumers.filter((c) => !c.paused).length < this.producers.length) {
      if (Date.now() > deadline)
        throw new Error(`recording started for ${this.recordingConsumers.length}/${this.producers.length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops recording (segments finalised) and compares what the worker sent with what was captured. */
  async finishRecording(): Promise<{ sent: number; captured: number }> {
    const sent = await sentPackets(this.recordingConsumers);
    await this.recordings.close();
    let captured = 0;
    for (const room of this.rooms)
      for (const segment of await this.recordings.listRecordings(room.sittingId)) captured += segment.packets;
    return { sent, captured };
  }

  close(): void {
    for (const room of this.rooms) room.close();
    this.worker.close();
  }
}

/** Packets consumers sent over their life (mediasoup's outbound-rtp stats). */
export async function sentPackets(consumers: types.Consumer[]): Promise<number> {
  let n = 0;
  for (const c of consumers)
    for (const s of await c.getStats()) if (s.type === 'outbound-rtp') n += s.packetCount ?? 0;
  return n;
}

/** Packets producers received and the worker's own count of the ones missing (sequence gaps). */
export async function receivedPackets(
  producers: types.Producer[],
): Promise<{ packets: number; lost: number }> {
  let packets = 0;
  let lost = 0;
  for (const p of producers)
    for (const s of await p.getStats()) {
      packets += s.packetCount ?? 0;
      lost += s.packetsLost ?? 0;
    }
  return { packets, lost };
}
