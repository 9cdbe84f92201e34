/**
 * Part 2: N students upload their pages at once through the real tus endpoint of one server
 * process (production mode, PostgreSQL + Redis, its own data folder): each student creates an
 * upload per page (POST) and sends the photo in one PATCH, as tus-js-client does, page after page.
 * Measured: wall time, the server's RSS (sampled every 200 ms, and the kernel's high-water mark)
 * and CPU, PostgreSQL's CPU, every photo stored.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { onCleanup } from '../load/cleanup.js';
import { cpuSeconds, machineBusySeconds, pidsNamed, rssMb } from '../load/proc-stats.js';
import { followOutput } from '../load/server-process.js';
import { createBenchDatabase, deleteRedisPrefix, REDIS_URL } from '../load/services.js';
import type { BenchPhoto } from './photos.js';
import { createSheetSitting } from './sheet-sitting.js';
import { uploadPages } from './tus-student.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface LoadResult {
  students: number;
  pages: number;
  photos: number;
  uploadedMb: number;
  wallSeconds: number;
  photosPerSecond: number;
  /** One page: POST until the finishing PATCH answered, seconds. */
  latency: { p50: number; p95: number; max: number };
  failures: Record<string, number>;
  /** Network errors the students survived by resuming (tus-js-client's retries), by cause. */
  resumed: Record<string, number>;
  stored: number;
  rss: { idleMb: number; peakSampledMb: number; highWaterMb: number };
  cpu: { serverSeconds: number; postgresSeconds: number; otherSeconds: number; machineBusySeconds: number };
  loadAverage: { start: number[]; end: number[] };
}

/** The kernel's peak resident size of the process since it started (VmHWM), MB. */
function highWaterMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { complaints, output } = followOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup('stop the server', stop);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), 90_000);
    const check = setInterval(() => {
      const m = output().match(/Health: +(http:\/\/[^\s]+)\/api\/health/);
      if (!m?.[1]) return;
      clearInterval(check);
      clearTimeout(timer);
      resolve(m[1]);
    }, 100);
    void exited.then(() => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${child.exitCode}:\n${output()}`));
    });
  });
  return { pid: child.pid as number, baseUrl, complaints, stop };
}

export async function measureUploads(
  photos: BenchPhoto[],
  students: number,
  pages: number,
  log: (line: string) => void,
): Promise<LoadResult & { complaints: Map<string, number> }> {
  const database = await createBenchDatabase('adal_bench_sheets');
  onCleanup('drop the database', () => database.drop());
  const queuePrefix = `bench-${randomBytes(4).toString('hex')}`;
  onCleanup('delete the Redis keys', () => deleteRedisPrefix(queuePrefix));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-bench-sheets-'));
  onCleanup('remove the data folder', () => rmSync(dataDir, { recursive: true, force: true }));

  log(`  database ${database.name}: demo university + ${students} students admitted to a written exam`);
  const { sittingId, tokens } = await createSheetSitting(database.url, students);
  const server = await startServer({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_ON_EMPTY: 'false',
    SERVE_APPS: 'false',
    SFU_MODE: 'external',
    SFU_PUBLIC_URL: 'http://127.0.0.1:9',
    MEDIA_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    // All students share 127.0.0.1: the per-address API limit must not refuse them.
    API_RATE_LIMIT_PER_MINUTE: '100000',
  });
  // Settle after start-up, then the idle footprint.
  await new Promise((r) => setTimeout(r, 2000));
  const idleMb = rssMb(server.pid);
  log(`  server pid ${server.pid} at ${server.baseUrl}, idle RSS ${idleMb.toFixed(0)} MB`);

  let peakSampledMb = idleMb;
  const sampler = setInterval(() => {
    peakSampledMb = Math.max(peakSampledMb, rssMb(server.pid));
  }, 200);
  const postgresCpu = () => pidsNamed(['postgres']).reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  const startLoad = loadAverage();
  const cpu0 = {
    server: cpuSeconds(server.pid) ?? 0,
    postgres: postgresCpu(),
    machine: machineBusySeconds(),
    self: process.cpuUsage(),
  };
  const started = performance.now();
  const progress = setInterval(
    () =>
      log(
        `  … ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${rssMb(server.pid).toFixed(0)} MB`,
      ),
    15_000,
  );

  const perStudent = await Promise.all(
    tokens.map((token, s) =>
      uploadPages(
        server.baseUrl,
        sittingId,
        token,
        // Different photos per student (the same photo twice would be refused as a copy).
        Array.from({ length: pages }, (_, p) => (photos[(s + p) % photos.length] as BenchPhoto).bytes),
      ),
    ),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(progress);
  clearInterval(sampler);
  const self = process.cpuUsage(cpu0.self);
  const serverSeconds = (cpuSeconds(server.pid) ?? 0) - cpu0.server;
  const postgresSeconds = postgresCpu() - cpu0.postgres;
  const busy = machineBusySeconds() - cpu0.machine;
  const highWater = highWaterMb(server.pid);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const stored = Number(
    (await client.query('SELECT count(*) AS n FROM answer_sheets WHERE sitting_id = $1', [sittingId])).rows[0]
      ?.n,
  );
  await client.end();

  const all = perStudent.flat();
  const failures: Record<string, number> = {};
  const resumed: Record<string, number> = {};
  for (const r of all) {
    if (r.outcome !== 'ok') failures[r.outcome] = (failures[r.outcome] ?? 0) + 1;
    for (const e of r.errors) resumed[e] = (resumed[e] ?? 0) + 1;
  }
  const seconds = all.map((r) => r.seconds).sort((a, b) => a - b);
  const uploadedMb = perStudent.reduce(
    (sum, _, s) =>
      sum +
      Array.from(
        { length: pages },
        (_, p) => (photos[(s + p) % photos.length] as BenchPhoto).bytes.length,
      ).reduce((a, b) => a + b, 0),
    0,
  );
  await server.stop();
  return {
    students,
    pages,
    photos: all.length,
    uploadedMb: uploadedMb / 1e6,
    wallSeconds,
    photosPerSecond: all.length / wallSeconds,
    latency: { p50: quantile(seconds, 0.5), p95: quantile(seconds, 0.95), max: seconds.at(-1) ?? Number.NaN },
    failures,
    resumed,
    stored,
    rss: { idleMb, peakSampledMb, highWaterMb: highWater },
    cpu: {
      serverSeconds,
      postgresSeconds,
      otherSeconds: Math.max(0, busy - serverSeconds - postgresSeconds - (self.user + self.system) / 1e6),
      machineBusySeconds: busy,
    },
    loadAverage: { start: startLoad, end: loadAverage() },
    complaints: server.complaints,
  };
}
