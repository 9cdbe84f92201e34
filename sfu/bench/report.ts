/** The benchmark's markdown: the table, what each column means, and whether issue 3's goal is met. */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Clip } from './clips.js';
import { SOURCES } from './clips.js';
import type { Percentiles } from './ipc.js';
import type { Row } from './measure.js';

export interface Context {
  date: string;
  cores: number;
  cpuModel: string;
  node: string;
  mediasoup: string;
  command: string;
  seconds: number;
  warmupSeconds: number;
  perSitting: number;
  simulcast: boolean;
  proctorNack: boolean;
  runs: number;
  clips: Clip[];
}

/** Issue 3: ≥ 200 students (webcam + screen, recorded) per worker core. */
const GOAL_STUDENTS = 200;
/** Loss above this (end to end, or into the recording) is called out next to the verdict. */
const MAX_LOSS_PERCENT = 1;
/** Other processes using more than this (% of one core) in the window make the numbers suspect. */
const BUSY_MACHINE_PERCENT = 50;
const CORES = availableParallelism();

const f = (n: number, digits = 1) => n.toFixed(digits);
const ms = (p: Percentiles) => `${f(p.p50, 2)} / ${f(p.p95, 2)} / ${f(p.p99, 2)}`;

/** The shown run's worker CPU, with the range over runs when there was more than one. */
function workerCpuCell(r: Row): string {
  if (r.workerCpuRuns.length < 2) return `**${f(r.workerCpu)}**`;
  return `**${f(r.workerCpu)}** (${f(Math.min(...r.workerCpuRuns))}–${f(Math.max(...r.workerCpuRuns))})`;
}

export function table(rows: Row[]): string[] {
  return [
    '| students | sittings | streams in → out | RTP in (pkt/s) | upstream per student (kbit/s) | worker CPU % | SFU process CPU % | worker RSS MB | SFU RSS / heap MB | lost to proctor % (webcam / mic / screen) | lost to recording % | delay via SFU p50 / p95 / p99 ms | without SFU p50 / p95 / p99 ms | replay / receiver / other CPU % |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows
      .map((r) =>
        [
          r.students,
          r.sittings,
          `${r.streams} → ${2 * r.streams}`,
          f(r.packetsPerSecondIn, 0),
          f(r.upstreamKbps),
          workerCpuCell(r),
          f(r.sfuCpu),
          f(r.workerRssMb),
          `${f(r.sfuRssMb, 0)} / ${f(r.sfuHeapMb, 0)}`,
          `${f(r.loss, 2)} (${r.lossBySource.map((l) => f(l, 2)).join(' / ')})`,
          f(r.recordingLoss, 2),
          ms(r.delay),
          ms(r.probe),
          `${f(r.replayCpu)} / ${f(r.receiverCpu)} / ${f(r.otherCpu)}`,
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
}

/** Where packets went missing and what the worker's memory is made of (whole run unless noted). */
export function detailTable(rows: Row[]): string[] {
  return [
    '| students | set-up s | idle worker RSS MB | worker RSS MB per student | lost into worker % | lost worker → proctor % | lost worker → recording % | socket drops worker / SFU / receiver | recorded packets | replay late p99 ms | steal CPU % |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${[
          r.students,
          f(r.setupSeconds),
          f(r.idleWorkerRssMb),
          f((r.workerRssMb - r.idleWorkerRssMb) / r.students, 2),
          f(r.ingressLoss, 2),
          f(r.proctorEgressLoss, 2),
          f(r.recordingLoss, 2),
          `${r.socketDrops.worker} / ${r.socketDrops.sfu} / ${r.socketDrops.receiver}`,
          r.recordedPackets,
          f(r.replayLateP99Ms),
          f(r.stealCpu),
        ].join(' | ')} |`,
    ),
  ];
}

export function goal(rows: Row[]): string {
  const row = rows.find((r) => r.students === GOAL_STUDENTS);
  if (!row) return `Goal (${GOAL_STUDENTS} students per worker core): not measured in this run.`;
  const perCore = Math.floor((row.students * 100) / Math.max(row.workerCpu, 0.01));
  const verdict = row.workerCpu < 100 ? '**met**' : '**not met**';
  const loss = Math.max(row.loss, row.recordingLoss);
  return [
    `**Goal** (issue 3: ≥ ${GOAL_STUDENTS} students — webcam + screen + microphone, forwarded and recorded — per worker core): ${verdict}.`,
    `At ${row.students} students the worker used **${f(row.workerCpu)} % of one core**${row.workerCpuRuns.length > 1 ? ` (${f(Math.min(...row.workerCpuRuns))}–${f(Math.max(...row.workerCpuRuns))} % over ${row.workerCpuRuns.length} runs)` : ''}; if the cost stays linear one core carries ≈ ${perCore} students.`,
    `Recording's capture runs in the SFU's Node process, which used another ${f(row.sfuCpu)} % of a core.`,
    loss > MAX_LOSS_PERCENT
      ? `Packets were lost at ${row.students} students (${f(row.loss, 2)} % to the proctor, ${f(row.recordingLoss, 2)} % to the recording) while other work on the machine used ${f(row.otherCpu)} % of a core: see the second table for where.`
      : `Loss at ${row.students} students stayed ≤ ${MAX_LOSS_PERCENT} % (${f(row.loss, 2)} % to the proctor, ${f(row.recordingLoss, 2)} % to the recording).`,
    row.otherCpu > BUSY_MACHINE_PERCENT
      ? `Caution: other work used ${f(row.otherCpu)} % of a core of this ${CORES}-core machine during that window, so every process here competed for CPU; loss and delay in particular are the machine's, not only the SFU's.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function section(rows: Row[], ctx: Context): string {
  const upstream = ctx.clips.reduce((n, c) => n + c.kbps, 0);
  const sources = SOURCES.map((s, i) => `${s.label} (clip: ${f(ctx.clips[i]?.kbps ?? 0)} kbit/s of RTP)`);
  const webcam = ctx.simulcast
    ? 'The webcam producer is simulcast with 3 encodings of which only r0 is sent (the production default: upstream follows demand), so its consumers are SimulcastConsumers.'
    : 'The webcam producer has one encoding (`--simulcast off`), so its consumers are SimpleConsumers.';
  const nack = ctx.proctorNack
    ? 'Proctor video consumers negotiate NACK/PLI/FIR as a browser does (so the worker keeps a retransmission buffer for each); recording consumers negotiate no feedback, as in production.'
    : 'Proctor consumers negotiate no NACK (`--proctor-nack off`, unlike browsers): no retransmission buffers.';
  return [
    `## SFU forwarding + recording at ${rows.map((r) => r.students).join('/')} students (issue #3, \`npm run bench:sfu\`) — ${ctx.date}`,
    '',
    `Machine: ${ctx.cores} cores (\`nproc\`), ${ctx.cpuModel}; Node ${ctx.node}; mediasoup ${ctx.mediasoup}, one worker.`,
    `Command: \`${ctx.command}\` — per student count a fresh worker, rooms and child processes, ${ctx.warmupSeconds} s warm-up, then a ${ctx.seconds} s measurement window, then tear-down${ctx.runs > 1 ? `; ${ctx.runs} runs per count, the table shows the run whose window had the least CPU used by other processes (a shared machine) and, in brackets, the worker CPU range over all runs` : ''}.`,
    '',
    `**Synthetic students** (no browser): one ffmpeg-encoded clip per source, looped by a child process from one UDP socket into a PlainTransport per student, each stream with its own SSRC and an 8-byte send stamp in the RTP padding (mediasoup forwards padding untouched). Per student: ${sources.join('; ')}. **Upstream per student: ${f(upstream)} kbit/s** of RTP (header + payload), ${f(rows[0]?.upstreamKbps ?? 0)} kbit/s as sent with the stamp; the issue's budget is ≤ 300 kbit/s.`,
    '',
    `**SFU side** (production classes): one router + \`SittingRoom\` per sitting of ${ctx.perSitting} students, students as \`Peer\`s, \`Recordings\` attached to every room (PlainTransport → one UDP socket in the SFU process → capture files, 10 min segments). Every student source — webcam, microphone **and** screen — is forwarded to one proctor consumer (created paused on the grid layer, resumed, key frames asked at +0.5/+1.5 s, as \`media:consume\`/\`media:resumeConsumer\` do) on one PlainTransport per sitting that sends to a receiver in a separate process, and recorded. ${webcam} ${nack}`,
    '',
    ...table(rows),
    '',
    goal(rows),
    '',
    ...detailTable(rows),
    '',
    'Columns:',
    '- **streams in → out**: producers (3 per student) → consumers (each producer: one proctor consumer, one recording consumer).',
    '- **RTP in**, **upstream per student**: packets/s and kbit/s the synthetic students sent in the window (RTP header + payload + stamp; no UDP/IP headers).',
    '- **worker CPU %**: the mediasoup worker process over the window (`/proc/<pid>/stat` user + system), % of one core. **SFU process CPU %**: the Node process that runs the rooms and the recording capture. Memory at the end of the window: worker VmRSS; SFU process RSS and V8 heap used.',
    '- **lost to proctor %**: packets the replay sent with a send time inside the window that the proctor receiver never got, in total and per source. **lost to recording %** (whole run): packets the recording consumers sent (mediasoup stats) that are not in the capture files.',
    '- **delay via SFU**: one-way delay replay → worker → proctor receiver, send stamp to receive time on the monotonic clock all processes share. **without SFU**: a probe (200/s) the replay sends straight to the same receiver socket in the same window: the floor of two busy Node processes on loopback; the SFU adds the difference.',
    '- **replay / receiver / other CPU %**: the synthetic students and the proctor receiver (not SFU cost), and everything else the machine ran in the window (other work on a shared machine: noise).',
    "- Second table (whole run): set-up time; worker RSS before any room and added per student; packets the worker saw missing on ingress (sequence gaps, producer stats), proctor consumers' packets the receiver never got, recording consumers' packets missing from the capture files; datagrams the kernel dropped because a socket's receive buffer was full (`/proc/net/udp` drops) on the worker's sockets, the SFU process's (the recording socket) and the proctor receiver's; how late the replay sent against the clip schedule; CPU stolen by the hypervisor.",
    '',
    'Not modelled: DTLS/SRTP, ICE and transport-cc/REMB bandwidth estimation (browsers use them; here PlainTransports carry plain RTP), retransmissions (the receiver sends no RTCP), webcam layers r1/r2 (sent only while a watcher wants them), more than one watcher per sitting.',
  ].join('\n');
}

const START = '<!-- bench:sfu -->';
const END = '<!-- /bench:sfu -->';

/** Replaces this benchmark's section of BENCHMARKS.md (between its markers), or appends it. */
export async function writeSection(file: string, markdown: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${START}\n${markdown}\n${END}`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}
