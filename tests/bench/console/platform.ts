/**
 * The platform under test: a fresh PostgreSQL database with the demo university and one sitting
 * of N students (server/bench/load/bench-sitting.ts, as bench:load makes it), and one server
 * process (`server/src/main.ts`) that runs the SFU as its embedded child and serves the built
 * proctor console.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { followOutput } from '../../../server/bench/load/server-process.js';
import { admin, createBenchDatabase } from '../../../server/bench/load/services.js';
import { cmdline, descendants } from './proc.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** RTC ports of the embedded SFU's worker (bench:sfu uses 46000–46999, the e2e SFU 42000–42999). */
const RTC_PORTS = { min: 47000, max: 47999 };

/** A fresh database of its own on the local PostgreSQL (bench:load's helper). */
export const createDatabase = () => createBenchDatabase('adal_bench_console');

export async function postgresVersion(): Promise<string> {
  const { rows } = await admin((c) =>
    c.query<{ v: string }>("SELECT current_setting('server_version') AS v"),
  );
  return rows[0]?.v.split(' ')[0] ?? '?';
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the proctor console (`vite build`, about a second) when its dist is missing or older
 * than its sources or the shared package's, or when asked to.
 */
export async function ensureConsoleBuilt(force: boolean): Promise<string> {
  const index = join(REPO_ROOT, 'proctor-console', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(REPO_ROOT, 'proctor-console', 'src')),
    newestMtime(join(REPO_ROOT, 'shared', 'src')),
  );
  if (!force && existsSync(index) && statSync(index).mtimeMs >= sources) return 'up to date';
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', 'proctor-console'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (b: Buffer) => {
      errors += b.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`proctor console build failed (${code}):\n${errors}`)),
    );
  });
  return 'built now';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  sfuUrl: string;
  pid: number;
  /** The embedded SFU's Node process, once it runs. */
  sfuPid(): number | undefined;
  /** The SFU's mediasoup worker. */
  workerPid(): number | undefined;
  /** pino lines at warn or above, by message. */
  complaints: Map<string, number>;
  output(): string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not healthy after 120 s:\n${output()}`);
}

/** The server in production mode on PostgreSQL (jobs in process, no Redis), SFU embedded. */
export async function startServer(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const sfuPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sfuUrl = `http://127.0.0.1:${sfuPort}`;
  const recordingsDir = mkdtempSync(join(tmpdir(), 'adal-bench-console-rec-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(REPO_ROOT, 'server'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
      SERVE_APPS: 'true',
      // Plain http on 127.0.0.1: a Secure cookie would not come back.
      COOKIE_SECURE: 'false',
      MEDIA_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      SFU_MODE: 'embedded',
      SFU_PUBLIC_URL: sfuUrl,
      // Everything comes from 127.0.0.1: the limiter runs but never refuses.
      API_RATE_LIMIT_PER_MINUTE: '100000',
      // Read by the embedded SFU (it inherits this environment).
      SFU_WORKERS: '1',
      SFU_RTC_MIN_PORT: String(RTC_PORTS.min),
      SFU_RTC_MAX_PORT: String(RTC_PORTS.max),
      // The console is measured, not recording (bench:sfu measures that); a temp folder anyway.
      SFU_RECORDING: 'off',
      SFU_RECORDINGS_DIR: recordingsDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { complaints, output } = followOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid as number;
  const sfuPid = () =>
    descendants(pid).find((p) => p !== pid && cmdline(p).includes('sfu/src/main.ts') && !isTsxLoader(p));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // main.ts stops the SFU and gives in-flight work 10 s; past that, it is stuck.
      const timer = setTimeout(() => {
        for (const p of descendants(pid).reverse()) killQuietly(p);
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(recordingsDir, { recursive: true, force: true });
  };
  try {
    await Promise.all([
      waitForHealth(`${baseUrl}/api/health`, child, output),
      waitForHealth(`${sfuUrl}/health`, child, output),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    sfuUrl,
    pid,
    sfuPid,
    workerPid: () => {
      const sfu = sfuPid();
      return sfu === undefined
        ? undefined
        : descendants(sfu).find((p) => cmdline(p).includes('mediasoup-worker'));
    },
    complaints,
    output,
    stop,
  };
}

/** tsx may run a script through a small parent process; the SFU is the one running the code. */
function isTsxLoader(pid: number): boolean {
  return descendants(pid).some((p) => p !== pid && cmdline(p).includes('sfu/src/main.ts'));
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
