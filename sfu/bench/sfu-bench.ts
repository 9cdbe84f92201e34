/**
 * Issue 3's SFU benchmark: synthetic students forwarded to one proctor consumer per source plus
 * recording, on one mediasoup worker, at 25/50/100/200 students. Prints a markdown table and
 * writes it into BENCHMARKS.md (its own section, between `<!-- bench:sfu -->` markers).
 *
 *   npm run bench:sfu [-- --students 25,50,100,200 --seconds 30 --warmup 8 --per-sitting 25
 *                         --simulcast on|off --proctor-nack on|off --runs 1 --no-write]
 *
 * See README.md in this folder for what runs where.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadMediasoup } from '../src/load-mediasoup.js';
import { ensureClips, loadClip, SOURCES, type SourceSpec } from './clips.js';
import { quietestRun, type Row, runOnce } from './measure.js';
import { section, writeSection } from './report.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const STUDENTS = arg('students', '25,50,100,200').split(',').map(Number);
const SECONDS = Number(arg('seconds', '30'));
const WARMUP = Number(arg('warmup', '8'));
const PER_SITTING = Number(arg('per-sitting', '25'));
const SIMULCAST = arg('simulcast', 'on') !== 'off';
const PROCTOR_NACK = arg('proctor-nack', 'on') !== 'off';
/** Runs per student count; the table shows the one on the quietest machine (a shared machine is noisy). */
const RUNS = Number(arg('runs', '1'));
const WRITE = !argv.includes('--no-write');
const BENCHMARKS = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));

if ([...STUDENTS, SECONDS, WARMUP, PER_SITTING, RUNS].some((n) => !Number.isFinite(n) || n <= 0)) {
  console.error(
    'usage: sfu-bench.ts [--students 25,50,100,200] [--seconds 30] [--warmup 8] [--per-sitting 25] [--runs 1]',
  );
  process.exit(2);
}

const clipFiles = await ensureClips();
const clips = await Promise.all(clipFiles.map((file, i) => loadClip(file, SOURCES[i] as SourceSpec)));
const mediasoup = await loadMediasoup();
const rows: Row[] = [];
for (const students of STUDENTS) {
  const runs: Row[] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.error(`bench:sfu: ${students} students, run ${run}/${RUNS} …`);
    const row = await runOnce(mediasoup, {
      students,
      perSitting: PER_SITTING,
      simulcast: SIMULCAST,
      proctorNack: PROCTOR_NACK,
      warmupSeconds: WARMUP,
      seconds: SECONDS,
      clips: clipFiles,
    });
    console.error(JSON.stringify(row));
    runs.push(row);
  }
  rows.push(quietestRun(runs));
}

const command =
  process.env.npm_lifecycle_event === 'bench:sfu'
    ? `npm run bench:sfu${argv.length ? ` -- ${argv.join(' ')}` : ''}`
    : `node --expose-gc --import tsx sfu/bench/sfu-bench.ts ${argv.join(' ')}`.trim();
const markdown = section(rows, {
  date: new Date().toISOString().slice(0, 10),
  cores: availableParallelism(),
  cpuModel: /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown CPU',
  node: process.version,
  mediasoup: mediasoup.version,
  command,
  seconds: SECONDS,
  warmupSeconds: WARMUP,
  perSitting: PER_SITTING,
  simulcast: SIMULCAST,
  proctorNack: PROCTOR_NACK,
  runs: RUNS,
  clips,
});
console.log(markdown);
if (WRITE) {
  await writeSection(BENCHMARKS, markdown);
  console.error(`bench:sfu: written to ${BENCHMARKS}`);
}
process.exit(0);
