import type { CaptureRecord } from './capture-file.js';
import { parseRtp, type RtpHeader, Unwrapper } from './rtp-packet.js';
import { parseVp8 } from './vp8.js';

/** One coded frame rebuilt from RTP, stamped with the wall-clock time it was captured. */
export interface MediaFrame {
  /** Wall-clock capture time, ms since the epoch. */
  atMs: number;
  keyFrame: boolean;
  data: Buffer;
}

interface Packet {
  rtp: RtpHeader;
  raw: Buffer;
  seq: number;
  /** Media time of the packet in ms (extended RTP timestamp / clock rate). */
  mediaMs: number;
  arrivalMs: number;
}

/**
 * Orders a capture's packets by sequence number, dropping duplicates (retransmissions) and
 * anything that is not the stream's RTP, and stamps them with extended timestamps.
 */
function orderedPackets(records: CaptureRecord[], clockRate: number): Packet[] {
  const seqs = new Unwrapper(16);
  const stamps = new Unwrapper(32);
  const bySeq = new Map<number, Packet>();
  let ssrc: number | null = null;
  for (const { packet, arrivalMs } of records) {
    const rtp = parseRtp(packet);
    if (!rtp) continue;
    ssrc ??= rtp.ssrc;
    if (rtp.ssrc !== ssrc) continue;
    const seq = seqs.unwrap(rtp.sequenceNumber);
    if (bySeq.has(seq)) continue;
    const mediaMs = (stamps.unwrap(rtp.timestamp) * 1000) / clockRate;
    bySeq.set(seq, { rtp, raw: packet, seq, mediaMs, arrivalMs });
  }
  const ordered = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  anchorToWallClock(ordered);
  return ordered;
}

/** A jump bigger than this between media time and arrival time is a discontinuity, not jitter. */
const DISCONTINUITY_MS = 2000;

/**
 * Maps media time to wall-clock time. Arrival = capture + delay, and the delay is never negative,
 * so within a continuous run the smallest (arrival − media time) is the best offset: it removes
 * network jitter (audio stays gapless) while keeping the run on the wall clock. A sender that
 * restarts its RTP clock starts a new run. Rewrites `mediaMs` to wall-clock ms in place.
 */
function anchorToWallClock(packets: Packet[]): void {
  let runStart = 0;
  let offset = Number.POSITIVE_INFINITY;
  const closeRun = (end: number) => {
    for (let i = runStart; i < end; i++) (packets[i] as Packet).mediaMs += offset;
  };
  packets.forEach((p, i) => {
    const d = p.arrivalMs - p.mediaMs;
    const jumped = d < offset - DISCONTINUITY_MS || d > offset + 10 * DISCONTINUITY_MS;
    if (Number.isFinite(offset) && jumped) {
      closeRun(i);
      runStart = i;
      offset = d;
    } else offset = Math.min(offset, d);
  });
  closeRun(packets.length);
}

/**
 * Rebuilds VP8 frames from a capture (RFC 7741): a frame is the packets sharing a timestamp, from
 * the one with the start bit to the one with the marker, with no sequence gap. After a broken
 * frame everything is dropped until the next key frame, so the file never shows corrupt pictures.
 */
export function vp8Frames(records: CaptureRecord[]): MediaFrame[] {
  const frames: MediaFrame[] = [];
  let waitingForKey = true;
  let parts: Packet[] = [];
  const finish = () => {
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last) return;
    const head = parseVp8(first.raw.subarray(first.rtp.payloadStart, first.rtp.payloadEnd));
    const complete =
      head?.frameStart === true && last.rtp.marker && last.seq - first.seq === parts.length - 1;
    if (!complete || !head) waitingForKey = true;
    else if (head.keyFrame || !waitingForKey) {
      waitingForKey = false;
      const data: Buffer[] = [];
      for (const p of parts) {
        const payload = p.raw.subarray(p.rtp.payloadStart, p.rtp.payloadEnd);
        const vp8 = parseVp8(payload);
        if (vp8) data.push(payload.subarray(vp8.dataOffset));
      }
      frames.push({ atMs: first.mediaMs, keyFrame: head.keyFrame, data: Buffer.concat(data) });
    }
    parts = [];
  };
  for (const p of orderedPackets(records, 90_000)) {
    const prev = parts[parts.length - 1];
    if (prev && (p.rtp.timestamp !== prev.rtp.timestamp || p.seq !== prev.seq + 1)) finish();
    parts.push(p);
    if (p.rtp.marker) finish();
  }
  finish();
  return frames;
}

/** Opus carries one frame per RTP packet (RFC 7587). */
export function opusFrames(records: CaptureRecord[]): MediaFrame[] {
  return orderedPackets(records, 48_000)
    .filter((p) => p.rtp.payloadEnd > p.rtp.payloadStart)
    .map((p) => ({
      atMs: p.mediaMs,
      keyFrame: true,
      data: p.raw.subarray(p.rtp.payloadStart, p.rtp.payloadEnd),
    }));
}
