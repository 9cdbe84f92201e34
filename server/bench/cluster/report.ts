/** The benchmark's markdown: one row per configuration, side by side, and what the columns mean. */
import { type Percentiles, percentiles } from '../load/percentiles.js';
import { count, f, list } from '../load/report-tables.js';
import type { ConfigResult } from './configuration.js';
import type { ClusterOptions } from './options.js';

/** Issue 9: a violation raised on one process reaches a proctor on another within a second. */
export const DELIVERY_GOAL_MS = 1000;

export interface ClusterContext {
  date: string;
  cores: number;
  cpuModel: string;
  node: string;
  postgres: string;
  redis: string;
  command: string;
  options: ClusterOptions;
}

type Column = [header: string, cell: (r: ConfigResult) => string | number];

const ms = (p: Percentiles) =>
  p.count ? `${f(p.p50, 0)} / ${f(p.p95, 0)} / ${f(p.max, 0)} (${p.count})` : '–';
const cross = (r: ConfigResult) =>
  percentiles([...r.delivery.latencies.violation.cross, ...r.delivery.latencies.flag.cross]);
const same = (r: ConfigResult) =>
  percentiles([...r.delivery.latencies.violation.same, ...r.delivery.latencies.flag.same]);
const errorCount = (r: ConfigResult) =>
  Object.values(r.errors).reduce((a, b) => a + b, 0) +
  Object.values(r.extras.flagErrors).reduce((a, b) => a + b, 0) +
  Object.values(r.delivery.raiseErrors).reduce((a, b) => a + b, 0);
const serverCpu = (r: ConfigResult) =>
  Array.from({ length: r.processes }, (_, i) => f(r.cpu[`server ${i + 1}`] ?? 0, 0)).join(' + ');
const split = (values: number[], digits = 0) => values.map((v) => f(v, digits)).join(' / ');
/** The machine's CPU not used by any process of the benchmark: other work on the shared machine. */
export const otherCpu = (r: ConfigResult) =>
  Math.max(
    0,
    (r.cpu.machine ?? 0) - Object.entries(r.cpu).reduce((a, [k, v]) => (k === 'machine' ? a : a + v), 0),
  );

const MAIN: Column[] = [
  ['server processes', (r) => r.processes],
  ['students', (r) => count(r.students)],
  ['answers acked/s', (r) => f(r.ackedPerSecond)],
  [
    'ack p50 / p95 / p99 / max ms',
    ({ latency: l }) => `${f(l.p50)} / ${f(l.p95)} / **${f(l.p99)}** / ${f(l.max)}`,
  ],
  [
    'flags/s (HTTP p50 / p99 ms; skipped)',
    (r) =>
      `${f(r.flagsPerSecond)} (${f(r.flagLatency.p50, 0)} / ${f(r.flagLatency.p99, 0)}; ${count(r.extras.flagsSkipped)})`,
  ],
  ['API requests/s', (r) => f(r.requestsPerSecond)],
  ['errors / timeouts', (r) => `${errorCount(r)} / ${r.timeouts}`],
  ['acked = stored', (r) => (r.verification.acked === r.verification.stored ? 'yes' : '**no**')],
  ['violation → other process p50 / p95 / max ms (n)', (r) => `**${ms(cross(r))}**`],
  ['same process p50 / p95 / max ms (n)', (r) => ms(same(r))],
  ['extra for the other process p50 / p95 / max ms', (r) => ms(percentiles(r.delivery.hop))],
  ['server CPU % (each)', serverCpu],
  ['proxy CPU %', (r) => f(r.cpu.proxy ?? 0, 0)],
  ['postgres CPU %', (r) => f(r.cpu.postgres ?? 0, 0)],
  ['machine / other CPU %', (r) => `${f(r.cpu.machine ?? 0, 0)} / ${f(otherCpu(r), 0)}`],
];

const SPLIT: Column[] = [
  ['server processes', (r) => r.processes],
  ['window steady?', (r) => (r.steady ? 'yes' : '**no**')],
  ['API requests/s per process', (r) => split(r.requestsPerProcess, 1)],
  ['student + proctor websockets per process', (r) => split(r.socketsPerProcess)],
  [
    'flag episodes / log entries heard by the watcher on each process',
    (r) => r.delivery.heard.map((h) => `${count(h.flagEpisodes)} / ${count(h.logEntries)}`).join(' · '),
  ],
  [
    'missed deliveries (other / same process)',
    (r) => `${r.delivery.missing.cross} / ${r.delivery.missing.same}`,
  ],
  ['media tokens → SFU nodes', (r) => r.sfu.map((n) => `${n.nodeId} ${count(n.tokens)}`).join(', ')],
  ['SFU peers / rooms announced', (r) => r.sfu.map((n) => `${n.nodeId} ${n.peers} / ${n.rooms}`).join(', ')],
  ['SFU CPU %', (r) => r.sfu.map((n) => `${n.nodeId} ${f(r.cpu[n.nodeId] ?? 0, 0)}`).join(', ')],
  [
    'generators / extras + runner / redis CPU %',
    (r) => `${f(r.cpu.generators ?? 0, 0)} / ${f(r.cpu.extras ?? 0, 0)} / ${f(r.cpu.redis ?? 0, 0)}`,
  ],
  [
    'by kind: violation · flag → other process p50 / max ms',
    (r) => {
      const v = percentiles(r.delivery.latencies.violation.cross);
      const fl = percentiles(r.delivery.latencies.flag.cross);
      return v.count + fl.count ? `${f(v.p50, 0)} / ${f(v.max, 0)} · ${f(fl.p50, 0)} / ${f(fl.max, 0)}` : '–';
    },
  ],
  ['warnings', (r) => list(r.complaints) || 'none'],
];

function table(columns: Column[], rows: ConfigResult[]): string[] {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map(([h]) => h)),
    line(columns.map(() => '---')).replaceAll(' ', ''),
    ...rows.map((r) => line(columns.map(([, cell]) => cell(r)))),
  ];
}

function problemsList(rows: ConfigResult[]): string[] {
  const lines = rows.flatMap((r) => {
    const parts = [
      list(r.errors) && `answers and joining: ${list(r.errors)}`,
      list(r.extras.flagErrors) && `flags: ${list(r.extras.flagErrors)}`,
      list(r.extras.mediaErrors) && `media: ${list(r.extras.mediaErrors)}`,
      list(r.delivery.raiseErrors) && `probes: ${list(r.delivery.raiseErrors)}`,
    ].filter(Boolean);
    return parts.length
      ? [`- ${r.processes} process${r.processes > 1 ? 'es' : ''}: ${parts.join('; ')}.`]
      : [];
  });
  return lines.length ? ['Errors by kind:', ...lines, ''] : [];
}

export const mainTable = (rows: ConfigResult[]) => table(MAIN, rows);
export const splitTable = (rows: ConfigResult[]) => table(SPLIT, rows);

function verdict(rows: ConfigResult[]): string {
  const multi = rows.filter((r) => r.processes > 1);
  if (!multi.length)
    return '**Goal** (cross-process delivery ≤ 1 s): **not measured** — no run with two processes.';
  const worst = Math.max(...multi.map((r) => cross(r).max));
  const p95 = Math.max(...multi.map((r) => cross(r).p95));
  const hop = percentiles(multi.flatMap((r) => r.delivery.hop));
  const missed = multi.reduce((a, r) => a + r.delivery.missing.cross, 0);
  const ok = worst <= DELIVERY_GOAL_MS && missed === 0;
  const verdictText = ok
    ? 'met'
    : p95 <= DELIVERY_GOAL_MS && missed === 0
      ? 'met at p95, not at the maximum'
      : 'not met';
  return `**Goal** (issue 9: a violation raised on one process reaches a proctor on the other within ${DELIVERY_GOAL_MS} ms): **${verdictText}** — cross-process delivery p95 ${f(p95, 0)} ms, slowest ${f(worst, 0)} ms, ${missed} never delivered. Crossing to the other process itself (the socket.io Redis adapter) added p50 ${f(hop.p50, 0)} / p95 ${f(hop.p95, 0)} / max ${f(hop.max, 0)} ms over the watcher on the process that took the request; the rest of the time is the raising request itself (HTTP through the proxy, the log entry or flag episode written to PostgreSQL), which the same-process column shows as well.`;
}

function throughputNote(rows: ConfigResult[]): string {
  const one = rows.find((r) => r.processes === 1);
  const two = rows.find((r) => r.processes === 2);
  if (!one || !two) return '';
  const cpu = (r: ConfigResult) =>
    Array.from({ length: r.processes }, (_, i) => r.cpu[`server ${i + 1}`] ?? 0).reduce((a, b) => a + b, 0);
  return `With the same offered load, one process acknowledged ${f(one.ackedPerSecond)} answers/s at p99 ${f(one.latency.p99)} ms using ${f(cpu(one), 0)} % of a core; two processes ${f(two.ackedPerSecond)} answers/s at p99 ${f(two.latency.p99)} ms using ${f(cpu(two), 0)} % in all (${serverCpu(two)}). The throughput is set by the students, not by the servers: what a second process changes here is how the work (and the latency) splits, not how much gets done.${
    Math.max(otherCpu(one), otherCpu(two)) > 25
      ? ` Other work on this shared machine took ${f(otherCpu(one), 0)} % and ${f(otherCpu(two), 0)} % of a core during the two windows (column "other"): latency differences between the rows are partly that noise.`
      : ''
  }`;
}

export function section(ctx: ClusterContext, rows: ConfigResult[]): string {
  const o = ctx.options;
  return [
    `## Scale-out (npm run bench:cluster) — ${ctx.date}`,
    '',
    `Machine: **${ctx.cores} cores (\`nproc\`), shared** with PostgreSQL, Redis, both SFU nodes, the proxy and the load generators (and other work on this machine); ${ctx.cpuModel}; Node ${ctx.node}; PostgreSQL ${ctx.postgres}, Redis ${ctx.redis}. Two server processes on two shared cores cannot double throughput: every configuration runs the same offered load on the same cores, so the table shows how load and latency split, not a speed-up.`,
    `Command: \`${ctx.command}\`. Per configuration: a fresh database and Redis prefix; ${count(o.students)} students in two computer-test sittings (the load benchmark's sitting, split in two); **two SFU processes** (\`sfu/src/main.ts\`, one mediasoup worker each, recording off) announcing themselves in Redis; 1 or 2 **server processes** (\`server/src/main.ts\`, production mode, PostgreSQL + Redis adapter, \`SFU_MODE=external\`) behind the **front proxy** (\`server/bench/cluster/front-proxy.ts\`, own process, one port). Everything — students, proctors, probes — goes through the proxy.`,
    '',
    `**Load**: the load benchmark's simulated students (\`bench/load\`, ${o.generators} generator processes): each presses Next, connects over the websocket transport and answers every ${o.minGapSeconds}–${o.maxGapSeconds} s; the students connect over ${o.rampSeconds} s, and a ${o.seconds} s window starts once the load is steady. Besides answering, each student fetches a media token (the sittings were placed one per SFU node, as production places them: least-loaded node) and holds a signalling socket on that node, and reports an automatic flag every ~${o.flagGapSeconds} s (\`reportFlags\`). **Proctors**: proctor1 watches both sittings with one socket pinned to each server process. **Probes**: ${o.probesPerSecond} per second through the window, alternating a proctor's violation (\`raiseViolation\`) and a probe student's flag (\`reportFlags\`), each pinned to one process in turn; every watcher times its \`log:appended\` / \`flag:episode\` event from the moment the raising request was sent (so the request's own database work is included).`,
    '',
    '**Proxy routing**: round robin per new client — each API request and each websocket goes to the next process (requests and websockets take separate turns). The simulated clients are websocket-only (as in the load benchmark), so a socket lives on one process. Browsers start with HTTP long-polling: the proxy learns the engine.io session id from the polling handshake and sends every later request with that `sid` (polls and the websocket upgrade) to the same process — stickiness by session id, no cookie (the cluster test covers it). Sessions live in PostgreSQL, so any process serves any API call; broadcasts cross processes through the socket.io Redis adapter.',
    '',
    ...mainTable(rows),
    '',
    verdict(rows),
    '',
    throughputNote(rows),
    '',
    ...problemsList(rows),
    'Load split and details:',
    '',
    ...splitTable(rows),
    '',
    'Columns:',
    '- **answers acked/s**: answers sent in the window that got an ack, ÷ window seconds; **ack p50…max** over every answer sent in the window (no ack counts as slowest). **errors**: acks with `ok: false`, failed joins, refused or failed flags and probes, whole run; **timeouts**: answers without an ack within 10 s. **acked = stored**: every acknowledged (attempt, question) is in `answers`, read after the run.',
    '- **flags/s**: automatic flags accepted (202) in the window, with their HTTP latency; **skipped**: flags not sent, whole run, because 32 flag requests were already waiting (the flag load is bounded so an overloaded server is not buried under an ever-growing queue). **API requests/s**: every HTTP request the proxy passed on in the window (flags, probes), in all and per process.',
    '- **violation → other process**: probe deliveries (violations and flags together) raised through one server process and heard by the watcher socket on the other; **same process**: heard on the process that took the request. With one process every delivery is same-process. **extra for the other process**: per probe, the time at the other process’s watcher minus the time at the same process’s watcher — the hop through Redis alone. **missed**: deliveries that never came within 5 s after the window.',
    '- **CPU %** is of one core (200 % = the whole machine), mean over the window, from `/proc`: each server process, the proxy, each SFU node with its mediasoup worker, every `postgres` process, `redis-server`, the generators, the student-extras process together with the runner (proctor desk), the whole machine; **other**: the machine minus all of these — other work on the shared machine, noise in every column.',
    '- **websockets per process**: open at the end of the window (students and the watchers, one per process). **flag episodes / log entries heard**: events the watcher on each process received in the window — about equal on every process when broadcasts reach all of them.',
    "- **media tokens → SFU nodes**: the `sfuUrl` of every student's media token; **peers / rooms**: what each node last announced in Redis.",
  ].join('\n');
}
