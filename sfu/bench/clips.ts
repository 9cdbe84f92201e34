/**
 * The synthetic student's three sources, encoded once by ffmpeg into RTP capture files (the SFU's
 * own capture format) and cached under os.tmpdir(). Settings follow the production defaults in
 * shared/src/web/media/encodings.ts for what the SFU forwards to a proctor grid.
 */
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaSource } from '@adal/shared';
import { CaptureWriter, readCapture } from '../src/recording/capture-file.js';
import { isRtcp } from '../src/recording/rtp-packet.js';

export interface SourceSpec {
  source: Extract<MediaSource, 'webcam' | 'microphone' | 'screen'>;
  kind: 'audio' | 'video';
  /** What the clip is, for the report. */
  label: string;
  clockRate: number;
  payloadType: number;
  /** Duration of one frame (the last packet of the clip lasts this long before the loop restarts). */
  frameMs: number;
  /** ffmpeg input (lavfi test source) and encoder options. */
  input: string[];
  codec: string[];
}

/** Clip length: long enough that looping is rare, short enough to encode in seconds. */
const CLIP_SECONDS = 20;

export const SOURCES: SourceSpec[] = [
  {
    // The grid layer r0 a proctor receives by default: 320×180, 15 fps, ≤ 100 kbit/s.
    source: 'webcam',
    kind: 'video',
    label: 'webcam VP8 320×180 15 fps ~100 kbit/s, key frame every 4 s',
    clockRate: 90000,
    payloadType: 101,
    frameMs: 1000 / 15,
    input: ['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15'],
    codec: ['-c:v', 'libvpx', '-b:v', '100k', '-g', '60'],
  },
  {
    // Opus as the browser sends it, a little under the 24 kbit/s cap (mono, 20 ms frames).
    source: 'microphone',
    kind: 'audio',
    label: 'microphone Opus mono 20 ms ~20 kbit/s',
    clockRate: 48000,
    payloadType: 100,
    frameMs: 20,
    input: ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    codec: ['-c:a', 'libopus', '-b:a', '20k'],
  },
  {
    // The entire screen at 5 fps, one layer ≤ 150 kbit/s.
    source: 'screen',
    kind: 'video',
    label: 'screen VP8 1280×720 5 fps ~150 kbit/s, key frame every 4 s',
    clockRate: 90000,
    payloadType: 101,
    frameMs: 200,
    input: ['-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=5'],
    codec: ['-c:v', 'libvpx', '-b:v', '150k', '-g', '20'],
  },
];

const CLIPS_DIR = join(tmpdir(), 'adal-bench-sfu-clips-v1');
/** Real-time VP8 as a browser encodes it; mono Opus. */
const CODEC_EXTRA: Record<SourceSpec['kind'], string[]> = {
  video: ['-deadline', 'realtime', '-cpu-used', '8'],
  audio: ['-ac', '1', '-application', 'voip'],
};

/** Path of each source's capture file (in SOURCES order), encoding the missing ones. */
export async function ensureClips(): Promise<string[]> {
  await mkdir(CLIPS_DIR, { recursive: true });
  return Promise.all(SOURCES.map((s) => ensureClip(s)));
}

async function ensureClip(spec: SourceSpec): Promise<string> {
  const file = join(CLIPS_DIR, `${spec.source}.rtp`);
  if (existsSync(file)) return file;
  const socket = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const writer = new CaptureWriter(`${file}.tmp`);
  socket.on('message', (p) => {
    if (!isRtcp(p)) writer.append(p, Date.now());
  });
  const url = `rtp://127.0.0.1:${socket.address().port}?pkt_size=1200`;
  // -re: packets leave at the clip's pace, so none is dropped by a full socket buffer.
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', ...spec.input];
  args.push('-t', String(CLIP_SECONDS), ...spec.codec, ...CODEC_EXTRA[spec.kind]);
  args.push('-f', 'rtp', '-payload_type', String(spec.payloadType), '-ssrc', '1', url);
  const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((resolve, reject) => {
    ffmpeg.once('error', reject);
    ffmpeg.once('exit', resolve);
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  socket.close();
  await writer.close();
  if (code !== 0) {
    await rm(`${file}.tmp`, { force: true });
    throw new Error(`ffmpeg could not encode the ${spec.source} clip (exit ${code}); is ffmpeg installed?`);
  }
  await rename(`${file}.tmp`, file);
  return file;
}

/** A clip ready to replay: packets, each one's offset from the clip start, and the loop length. */
export interface Clip {
  packets: Buffer[];
  atMs: number[];
  loopMs: number;
  /** RTP timestamp and sequence number advance per loop, so a looped stream stays continuous. */
  tsStep: number;
  seqStep: number;
  /** RTP bytes (header + payload) per second of clip, before the send stamp is added. */
  kbps: number;
  packetsPerSecond: number;
}

export async function loadClip(file: string, spec: SourceSpec): Promise<Clip> {
  const packets = (await readCapture(file)).map((r) => r.packet);
  const ts0 = (packets[0] as Buffer).readUInt32BE(4);
  const atMs = packets.map((p) => (((p.readUInt32BE(4) - ts0) >>> 0) * 1000) / spec.clockRate);
  const loopMs = (atMs[atMs.length - 1] as number) + spec.frameMs;
  const bytes = packets.reduce((n, p) => n + p.length, 0);
  return {
    packets,
    atMs,
    loopMs,
    tsStep: Math.round((loopMs * spec.clockRate) / 1000),
    seqStep: packets.length,
    kbps: (bytes * 8) / loopMs,
    packetsPerSecond: (packets.length * 1000) / loopMs,
  };
}
