/** The benchmark's markdown section: what ran, two tables, and whether the goal holds. */
import type { Options } from './options.js';
import type { BenchPhoto } from './photos.js';
import type { RateResult } from './processing-rate.js';
import type { LoadResult } from './upload-load.js';

export interface Machine {
  date: string;
  cores: number;
  cpuModel: string;
  node: string;
  vips: string;
  postgres: string;
  command: string;
}

const NOTES =
  'Notes: the stored JPEG is at most 3000 px on its long side (≈ 256 dpi along an A4 sheet), quality 85 without optimised Huffman tables — about a third less CPU than full size with optimised tables, for handwriting that stays readable. A page\'s time is mostly its wait in the queue (one photo per core at a time), which also bounds the memory: every upload streams to disk and sharp reads the file. "Network errors resumed" are connections lost mid-request (Node closes idle keep-alive connections after 5 s; a request that reuses one at that moment fails); the client resumed as tus-js-client does (HEAD, then PATCH from the server\'s offset). The goal is CPU-bound: more cores (or a second server process on another machine) raise the rate in proportion.';

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const count = (n: number) => n.toLocaleString('en-US');
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

/** Seconds a sitting of `students` × `pages` photos would take at a rate of photos per second. */
const projected = (o: Options, rate: number) => (o.goalStudents * o.pages) / rate;

export function goalVerdict(o: Options, rate: RateResult, load: LoadResult | undefined) {
  const photos = o.goalStudents * o.pages;
  const throughHttp = load ? projected(o, load.photosPerSecond) : undefined;
  const fromCpu =
    (photos * (load ? load.cpu.serverSeconds / load.photos : rate.parallel.cpuPerPhoto)) /
    rate.parallel.cores;
  const seconds = throughHttp ?? projected(o, rate.parallel.photosPerSecond);
  const fromPart1 = (photos * rate.sequential.cpuPerPhoto) / rate.parallel.cores;
  return { photos, seconds, fromCpu, fromPart1, holds: seconds < o.goalSeconds };
}

export function section(
  m: Machine,
  o: Options,
  photos: BenchPhoto[],
  rate: RateResult,
  load: LoadResult | undefined,
): string {
  const sizes = photos.map((p) => p.bytes.length / 1e6);
  const goal = goalVerdict(o, rate, load);
  const lines = [
    `## Answer-sheet photos: processing rate and ${load ? `${load.students} students uploading at once` : 'the processing step'} (\`npm run bench:uploads\`) — ${m.date}`,
    '',
    `Machine: ${m.cores} cores, ${m.cpuModel}; Node ${m.node}; sharp with libvips ${m.vips} (one libvips thread per image on glibc); PostgreSQL ${m.postgres}.`,
    `Command: \`${m.command}\`. Photos: ${photos.length} synthetic phone photos of a handwritten A4 page on a desk, 4000 × 3000, JPEG quality 90–97 with sensor noise and camera EXIF with GPS, ${f(Math.min(...sizes))}–${f(Math.max(...sizes))} MB (mean ${f(sizes.reduce((a, b) => a + b, 0) / sizes.length)} MB); every other one stored landscape with EXIF orientation 6 (a portrait shot, as phones store it), the others upright.`,
    '',
    `**Processing step** (in the benchmark's process, no HTTP or database): sniff the type, SHA-256 of the original, decode, turn upright, strip metadata, store a JPEG (quality 85, at most 3000 px on the long side), a 1000 px copy for the sharpness (variance of the Laplacian) and the 320 px thumbnail, SHA-256 of the stored image — the server's own \`renderSheet\`. ${rate.photos} photos one at a time, then the same through the server's queue (${rate.parallel.cores} at a time).`,
    '',
    '| CPU s per photo (upright / EXIF 6) | photos per CPU-second (one core) | one at a time: s per photo | queue of ' +
      rate.parallel.cores +
      ': photos/s | peak RSS MB | stored JPEG MB | sharpness min–max |',
    '|---|---|---|---|---|---|---|',
    `| **${f(rate.sequential.cpuPerPhoto, 2)}** (${f(rate.sequential.byOrientation['orientation 1'] ?? Number.NaN, 2)} / ${f(rate.sequential.byOrientation['orientation 6'] ?? Number.NaN, 2)}) | **${f(1 / rate.sequential.cpuPerPhoto, 2)}** | ${f(rate.sequential.wallPerPhoto, 2)} | **${f(rate.parallel.photosPerSecond, 2)}** | ${f(rate.maxRssMb, 0)} | ${f(rate.storedMb, 2)} | ${f(Math.min(...rate.sharpness), 0)}–${f(Math.max(...rate.sharpness), 0)} |`,
    '',
  ];
  if (load) {
    const failures = Object.entries(load.failures);
    const resumed = Object.entries(load.resumed);
    lines.push(
      `**Upload run**: one server process (\`server/src/main.ts\`, \`NODE_ENV=production\`, PostgreSQL + Redis, its own \`DATA_DIR\`), a fresh database with ${load.students} students admitted to a written exam (sessions written to the database). All students start together; each sends its ${load.pages} pages one after another, each page a tus upload (POST, then the whole photo in one PATCH, as tus-js-client does) of a different photo. Server RSS sampled every 200 ms and the kernel's high-water mark (VmHWM); CPU from \`/proc\`.`,
      '',
      '| students × pages | photos stored | MB uploaded | wall s | photos/s | page p50 / p95 / max s | failed pages; network errors resumed | server RSS idle / peak / high-water MB | server CPU s (per photo) | postgres CPU s | other work CPU s | machine busy | load average start → end |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      `| ${load.students} × ${load.pages} | ${count(load.stored)} of ${count(load.photos)} | ${count(Math.round(load.uploadedMb))} | **${f(load.wallSeconds)}** | **${f(load.photosPerSecond, 2)}** | ${f(load.latency.p50)} / ${f(load.latency.p95)} / ${f(load.latency.max)} | ${failures.length ? failures.map(([k, v]) => `${k} × ${v}`).join(', ') : 'none'}; ${resumed.length ? resumed.map(([k, v]) => `${k} × ${v}`).join(', ') : 'none'} | ${f(load.rss.idleMb, 0)} / **${f(load.rss.peakSampledMb, 0)}** / ${f(load.rss.highWaterMb, 0)} | ${f(load.cpu.serverSeconds)} (${f(load.cpu.serverSeconds / load.photos, 2)}) | ${f(load.cpu.postgresSeconds)} | ${f(load.cpu.otherSeconds)} | ${f((100 * load.cpu.machineBusySeconds) / (load.wallSeconds * m.cores), 0)} % | ${loads(load.loadAverage.start)} → ${loads(load.loadAverage.end)} |`,
      '',
    );
  }
  const verdict = goal.holds
    ? 'holds'
    : Math.min(goal.fromCpu, goal.fromPart1) < o.goalSeconds
      ? 'not in this run on the shared machine; by CPU alone it would on an idle one'
      : 'does not hold';
  lines.push(
    `**Goal** (a ${o.goalStudents}-student sitting's ${count(goal.photos)} photos processed in under ${o.goalSeconds / 60} minutes on this machine): **${verdict}**. At the ${load ? 'upload run' : 'queue'}'s rate the ${count(goal.photos)} photos take ≈ ${f(goal.seconds, 0)} s (${f(goal.seconds / 60)} min); at the server's CPU per photo with both of its ${rate.parallel.cores} cores free of other work ≈ ${f(goal.fromCpu, 0)} s (${f(goal.fromCpu / 60)} min); at part 1's CPU per photo (processing only) ≈ ${f(goal.fromPart1, 0)} s.${load ? ` Other work on the machine used ${f(load.cpu.otherSeconds, 0)} CPU s during the run.` : ''}`,
  );
  lines.push('', NOTES);
  return lines.join('\n');
}
