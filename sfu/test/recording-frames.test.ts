import { describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../src/recording/capture-file.js';
import { opusFrames, vp8Frames } from '../src/recording/media-frames.js';
import { Unwrapper } from '../src/recording/rtp-packet.js';

/** An RTP packet (version 2, PT 101, SSRC 1) around `payload`. */
function rtp(seq: number, timestamp: number, marker: boolean, payload: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (marker ? 0x80 : 0) | 101;
  header.writeUInt16BE(seq & 0xffff, 2);
  header.writeUInt32BE(timestamp >>> 0, 4);
  header.writeUInt32BE(1, 8);
  return Buffer.concat([header, payload]);
}

/** VP8 frame `n` split into `parts` packets; a key frame carries a 320×240 header. */
function vp8Frame(n: number, key: boolean, parts = 2): Buffer[] {
  const frame = key
    ? Buffer.from([0x00, 0x00, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00, n])
    : Buffer.from([0x01, 0x00, 0x00, n, n]);
  const size = Math.ceil(frame.length / parts);
  return Array.from({ length: parts }, (_, i) =>
    // Payload descriptor: S (start of partition) on the first packet, partition id 0.
    Buffer.concat([Buffer.from([i === 0 ? 0x10 : 0x00]), frame.subarray(i * size, (i + 1) * size)]),
  );
}

/** 15 fps VP8 packets starting at sequence number `seq0`; frame 0 and every `gop`-th are key frames. */
function vp8Stream(frames: number, seq0: number, gop = 10): { records: CaptureRecord[]; t0: number } {
  const t0 = 1_800_000_000_000;
  const records: CaptureRecord[] = [];
  let seq = seq0;
  for (let n = 0; n < frames; n++) {
    const parts = vp8Frame(n, n % gop === 0);
    parts.forEach((payload, i) => {
      const packet = rtp(seq++, 3_000_000_000 + n * 6000, i === parts.length - 1, payload);
      // Arrival jitters by up to 30 ms around the capture time.
      records.push({ packet, arrivalMs: t0 + (n * 1000) / 15 + 5 + ((n * 7) % 30) });
    });
  }
  return { records, t0 };
}

describe('rebuilding frames from a capture', () => {
  it('assembles VP8 frames across a sequence number wrap, in sequence order even when packets arrive reordered', () => {
    const { records, t0 } = vp8Stream(20, 65_530);
    [records[3], records[4]] = [records[4] as CaptureRecord, records[3] as CaptureRecord];
    records.push(records[6] as CaptureRecord); // a retransmitted duplicate
    const frames = vp8Frames(records);
    expect(frames).toHaveLength(20);
    expect(frames.map((f) => f.data.at(-1))).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(frames.filter((f) => f.keyFrame)).toHaveLength(2);
    // Times come from RTP timestamps (66.7 ms apart) anchored on the earliest arrival: no jitter.
    expect(frames[0]?.atMs).toBeCloseTo(t0 + 5, 0);
    expect((frames[19]?.atMs ?? 0) - (frames[0]?.atMs ?? 0)).toBeCloseTo((19 * 1000) / 15, 3);
  });

  it('drops a frame with a lost packet and what depends on it, until the next key frame', () => {
    const { records } = vp8Stream(20, 100);
    // Frame 3 (packets 6 and 7) loses its second packet.
    records.splice(7, 1);
    const kept = vp8Frames(records).map((f) => f.data.at(-1));
    expect(kept).toEqual([0, 1, 2, ...Array.from({ length: 10 }, (_, i) => 10 + i)]);
  });

  it('stamps Opus packets 20 ms apart from their RTP timestamps, whatever the arrival jitter', () => {
    const t0 = 1_800_000_000_000;
    const records = Array.from({ length: 50 }, (_, i) => ({
      packet: rtp(i, i * 960, false, Buffer.from([0xfc, i])),
      arrivalMs: t0 + i * 20 + ((i * 13) % 40),
    }));
    const frames = opusFrames(records);
    expect(frames).toHaveLength(50);
    frames.forEach((f, i) => {
      expect(f.atMs).toBeCloseTo(t0 + i * 20, 6);
    });
  });

  it('unwraps 16-bit sequence numbers forwards and backwards', () => {
    const u = new Unwrapper(16);
    expect([65_534, 65_535, 0, 65_535, 1, 2].map((s) => u.unwrap(s))).toEqual([
      65_534, 65_535, 65_536, 65_535, 65_537, 65_538,
    ]);
  });
});
