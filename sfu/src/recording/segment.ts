import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CaptureWriter } from './capture-file.js';

export const RecordedSource = z.enum(['webcam', 'microphone', 'screen', 'phone', 'tab']);
export type RecordedSource = z.infer<typeof RecordedSource>;

/**
 * The JSON written next to every capture file. `start`/`end` are the wall-clock arrival times of
 * its first and last packet, so a recording lines up with the violation log.
 */
export const SegmentSidecar = z.object({
  id: z.string(),
  sittingId: z.string(),
  studentId: z.string(),
  source: RecordedSource,
  kind: z.enum(['audio', 'video']),
  /** MIME type of the codec in the capture, e.g. video/VP8, audio/opus. */
  codec: z.string(),
  producerId: z.string(),
  /** The capture file's name, in the sitting's folder. */
  file: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime().nullable(),
  packets: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the capture file; set when the segment is closed. */
  sha256: z.string().nullable(),
  /**
   * recording: still being written. complete: closed normally. recovered: closed at start-up after
   * the SFU stopped without closing it (end = last packet found). failed: a write failed.
   */
  status: z.enum(['recording', 'complete', 'recovered', 'failed']),
  /**
   * Why it ended: the producer closed, the sitting's router closed (its worker died), the next
   * segment began, the SFU shut down, or (recovered) the SFU stopped without closing it.
   */
  endReason: z
    .enum(['producer_closed', 'room_closed', 'rotated', 'shutdown', 'crashed', 'write_failed'])
    .nullable(),
  /** What went wrong, for a failed segment. */
  error: z.string().optional(),
});
export type SegmentSidecar = z.infer<typeof SegmentSidecar>;

/** Sitting and student ids become file names, so only plain ids are accepted. */
export const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
const STEM = /^[A-Za-z0-9-]{1,64}\.(webcam|microphone|screen|phone|tab)\.\d{8}T\d{9}Z\.[0-9a-f]{6}$/;

/** A recording id is `<sittingId>.<stem>`; the stem names the files in the sitting's folder. */
export function parseRecordingId(id: string): { sittingId: string; stem: string } | null {
  const dot = id.indexOf('.');
  const sittingId = id.slice(0, dot);
  const stem = id.slice(dot + 1);
  return dot > 0 && SAFE_ID.test(sittingId) && STEM.test(stem) ? { sittingId, stem } : null;
}

const compactIso = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

export const sidecarPath = (dir: string, stem: string) => join(dir, `${stem}.json`);
export const capturePath = (dir: string, stem: string) => join(dir, `${stem}.rtp`);
export const exportPath = (dir: string, stem: string) => join(dir, `${stem}.webm`);

/** Written to a temporary name and renamed, so a reader never sees half a sidecar. */
export async function writeSidecar(dir: string, sidecar: SegmentSidecar): Promise<void> {
  const stem = sidecar.file.replace(/\.rtp$/, '');
  const tmp = join(dir, `.${stem}.json.tmp`);
  await writeFile(tmp, `${JSON.stringify(sidecar, null, 2)}\n`);
  await rename(tmp, sidecarPath(dir, stem));
}

export interface SegmentOwner {
  sittingId: string;
  studentId: string;
  source: RecordedSource;
  kind: 'audio' | 'video';
  codec: string;
  producerId: string;
}

/** One segment of one stream: its capture file, opened at its first packet, and its sidecar. */
export class Segment {
  readonly sidecar: SegmentSidecar;
  private readonly writer: CaptureWriter;
  private lastArrivalMs: number;
  /** Sidecar writes in order: the "recording" one must never land after the final one. */
  private sidecarWrite: Promise<void>;

  /** `warn`: the first sidecar could not be written (close() writes the final one regardless). */
  constructor(
    readonly dir: string,
    owner: SegmentOwner,
    firstArrivalMs: number,
    warn: (error: Error) => void,
  ) {
    const stem = `${owner.studentId}.${owner.source}.${compactIso(firstArrivalMs)}.${randomBytes(3).toString('hex')}`;
    this.writer = new CaptureWriter(capturePath(dir, stem));
    this.lastArrivalMs = firstArrivalMs;
    this.sidecar = {
      id: `${owner.sittingId}.${stem}`,
      ...owner,
      file: `${stem}.rtp`,
      start: new Date(firstArrivalMs).toISOString(),
      end: null,
      packets: 0,
      bytes: 0,
      sha256: null,
      status: 'recording',
      endReason: null,
    };
    this.sidecarWrite = writeSidecar(dir, this.sidecar).catch(warn);
  }

  get id(): string {
    return this.sidecar.id;
  }

  get packets(): number {
    return this.writer.packets;
  }

  append(packet: Buffer, arrivalMs: number): void {
    this.writer.append(packet, arrivalMs);
    this.lastArrivalMs = arrivalMs;
  }

  /** Everything received so far is on disk (for an export of a segment still being recorded). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Closes the capture and writes the final sidecar, with the file's size and SHA-256. */
  async close(endReason: NonNullable<SegmentSidecar['endReason']>): Promise<SegmentSidecar> {
    const final: SegmentSidecar = { ...this.sidecar, end: new Date(this.lastArrivalMs).toISOString() };
    try {
      const summary = await this.writer.close();
      Object.assign(final, summary, { status: 'complete', endReason });
    } catch (error) {
      Object.assign(final, {
        packets: this.writer.packets,
        bytes: this.writer.bytes,
        status: 'failed',
        endReason: 'write_failed',
        error: (error as Error).message,
      });
    }
    await this.sidecarWrite;
    await writeSidecar(this.dir, final);
    return final;
  }
}
