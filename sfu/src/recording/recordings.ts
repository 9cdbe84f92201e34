import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { SittingRoom } from '../rooms/sitting-room.js';
import { exportSegment } from './export-webm.js';
import { checkFfmpeg } from './ffmpeg.js';
import { RecordingError } from './recording-error.js';
import { type DeletedRecording, type RecordingInfo, RecordingStore } from './recording-store.js';
import { RoomRecording } from './room-recording.js';
import { RtpReceiver, WANTED_BUFFER_BYTES } from './rtp-receiver.js';
import { parseRecordingId, type Segment } from './segment.js';

export interface RecordingConfig {
  /** SFU_RECORDING: record every student source of every sitting. */
  enabled: boolean;
  /** SFU_RECORDINGS_DIR: one folder per sitting below it. */
  dir: string;
  /** SFU_RECORDING_SEGMENT_MINUTES, in ms. */
  segmentMs: number;
  /** SFU_FFMPEG: the ffmpeg used for exports (remux only). */
  ffmpeg: string;
}

/**
 * Recording of a whole SFU process, and the listing/export/retention API the server will call.
 * Packets are captured to disk as they arrive (one UDP socket for all streams); WebM is made only
 * when a recording is exported.
 */
export class Recordings {
  private readonly rooms = new Map<SittingRoom, RoomRecording>();
  private readonly live = new Map<string, Segment>();
  readonly store: RecordingStore;
  private exportQueue: Promise<unknown> = Promise.resolve();
  private readonly exporting = new Map<string, Promise<string>>();

  private constructor(
    readonly config: RecordingConfig,
    private readonly receiver: RtpReceiver | null,
    private readonly log: Logger,
  ) {
    this.store = new RecordingStore(config.dir, (id) => this.live.has(id));
  }

  /** Checks ffmpeg, closes what a stopped SFU left open, and starts receiving (when enabled). */
  static async create(config: RecordingConfig, log: Logger): Promise<Recordings> {
    const recordingLog = log.child({ module: 'recording' });
    let receiver: RtpReceiver | null = null;
    if (config.enabled) {
      await checkFfmpeg(config.ffmpeg);
      await mkdir(config.dir, { recursive: true });
      receiver = new RtpReceiver();
      await receiver.start('127.0.0.1', (error) =>
        recordingLog.fatal({ err: error }, 'recording socket failed'),
      );
      if (receiver.grantedBufferBytes < WANTED_BUFFER_BYTES)
        recordingLog.warn(
          { grantedBytes: receiver.grantedBufferBytes, wantedBytes: WANTED_BUFFER_BYTES },
          'recording socket buffer is smaller than asked: bursts may drop packets in large sittings; raise net.core.rmem_max (sysctl) to at least 8388608',
        );
    }
    const recordings = new Recordings(config, receiver, recordingLog);
    // Nothing is attached yet, so every "recording" sidecar found now was left by a stopped SFU.
    const recovered = await recordings.store.recoverUnfinished().catch((error: Error) => {
      receiver?.close();
      throw error;
    });
    if (recovered.length)
      recordingLog.warn({ segments: recovered.map((s) => s.id) }, 'closed unfinished segments');
    if (config.enabled) recordingLog.info({ dir: config.dir, segmentMs: config.segmentMs }, 'recording on');
    return recordings;
  }

  /** Starts recording a sitting's students (called once per room, when it is created). */
  attach(room: SittingRoom): void {
    if (!this.receiver) return;
    const recording = new RoomRecording(room, {
      receiver: this.receiver,
      dir: this.config.dir,
      segmentMs: this.config.segmentMs,
      log: this.log,
      segmentOpened: (segment) => this.live.set(segment.id, segment),
      segmentClosed: (sidecar) => {
        this.live.delete(sidecar.id);
        this.log.info(
          { segmentId: sidecar.id, packets: sidecar.packets, bytes: sidecar.bytes, status: sidecar.status },
          'recording segment closed',
        );
      },
    });
    this.rooms.set(room, recording);
    room.once('closed', () => this.rooms.delete(room));
  }

  /** Every segment of a sitting (finished or being recorded), oldest first. */
  listRecordings(sittingId: string): Promise<RecordingInfo[]> {
    return this.store.list(sittingId);
  }

  /**
   * A WebM of one segment (webcam: with the student's microphone), made by codec copy and cached.
   * Exports run one at a time at low CPU priority; asking twice for one id shares the work.
   */
  exportRecording(id: string): Promise<string> {
    const running = this.exporting.get(id);
    if (running) return running;
    const job = this.exportQueue.then(async () => {
      if (!parseRecordingId(id)) throw new RecordingError('invalid_id', `Not a recording id: ${id}`);
      const sidecar = await this.store.get(id);
      if (!sidecar) throw new RecordingError('not_found', `No recording ${id}.`);
      return exportSegment(
        { store: this.store, ffmpeg: this.config.ffmpeg, flushLive: async (s) => this.live.get(s)?.flush() },
        sidecar,
      );
    });
    this.exporting.set(id, job);
    const forget = () => this.exporting.delete(id);
    job.then(forget, forget);
    // The queue only orders the work; each caller gets its own job's failure.
    this.exportQueue = job.catch(() => undefined);
    return job;
  }

  /** Retention: deletes finished segments that ended more than `days` days ago; returns them for the audit log. */
  deleteOlderThan(days: number): Promise<DeletedRecording[]> {
    return this.store.deleteOlderThan(days);
  }

  /** Deletes a sitting's finished segments (those still recording stay); returns them for the audit log. */
  deleteSittingRecordings(sittingId: string): Promise<DeletedRecording[]> {
    return this.store.deleteSitting(sittingId);
  }

  /** Finishes every segment (final sidecars written) and stops receiving. */
  async close(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => r.close()));
    this.rooms.clear();
    this.receiver?.close();
  }
}
