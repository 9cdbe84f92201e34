import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';
import type { types } from 'mediasoup';
import { pino } from 'pino';
import { createSfu, type Sfu } from '../src/app.js';
import { loadSfuConfig } from '../src/config.js';
import { Peer } from '../src/rooms/peer.js';
import type { SittingRoom } from '../src/rooms/sitting-room.js';
import { SECRET } from './sfu-harness.js';

/** A real SFU recording into `dir`, without signalling clients: tests produce RTP from ffmpeg. */
export async function startRecordingSfu(options: {
  dir: string;
  recording?: 'on' | 'off';
  segmentMinutes?: number;
  ffmpeg?: string;
}): Promise<Sfu> {
  const config = loadSfuConfig({
    SFU_PORT: '0',
    SFU_WORKERS: '1',
    SFU_RTC_MIN_PORT: '42000',
    SFU_RTC_MAX_PORT: '42999',
    MEDIA_TOKEN_SECRET: SECRET,
    SFU_RECORDING: options.recording ?? 'on',
    SFU_RECORDINGS_DIR: options.dir,
    SFU_RECORDING_SEGMENT_MINUTES: String(options.segmentMinutes ?? 10),
    SFU_FFMPEG: options.ffmpeg ?? 'ffmpeg',
  });
  return createSfu(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
}

/** A student device in a sitting, joined the way signalling joins one (without a socket). */
export async function joinStudent(
  sfu: Sfu,
  sittingId: string,
  studentId: string = randomUUID(),
): Promise<{ room: SittingRoom; peer: Peer }> {
  const room = await sfu.rooms.get(sittingId);
  const peer = new Peer(randomUUID(), {
    userId: studentId,
    sittingId,
    peerRole: 'student',
    studentId,
    sources: ['webcam', 'microphone', 'screen', 'phone', 'tab'],
  });
  room.peers.set(peer.id, peer);
  return { room, peer };
}

export interface FfmpegSource {
  producer: types.Producer;
  /** Stops ffmpeg and closes the producer (what a student closing a source does). */
  stop(): Promise<void>;
}

const VP8 = {
  mimeType: 'video/VP8',
  payloadType: 101,
  clockRate: 90000,
  rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
};
const OPUS = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 };

/** One ffmpeg RTP output: VP8 test pattern of a size, or an Opus tone. */
function rtpOutput(
  kind: 'video' | 'audio',
  ssrc: number,
  port: number,
  rtcpPort: number,
  size = '320x240',
): string[] {
  const target = `rtp://127.0.0.1:${port}?rtcpport=${rtcpPort}&pkt_size=1200`;
  return kind === 'video'
    ? [
        '-map',
        `0:v`,
        '-s',
        size,
        '-c:v',
        'libvpx',
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-b:v',
        '200k',
      ].concat(['-g', '15', '-f', 'rtp', '-payload_type', '101', '-ssrc', String(ssrc), target])
    : ['-map', '0:a', '-c:a', 'libopus', '-b:a', '32k', '-ac', '2', '-f', 'rtp'].concat([
        '-payload_type',
        '100',
        '-ssrc',
        String(ssrc),
        target,
      ]);
}

function runFfmpeg(args: string[]): ChildProcess {
  const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * A PlainTransport that learns the sender's address from its first packet (comedia). ffmpeg sends
 * RTCP from a second socket, so RTCP gets its own port (with rtcp-mux the transport would lock
 * onto whichever socket spoke first and drop the other).
 */
async function inbound(room: SittingRoom, rtcpMux = false): Promise<types.PlainTransport> {
  return room.router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux, comedia: true });
}

/**
 * A student source fed by ffmpeg: a VP8 test pattern (webcam, screen, phone, tab) or an Opus tone
 * (microphone), produced on a PlainTransport with the appData a student's producer carries.
 */
export async function ffmpegSource(
  room: SittingRoom,
  peer: Peer,
  source: 'webcam' | 'microphone' | 'screen' | 'phone' | 'tab',
  ssrc: number,
): Promise<FfmpegSource> {
  const kind = source === 'microphone' ? 'audio' : 'video';
  const transport = await inbound(room);
  const producer = await transport.produce({
    kind,
    rtpParameters: { codecs: [kind === 'video' ? VP8 : OPUS], encodings: [{ ssrc }] },
    appData: { studentId: peer.grant.studentId, source, peerId: peer.id },
  });
  room.track(peer, producer, room.router);
  const input =
    kind === 'video'
      ? ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15']
      : ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  const rtcpPort = transport.rtcpTuple?.localPort ?? transport.tuple.localPort;
  const child = runFfmpeg([...input, ...rtpOutput(kind, ssrc, transport.tuple.localPort, rtcpPort)]);
  return {
    producer,
    async stop() {
      await stopChild(child);
      transport.close();
    },
  };
}

/**
 * A three-layer simulcast webcam (160×120, 320×240, 640×480). A PlainTransport accepts one
 * sender address, so the three ffmpeg outputs (RTP and RTCP) go through one relay socket.
 */
export async function ffmpegSimulcastWebcam(
  room: SittingRoom,
  peer: Peer,
  ssrcBase: number,
): Promise<FfmpegSource> {
  const transport = await inbound(room, true);
  const ssrcs = [ssrcBase, ssrcBase + 1, ssrcBase + 2];
  const producer = await transport.produce({
    kind: 'video',
    rtpParameters: { codecs: [VP8], encodings: ssrcs.map((ssrc) => ({ ssrc })) },
    appData: { studentId: peer.grant.studentId, source: 'webcam', peerId: peer.id },
  });
  room.track(peer, producer, room.router);
  const relay = createSocket('udp4');
  await new Promise<void>((resolve) => relay.bind(0, '127.0.0.1', resolve));
  let relaying = true;
  const forward = (packet: Buffer) => {
    if (relaying) relay.send(packet, transport.tuple.localPort, '127.0.0.1');
  };
  relay.on('message', (packet) => {
    forward(packet);
    // mediasoup switches simulcast layers only once every layer has a Sender Report. ffmpeg sends
    // its first SR just before the first RTP packet (too early: the stream is not known yet) and
    // the next 5 s later; browsers send them every second. Sending each SR again shortly after
    // does what a browser does.
    const type = packet[1] ?? 0;
    if (type >= 192 && type <= 223) setTimeout(() => forward(packet), 300).unref();
  });
  const port = relay.address().port;
  const sizes = ['160x120', '320x240', '640x480'];
  const outputs = ssrcs.flatMap((ssrc, i) => rtpOutput('video', ssrc, port, port, sizes[i]));
  const child = runFfmpeg(['-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=15', ...outputs]);
  return {
    producer,
    async stop() {
      await stopChild(child);
      relaying = false;
      relay.close();
      transport.close();
    },
  };
}

export interface ProbedStream {
  codec_type: 'video' | 'audio';
  codec_name: string;
  width?: number;
  height?: number;
  nb_read_frames?: string;
}

/** ffprobe with -count_frames: what a player would decode from the file. */
export async function probe(
  path: string,
): Promise<{ streams: ProbedStream[]; duration: number; tags: Record<string, string> }> {
  const { stdout } = await promisify(execFile)('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-show_entries',
    'stream=codec_type,codec_name,width,height,nb_read_frames:format=duration:format_tags',
    '-of',
    'json',
    path,
  ]);
  const out = JSON.parse(stdout) as {
    streams: ProbedStream[];
    format: { duration?: string; tags?: Record<string, string> };
  };
  return { streams: out.streams, duration: Number(out.format.duration ?? 0), tags: out.format.tags ?? {} };
}

/** The size of every decoded video frame, in order (a simulcast recording may start on a lower layer). */
export async function frameSizes(path: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=width,height', '-of', 'csv=p=0', path],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().replace(',', 'x'));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await sleep(100);
  }
}
