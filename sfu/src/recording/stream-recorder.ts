import { parseRtp } from './rtp-packet.js';
import { Segment, type SegmentOwner, type SegmentSidecar } from './segment.js';
import { parseVp8 } from './vp8.js';

export interface StreamRecorderOptions {
  dir: string;
  owner: SegmentOwner;
  /** Segment length. */
  segmentMs: number;
  /**
   * Where boundaries fall: at `phaseMs + k × segmentMs` on the wall clock. A student's streams share
   * one phase so webcam and microphone segments line up; students differ, so key frame requests at
   * the boundaries are spread out instead of all arriving at once.
   */
  phaseMs: number;
  /** Asks the producer for a key frame (mediasoup `consumer.requestKeyFrame()`). */
  requestKeyFrame(): void;
  /** Called before the first segment's file is created (e.g. to make its folder). */
  beforeFirstSegment(): void;
  segmentOpened(segment: Segment): void;
  /** Called with each segment's final sidecar. */
  segmentClosed(sidecar: SegmentSidecar): void;
  /** A segment's file or sidecar could not be written. */
  segmentFailed(segmentId: string, error: Error): void;
}

/** A video segment waits this long past its boundary for a key frame, then rotates anyway. */
const KEY_FRAME_WAIT_MS = 4000;
/** After packet loss, a key frame is asked for at most this often. */
const KEY_FRAME_RETRY_MS = 2000;

/**
 * Records one consumed stream into consecutive segments. Video segments start on a key frame (one
 * is requested at each boundary), so every segment plays on its own; a sequence gap (packets lost
 * on the way to the recorder) also asks for a key frame so the picture recovers quickly.
 */
export class StreamRecorder {
  private segment: Segment | null = null;
  private started = false;
  private boundaryMs = 0;
  private rotating = false;
  private lastSeq: number | null = null;
  private lastKeyFrameRequestMs = 0;
  private closed = false;
  /** Segments being closed; close() waits for them. */
  private readonly closing = new Set<Promise<SegmentSidecar>>();

  constructor(private readonly options: StreamRecorderOptions) {}

  get currentSegment(): Segment | null {
    return this.segment;
  }

  handle(packet: Buffer, arrivalMs: number): void {
    if (this.closed || packet.length < 12) return;
    const video = this.options.owner.kind === 'video';
    if (!this.segment) this.open(arrivalMs);
    else if (arrivalMs >= this.boundaryMs) {
      if (!video || arrivalMs >= this.boundaryMs + KEY_FRAME_WAIT_MS || this.startsKeyFrame(packet))
        this.rotate(arrivalMs);
      else if (!this.rotating) {
        this.rotating = true;
        this.requestKeyFrame(arrivalMs, true);
      }
    }
    if (video) this.watchSequence(packet, arrivalMs);
    this.segment?.append(packet, arrivalMs);
  }

  /** Finishes the current segment. */
  async close(reason: 'producer_closed' | 'room_closed' | 'shutdown'): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.segment) this.finish(this.segment, reason);
    this.segment = null;
    await Promise.all(this.closing);
  }

  private open(arrivalMs: number): void {
    const { segmentMs, phaseMs } = this.options;
    if (!this.started) this.options.beforeFirstSegment();
    this.started = true;
    const segment: Segment = new Segment(this.options.dir, this.options.owner, arrivalMs, (error) =>
      this.options.segmentFailed(segment.id, error),
    );
    this.segment = segment;
    this.options.segmentOpened(segment);
    this.boundaryMs = (Math.floor((arrivalMs - phaseMs) / segmentMs) + 1) * segmentMs + phaseMs;
    this.rotating = false;
  }

  private rotate(arrivalMs: number): void {
    if (this.segment) this.finish(this.segment, 'rotated');
    this.open(arrivalMs);
  }

  private finish(segment: Segment, reason: NonNullable<SegmentSidecar['endReason']>): void {
    const done = segment.close(reason);
    this.closing.add(done);
    void done.then(
      (sidecar) => {
        this.closing.delete(done);
        this.options.segmentClosed(sidecar);
      },
      (error: Error) => {
        this.closing.delete(done);
        this.options.segmentFailed(segment.id, error);
      },
    );
  }

  private startsKeyFrame(packet: Buffer): boolean {
    const rtp = parseRtp(packet);
    if (!rtp) return false;
    const vp8 = parseVp8(packet.subarray(rtp.payloadStart, rtp.payloadEnd));
    return vp8?.keyFrame === true;
  }

  private watchSequence(packet: Buffer, arrivalMs: number): void {
    const seq = packet.readUInt16BE(2);
    const expected = this.lastSeq === null ? seq : (this.lastSeq + 1) & 0xffff;
    // Only forward jumps count as loss; a late (reordered) packet is not one.
    const ahead = (seq - expected) & 0xffff;
    if (ahead === 0 || ahead < 0x8000) this.lastSeq = seq;
    if (ahead > 0 && ahead < 0x8000) this.requestKeyFrame(arrivalMs, false);
  }

  private requestKeyFrame(nowMs: number, force: boolean): void {
    if (!force && nowMs - this.lastKeyFrameRequestMs < KEY_FRAME_RETRY_MS) return;
    this.lastKeyFrameRequestMs = nowMs;
    this.options.requestKeyFrame();
  }
}
