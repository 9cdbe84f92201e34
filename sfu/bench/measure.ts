/**
 * One benchmark run for a number of students: fresh worker, rooms, replay and receiver; warm-up,
 * a steady-state window measured on the shared monotonic clock, then everything torn down.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mediasoup } from '../src/load-mediasoup.js';
import { Child } from './child.js';
import { SOURCES } from './clips.js';
import type {
  Percentiles,
  ReceiverCommand,
  ReceiverEvent,
  ReceiverReport,
  ReplayCommand,
  ReplayEvent,
  ReplayReport,
} from './ipc.js';
import { CpuMeter, rssMb, udpDrops } from './proc-stats.js';
import { receivedPackets, SittingLoad, sentPackets } from './sitting-load.js';
import { monoUs } from './stamp.js';

export interface RunOptions {
  students: number;
  perSitting: number;
  simulcast: boolean;
  proctorNack: boolean;
  warmupSeconds: number;
  seconds: number;
  clips: string[];
}

export interface Row {
  students: number;
  sittings: number;
  /** Producers (student sources) in; proctor consumers and recording consumers out, one each. */
  streams: number;
  seconds: number;
  packetsPerSecondIn: number;
  /** RTP bytes (header, payload, 8-byte stamp) the replay sent per student, kbit/s. */
  upstreamKbps: number;
  /** CPU % of one core over the window. */
  workerCpu: number;
  sfuCpu: number;
  replayCpu: number;
  receiverCpu: number;
  /** Everything else the machine ran in the window (other work on a shared machine), % of one core. */
  otherCpu: number;
  /** CPU the hypervisor gave to other guests, % of one core. */
  stealCpu: number;
  workerRssMb: number;
  sfuRssMb: number;
  sfuHeapMb: number;
  /** Per source and in total: (sent in window − received) / sent, %. */
  lossBySource: number[];
  loss: number;
  delay: Percentiles;
  delayBySource: Percentiles[];
  probe: Percentiles;
  /** The worker's own count of ingress sequence gaps over the run, % of packets. */
  ingressLoss: number;
  /** Packets the proctor consumers sent that the receiver never got, over the run, %. */
  proctorEgressLoss: number;
  /** Packets the recording consumers sent that never reached a capture file, over the run, %. */
  recordingLoss: number;
  /** Datagrams the kernel dropped on full receive buffers, per process's sockets, whole run. */
  socketDrops: { worker: number; sfu: number; receiver: number };
  /** Packets in the capture files (a sanity check that recording ran). */
  recordedPackets: number;
  /** Worker RSS right after it started, before any room. */
  idleWorkerRssMb: number;
  /** Time to set up the rooms, transports, producers and consumers, s. */
  setupSeconds: number;
  replayLateP99Ms: number;
  /** Worker CPU % of every run of this student count (one unless --runs). */
  workerCpuRuns: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);
/** Late packets still in flight at the window's end get this long to arrive. */
const GRACE_MS = 1000;

export async function runOnce(mediasoup: Mediasoup, options: RunOptions): Promise<Row> {
  const replay = await Child.start<ReplayCommand, ReplayEvent>(new URL('./replay.ts', import.meta.url));
  const receiver = await Child.start<ReceiverCommand, ReceiverEvent>(
    new URL('./proctor-receiver.ts', import.meta.url),
  );
  const recordingsDir = await mkdtemp(join(tmpdir(), 'adal-bench-sfu-recordings-'));
  let load: SittingLoad | undefined;
  try {
    const setupStart = performance.now();
    load = await SittingLoad.start(mediasoup, {
      students: options.students,
      perSitting: options.perSitting,
      simulcast: options.simulcast,
      proctorNack: options.proctorNack,
      replayPort: replay.ready.port,
      receiverPort: receiver.ready.port,
      recordingsDir,
    });
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const startUs = monoUs() + options.warmupSeconds * 1e6;
    const window = { startUs, endUs: startUs + options.seconds * 1e6 };
    receiver.child.send({ type: 'window', window, sources: SOURCES.length });
    replay.child.send({
      type: 'start',
      clips: options.clips,
      targets: load.targets,
      probePort: receiver.ready.port,
      window,
    });
    await sleep((window.startUs - monoUs()) / 1000);
    const cpu = new CpuMeter([load.worker.pid, 'self', replay.child.pid, receiver.child.pid]);
    await sleep((window.endUs - monoUs()) / 1000);
    const used = cpu.read();
    const [workerCpu = 0, sfuCpu = 0, replayCpu = 0, receiverCpu = 0] = used.processes;
    // Live heap, not garbage waiting for a collection (node --expose-gc; after the CPU window).
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    const workerRssMb = rssMb(load.worker.pid);
    await sleep(GRACE_MS);
    // The replay stops sending before it reports; the receiver reports once nothing is on its way
    // (sorting the delays stalls it, which must not drop packets of a still running stream).
    const sent = (await replay.child.ask({ type: 'report' }, 'report')).report;
    await replay.child.stop();
    await sleep(300);
    const got = (await receiver.child.ask({ type: 'report' }, 'report')).report;
    const ingress = await receivedPackets(load.producers);
    const proctorSent = await sentPackets(load.proctorConsumers);
    const drops = [load.worker.pid, 'self' as const, receiver.child.pid].map(udpDrops);
    const recording = await load.finishRecording();
    return {
      students: options.students,
      sittings: load.rooms.length,
      streams: load.producers.length,
      seconds: options.seconds,
      ...rates(sent, options),
      workerCpu,
      sfuCpu,
      replayCpu,
      receiverCpu,
      otherCpu: used.machineBusy - workerCpu - sfuCpu - replayCpu - receiverCpu,
      stealCpu: used.machineSteal,
      workerRssMb,
      sfuRssMb: memory.rss / 2 ** 20,
      sfuHeapMb: memory.heapUsed / 2 ** 20,
      ...losses(sent, got),
      ingressLoss: percent(ingress.lost, ingress.packets + ingress.lost),
      proctorEgressLoss: percent(proctorSent - got.total, proctorSent),
      recordingLoss: percent(recording.sent - recording.captured, recording.sent),
      recordedPackets: recording.captured,
      socketDrops: { worker: drops[0] ?? 0, sfu: drops[1] ?? 0, receiver: drops[2] ?? 0 },
      idleWorkerRssMb: load.idleWorkerRssMb,
      setupSeconds,
      replayLateP99Ms: sent.lateP99Ms,
      workerCpuRuns: [workerCpu],
    };
  } finally {
    load?.close();
    await replay.child.stop();
    await receiver.child.stop();
    await rm(recordingsDir, { recursive: true, force: true });
  }
}

/**
 * Of several runs, the one measured on the quietest machine (least CPU used by other processes in
 * its window), carrying every run's worker CPU so the report can show the spread.
 */
export function quietestRun(runs: Row[]): Row {
  const quietest = [...runs].sort((a, b) => a.otherCpu - b.otherCpu)[0] as Row;
  return { ...quietest, workerCpuRuns: runs.map((r) => r.workerCpu) };
}

function rates(sent: ReplayReport, options: RunOptions) {
  const packets = sent.packets.reduce((a, b) => a + b, 0);
  const bytes = sent.bytes.reduce((a, b) => a + b, 0);
  return {
    packetsPerSecondIn: packets / options.seconds,
    upstreamKbps: (bytes * 8) / 1000 / options.seconds / options.students,
  };
}

function losses(sent: ReplayReport, got: ReceiverReport) {
  const lossBySource = sent.packets.map((n, i) => percent(n - (got.packets[i] ?? 0), n));
  const total = sent.packets.reduce((a, b) => a + b, 0);
  const received = got.packets.reduce((a, b) => a + b, 0);
  return {
    lossBySource,
    loss: percent(total - received, total),
    delay: got.delayAll,
    delayBySource: got.delay,
    probe: got.probe,
  };
}
