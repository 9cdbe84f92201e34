/** The benchmark's two markdown tables, one column definition per column so header and cells agree. */
import type { LevelResult } from './level-result.js';

type Column = [header: string, cell: (r: LevelResult) => string | number];

export const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : n > 0 ? 'no ack' : '–');
export const count = (n: number) => n.toLocaleString('en-US');
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
export const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} × ${v}`)
    .join(', ');

export const errorCount = (r: LevelResult) => total(r.errorCodes) + total(r.joinErrors);
export const equal = (r: LevelResult) => r.verification.acked === r.verification.stored;

export function otherCpu(r: LevelResult): number {
  const m = r.cpu.mean;
  return Math.max(0, m.machine - m.server - m.postgres - m.redis - m.generators);
}

/** Mean CPU % of one core × 10 = CPU ms per second; divided by answers per second. */
const cpuPerAnswer = (r: LevelResult) =>
  (['server', 'postgres', 'generators'] as const)
    .map((g) => f((r.cpu.mean[g] * 10) / r.answersPerSecond, 2))
    .join(' / ');

/** Busy connections of the server's pool and what the busy ones mostly waited on. */
function pgBusy(r: LevelResult): string {
  const a = r.pgActivity;
  const waits = a.waits
    .filter(([, share]) => share >= 0.05)
    .slice(0, 3)
    .map(([k, share]) => `${k} ${f(share * 100, 0)} %`)
    .join(', ');
  const vacuum = a.autovacuumShare ? `; autovacuum ran ${f(a.autovacuumShare * 100, 0)} % of the window` : '';
  return `${f(a.busyMean)} / ${a.busyMax} of ${a.connections}${waits ? ` (${waits})` : ''}${vacuum}`;
}

const MAIN: Column[] = [
  ['students', (r) => count(r.students)],
  ['answers/s', (r) => f(r.answersPerSecond)],
  [
    'ack p50 / p95 / p99 / max ms',
    ({ latency: l }) => `${f(l.p50)} / ${f(l.p95)} / **${f(l.p99)}** / ${f(l.max)}`,
  ],
  ['errors', errorCount],
  ['timeouts', (r) => r.timeouts],
  ['acked', (r) => count(r.verification.acked)],
  ['stored', (r) => count(r.verification.stored)],
  ['equal?', (r) => (equal(r) ? 'yes' : '**no**')],
  ['server CPU mean / max %', (r) => `${f(r.cpu.mean.server)} / ${f(r.cpu.max.server)}`],
  ['server RSS max MB', (r) => f(r.cpu.serverRssMaxMb, 0)],
  ['postgres CPU %', (r) => f(r.cpu.mean.postgres)],
  ['redis CPU %', (r) => f(r.cpu.mean.redis)],
  ['generators CPU %', (r) => f(r.cpu.mean.generators)],
  ['other CPU %', (r) => f(otherCpu(r))],
];

const DETAIL: Column[] = [
  ['students', (r) => count(r.students)],
  ['set-up s', (r) => f(r.setupSeconds)],
  [
    'attempts started/s (p50 / p99 ms)',
    (r) => `${f(r.startsPerSecond, 0)} (${f(r.startLatency.p50, 0)} / ${f(r.startLatency.p99, 0)})`,
  ],
  ['socket connect p50 / p99 ms', (r) => `${f(r.connectLatency.p50, 0)} / ${f(r.connectLatency.p99, 0)}`],
  ['worst 5 s of the window: ack p99 ms', (r) => f(r.worstSliceP99Ms)],
  [
    'window began after the ramp',
    (r) => `${f(r.windowAfterRampSeconds)} s${r.steady ? '' : ' (**not steady**)'}`,
  ],
  ['ack p99 / max before the window ms', (r) => `${f(r.joiningLatency.p99)} / ${f(r.joiningLatency.max)}`],
  ['answers acked (ok)', (r) => count(r.okAcks)],
  ['late acks', (r) => r.lateAcks],
  ['disconnects', (r) => r.disconnects],
  ['CPU ms per answer: server / postgres / generators', cpuPerAnswer],
  ['DB transactions per answer', (r) => f(r.transactionsPerAnswer, 2)],
  ['server’s PG connections busy mean / max (waits)', pgBusy],
  [
    'rows: exact / newer / never acked',
    ({ verification: v }) => `${count(v.exact)} / ${count(v.stored - v.exact)} / ${count(v.unackedRows)}`,
  ],
  ['generator loop delay p99 ms', (r) => f(r.generatorLoopDelayP99Ms)],
  ['server warnings', (r) => list(r.serverComplaints) || 'none'],
];

function table(columns: Column[], rows: LevelResult[]): string[] {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map(([header]) => header)),
    line(columns.map(() => '---')).replaceAll(' ', ''),
    ...rows.map((r) => line(columns.map(([, cell]) => cell(r)))),
  ];
}

export const mainTable = (rows: LevelResult[]) => table(MAIN, rows);
export const detailTable = (rows: LevelResult[]) => table(DETAIL, rows);
