/**
 * What recording costs per stream, measured: ffmpeg per stream (PlainTransport → ffmpeg → WebM)
 * against capture in the SFU process (PlainTransport → one Node UDP socket → capture files, the
 * design in src/recording) and a mediasoup DirectTransport (RTP over the worker's pipe).
 *
 *   node --expose-gc --import tsx sfu/test/recording-cost.ts [--students 25,50,100]
 *        [--modes none,capture,direct,ffmpeg] [--seconds 20] [--out table.md]
 *
 * Synthetic students: one ffmpeg-encoded clip per source (webcam VP8 640×360 15 fps ~150 kbit/s,
 * microphone Opus 32 kbit/s, screen VP8 1280×720 5 fps ~100 kbit/s; a key frame every 2 s, since
 * the replay cannot answer key frame requests and ffmpeg needs one to start) replayed with
 * distinct SSRCs by a child process into PlainTransport producers on one worker. CPU is read from
 * /proc per process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { types } from 'mediasoup';
import { pino } from 'pino';
import { loadMediasoup } from '../src/load-mediasoup.js';
import { MEDIA_CODECS } from '../src/media-codecs.js';
import { CaptureWriter } from '../src/recording/capture-file.js';
import { Recordings } from '../src/recording/recordings.js';
import { StreamRecorder } from '../src/recording/stream-recorder.js';
import { Peer } from '../src/rooms/peer.js';
import { SittingRoom } from '../src/rooms/sitting-room.js';
import type { ReplayOptions } from './rtp-replay.js';

type Mode = 'none' | 'capture' | 'direct' | 'ffmpeg';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const STUDENTS = arg('students', '25,50,100').split(',').map(Number);
const MODES = arg('modes', 'none,capture,direct,ffmpeg').split(',') as Mode[];
const SECONDS = Number(arg('seconds', '20'));
const OUT = arg('out', '');
const CLIPS = join(tmpdir(), 'adal-recording-cost-clips-v2');
const TICK = 100; // USER_HZ

const SOURCES = [
  {
    name: 'webcam',
    kind: 'video' as const,
    ssrcBase: 100_000_000,
    input: ['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=15'],
    codec: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '150k', '-g', '30'],
  },
  {
    name: 'microphone',
    kind: 'audio' as const,
    ssrcBase: 200_000_000,
    input: ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    codec: ['-c:a', 'libopus', '-b:a', '32k', '-ac', '2'],
  },
  {
    name: 'screen',
    kind: 'video' as const,
    ssrcBase: 300_000_000,
    input: ['-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=5'],
    codec: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '100k', '-g', '10'],
  },
];

/** Encodes each clip once (10 s, real time) and keeps the RTP as a capture file. */
async function clips(): Promise<string[]> {
  await mkdir(CLIPS, { recursive: true });
  return Promise.all(
    SOURCES.map(async (s) => {
      const file = join(CLIPS, `${s.name}.rtp`);
      if (existsSync(file)) return file;
      const socket = createSocket('udp4');
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
      const writer = new CaptureWriter(`${file}.tmp`);
      socket.on('message', (p) => {
        if ((p[1] ?? 0) < 192 || (p[1] ?? 0) > 223) writer.append(p, Date.now());
      });
      const port = socket.address().port;
      const pt = s.kind === 'video' ? '101' : '100';
      const ffmpeg = spawn('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', ...s.input, '-t', '10', ...s.codec],
        ...['-f', 'rtp', '-payload_type', pt, '-ssrc', '1', `rtp://127.0.0.1:${port}?pkt_size=1200`],
      ]);
      await new Promise((resolve) => ffmpeg.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.close();
      await writer.close();
      await rm(file, { force: true });
      await writeFile(file, readFileSync(`${file}.tmp`));
      await rm(`${file}.tmp`);
      return file;
    }),
  );
}

function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process is gone
  }
}

/** Proportional set size: shared library pages are split between the processes using them. */
function rssMb(pid: number): number {
  try {
    const m = /Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return Number(m?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

interface Setup {
  /** Processes doing the recording besides the worker (ffmpeg). */
  pids(): number[];
  close(): Promise<void>;
}

const recordCaps = (router: types.Router): types.RtpCapabilities => ({
  codecs: (router.rtpCapabilities.codecs ?? [])
    .filter((c) => ['video/vp8', 'audio/opus'].includes(c.mimeType.toLowerCase()))
    .map((c) => ({ ...c, rtcpFeedback: [] })),
  headerExtensions: [],
});

async function setupCapture(room: SittingRoom, dir: string): Promise<Setup> {
  const recordings = await Recordings.create(
    { enabled: true, dir, segmentMs: 600_000, ffmpeg: 'ffmpeg' },
    pino({ level: 'silent' }),
  );
  recordings.attach(room);
  return {
    pids: () => [],
    close: () => recordings.close(),
  };
}

async function setupDirect(room: SittingRoom, producers: types.Producer[], dir: string): Promise<Setup> {
  const transport = await room.router.createDirectTransport();
  const recorders: StreamRecorder[] = [];
  await mkdir(dir, { recursive: true });
  for (const producer of producers) {
    const consumer = await transport.consume({
      producerId: producer.id,
      rtpCapabilities: recordCaps(room.router),
      paused: true,
    });
    const data = producer.appData as { studentId: string; source: 'webcam' };
    const recorder = new StreamRecorder({
      dir,
      segmentMs: 600_000,
      phaseMs: 0,
      owner: { ...data, sittingId: room.sittingId, kind: producer.kind, codec: 'x', producerId: producer.id },
      requestKeyFrame: () => void consumer.requestKeyFrame(),
      beforeFirstSegment: () => {},
      segmentOpened: () => {},
      segmentClosed: () => {},
      segmentFailed: () => {},
    });
    consumer.on('rtp', (packet: Buffer) => recorder.handle(packet, Date.now()));
    await consumer.resume();
    recorders.push(recorder);
  }
  return {
    pids: () => [],
    close: async () => {
      transport.close();
      await Promise.all(recorders.map((r) => r.close('shutdown')));
    },
  };
}

/** The design this replaces: per student one ffmpeg for webcam+microphone and one for the screen. */
async function setupFfmpeg(room: SittingRoom, producers: types.Producer[], dir: string): Promise<Setup> {
  await mkdir(dir, { recursive: true });
  let nextPort = 50_000;
  const children: ChildProcess[] = [];
  const consumers: types.Consumer[] = [];
  const resumes: Promise<void>[] = [];
  const byStudent = new Map<string, types.Producer[]>();
  for (const p of producers) {
    const id = (p.appData as { studentId: string }).studentId;
    byStudent.set(id, [...(byStudent.get(id) ?? []), p]);
  }
  const groups = [...byStudent.values()].flatMap((ps) => [
    ps.filter((p) => ['webcam', 'microphone'].includes((p.appData as { source: string }).source)),
    ps.filter((p) => (p.appData as { source: string }).source === 'screen'),
  ]);
  for (const [g, group] of groups.entries()) {
    const lines: string[] = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=rec', 'c=IN IP4 127.0.0.1', 't=0 0'];
    for (const producer of group) {
      const port = nextPort;
      nextPort += 2;
      const transport = await room.router.createPlainTransport({
        listenIp: { ip: '127.0.0.1' },
        rtcpMux: false,
        comedia: false,
      });
      await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
      const consumer = await transport.consume({
        producerId: producer.id,
        rtpCapabilities: recordCaps(room.router),
        paused: true,
      });
      consumers.push(consumer);
      const codec = consumer.rtpParameters.codecs[0] as types.RtpCodecParameters;
      const name = codec.mimeType.split('/')[1];
      lines.push(
        `m=${producer.kind} ${port} RTP/AVP ${codec.payloadType}`,
        `a=rtcp:${port + 1}`,
        `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${codec.channels ? `/${codec.channels}` : ''}`,
      );
    }
    const sdp = join(dir, `${g}.sdp`);
    await writeFile(sdp, `${lines.join('\n')}\n`);
    children.push(
      spawn(
        'ffmpeg',
        ['-hide_banner', '-loglevel', 'error', '-nostdin', '-protocol_whitelist', 'file,udp,rtp'].concat([
          '-fflags',
          '+genpts',
          '-i',
          sdp,
          '-map',
          '0',
          '-c',
          'copy',
          join(dir, `${g}.webm`),
        ]),
        { stdio: ['ignore', 'ignore', 'pipe'] },
      ),
    );
    const child = children[children.length - 1] as ChildProcess;
    child.stderr?.once('data', (d: Buffer) => {
      if (process.env.DEBUG_COST) process.stderr.write(`ffmpeg ${g}: ${d}`);
    });
    // As in production: ffmpeg needs a moment to open its sockets before the first packet
    // (environment.md), then the group's consumers resume and ask for a key frame.
    const mine = consumers.slice(-group.length);
    resumes.push(
      new Promise((resolve) => setTimeout(resolve, 1500)).then(async () => {
        for (const c of mine) {
          await c.resume();
          await c.requestKeyFrame();
        }
      }),
    );
  }
  await Promise.all(resumes);
  return {
    pids: () => children.map((c) => c.pid ?? 0),
    close: async () => {
      await Promise.all(
        children.map(
          (c) =>
            new Promise((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve(null);
              c.once('exit', resolve);
              // ffmpeg finishes the file on SIGINT but only notices it when a packet arrives;
              // a second SIGINT interrupts the wait.
              c.kill('SIGINT');
              setTimeout(() => c.kill('SIGINT'), 2000).unref();
            }),
        ),
      );
    },
  };
}

interface Row {
  mode: Mode;
  students: number;
  streams: number;
  pps: number;
  workerCpu: number;
  /** This process: the SFU side (capture and direct record here). */
  nodeCpu: number;
  /** The ffmpeg processes (ffmpeg mode). */
  ffmpegCpu: number;
  replayCpu: number;
  workerMb: number;
  recorderMb: number;
  ffmpegMb: number;
  processes: number;
  /** ffmpeg processes still running at the end of the measurement. */
  alive: number;
}

async function measure(mode: Mode, students: number, clipFiles: string[]): Promise<Row> {
  const dbg = (m: string) => process.env.DEBUG_COST && console.error(`[${mode}] ${m}`);
  const mediasoup = await loadMediasoup();
  const worker = await mediasoup.createWorker({ logLevel: 'error', rtcMinPort: 44000, rtcMaxPort: 45999 });
  const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  const room = new SittingRoom(randomUUID(), router, 0);
  const dir = await mkdtemp(join(tmpdir(), 'adal-recording-cost-'));
  const input = await router.createPlainTransport({
    listenIp: { ip: '127.0.0.1' },
    rtcpMux: true,
    comedia: true,
  });
  const producers: types.Producer[] = [];
  for (let i = 0; i < students; i++) {
    const studentId = randomUUID();
    const peer = new Peer(randomUUID(), {
      userId: studentId,
      sittingId: room.sittingId,
      peerRole: 'student',
      studentId,
      sources: ['webcam', 'microphone', 'screen'],
    });
    room.peers.set(peer.id, peer);
    for (const s of SOURCES) {
      const codec =
        s.kind === 'video'
          ? { mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }
          : { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 };
      const producer = await input.produce({
        kind: s.kind,
        rtpParameters: { codecs: [codec], encodings: [{ ssrc: s.ssrcBase + i * 10 }] },
        appData: { studentId, source: s.name, peerId: peer.id },
      });
      producers.push(producer);
      if (mode === 'capture') continue;
      room.track(peer, producer, room.router);
    }
  }
  // Students send before recording starts, as they would (ffmpeg needs packets to start).
  const replayOptions: ReplayOptions = {
    port: input.tuple.localPort,
    students,
    streams: SOURCES.map((s, i) => ({
      file: clipFiles[i] as string,
      clockRate: s.kind === 'video' ? 90000 : 48000,
      ssrcBase: s.ssrcBase,
    })),
  };
  const replay = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./rtp-replay.ts', import.meta.url).pathname, JSON.stringify(replayOptions)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapMb = () => {
    const m = process.memoryUsage();
    return (m.heapUsed + m.external) / 2 ** 20;
  };
  const heapBefore = heapMb();
  let setup: Setup = { pids: () => [], close: async () => {} };
  if (mode === 'capture') {
    setup = await setupCapture(room, dir);
    for (const p of producers) {
      const peer = [...room.peers.values()].find(
        (x) => x.grant.studentId === (p.appData as { studentId: string }).studentId,
      );
      if (peer) room.track(peer, p, room.router);
    }
  } else if (mode === 'direct') setup = await setupDirect(room, producers, join(dir, room.sittingId));
  else if (mode === 'ffmpeg') setup = await setupFfmpeg(room, producers, dir);
  dbg('set up');

  await new Promise((resolve) => setTimeout(resolve, 6000));

  dbg('replaying');
  const pids = () => [worker.pid, replay.pid ?? 0, ...setup.pids()];
  const ticks0 = pids().map(cpuTicks);
  const node0 = process.cpuUsage();
  const recvStats0 = await packetsSent(producers);
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const ticks1 = pids().map(cpuTicks);
  const alive = setup.pids().filter((pid) => existsSync(`/proc/${pid}`)).length;
  const node1 = process.cpuUsage(node0);
  const recvStats1 = await packetsSent(producers);
  gc?.();
  const pct = (i: number) => (((ticks1[i] ?? 0) - (ticks0[i] ?? 0)) / TICK / elapsed) * 100;
  const extraPids = setup.pids();
  let extraCpu = 0;
  for (let i = 2; i < 2 + extraPids.length; i++) extraCpu += pct(i);
  const nodeCpu = ((node1.user + node1.system) / 1e6 / elapsed) * 100;
  const row: Row = {
    mode,
    students,
    streams: producers.length,
    pps: (recvStats1 - recvStats0) / elapsed,
    workerCpu: pct(0),
    nodeCpu,
    ffmpegCpu: extraCpu,
    replayCpu: pct(1),
    workerMb: rssMb(worker.pid),
    recorderMb: heapMb() - heapBefore,
    ffmpegMb: extraPids.reduce((n, pid) => n + rssMb(pid), 0),
    processes: extraPids.length,
    alive,
  };
  dbg('measured');
  await setup.close();
  replay.kill('SIGTERM');
  dbg('closed');
  worker.close();
  await rm(dir, { recursive: true, force: true });
  return row;
}

async function packetsSent(producers: types.Producer[]): Promise<number> {
  let n = 0;
  for (const p of producers) for (const s of await p.getStats()) n += s.packetCount ?? 0;
  return n;
}

const f = (n: number, d = 1) => n.toFixed(d);
const rows: Row[] = [];
const clipFiles = await clips();
for (const students of STUDENTS)
  for (const mode of MODES) {
    const row = await measure(mode, students, clipFiles);
    rows.push(row);
    console.error(JSON.stringify(row));
  }
const base = new Map(rows.filter((r) => r.mode === 'none').map((r) => [r.students, r]));
const lines = [
  `Recording cost: ${SECONDS} s per run, one mediasoup 3.8.4 worker, ${cpus().length} cores (${cpus()[0]?.model}).`,
  'Per student: webcam VP8 640×360 15 fps ~150 kbit/s, microphone Opus 32 kbit/s, screen VP8 1280×720 5 fps ~100 kbit/s.',
  '"none" forwards nothing (baseline); the per-stream cost is the increase over it (worker + SFU process) plus ffmpeg.',
  '',
  '| mode | students | streams | RTP in (pkt/s) | worker CPU % | SFU process CPU % | ffmpeg CPU % (running/started) | worker PSS MB | SFU heap+buffers Δ MB | ffmpeg PSS MB | CPU % per stream | MB per stream |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const b = base.get(r.students);
    const cpu = r.workerCpu - (b?.workerCpu ?? 0) + r.nodeCpu - (b?.nodeCpu ?? 0) + r.ffmpegCpu;
    const mb = r.workerMb - (b?.workerMb ?? 0) + r.recorderMb + r.ffmpegMb;
    const per = (v: number, d: number) => (r.mode === 'none' ? '–' : f(v / r.streams, d));
    return `| ${r.mode} | ${r.students} | ${r.streams} | ${f(r.pps, 0)} | ${f(r.workerCpu)} | ${f(r.nodeCpu)} | ${f(r.ffmpegCpu)} (${r.alive}/${r.processes}) | ${f(r.workerMb)} | ${f(r.recorderMb)} | ${f(r.ffmpegMb)} | ${per(cpu, 3)} | ${per(mb, 2)} |`;
  }),
  '',
  `Replayer CPU (the synthetic students, not counted): ${rows.map((r) => `${r.mode}/${r.students} ${f(r.replayCpu)} %`).join(', ')}.`,
];
console.log(lines.join('\n'));
if (OUT) await writeFile(OUT, `${lines.join('\n')}\n`);
process.exit(0);
