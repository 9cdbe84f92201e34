import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, e.g. http://127.0.0.1:40123 */
    baseUrl: string;
    /** The SFU's signalling URL (what the server hands out as sfuUrl). */
    sfuUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 150_000;

/** True when nothing listens on 127.0.0.1:port right now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768–60999). A port the OS handed out for
 * listen(0) may be given to an outgoing connection (the health checks' own fetches) before the
 * server binds it: that made start-up fail with EADDRINUSE now and then.
 */
async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port in 20000–29999');
}

/** Keeps the last lines of the server's output for the failure message. */
function tail(child: ChildProcess, lines: string[], max = 200): void {
  const push = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > max) lines.splice(0, lines.length - max);
  };
  child.stdout?.on('data', push);
  child.stderr?.on('data', push);
}

async function waitForHealth(
  healthUrl: string,
  child: ChildProcess,
  output: string[],
  name = 'server',
): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${name} exited with code ${child.exitCode} before it was healthy:\n${output.join('\n')}`,
      );
    }
    try {
      const response = await fetch(healthUrl);
      if (response.status === 200) return;
      lastProblem = `GET ${healthUrl} answered ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = `GET ${healthUrl} failed: ${(error as Error).message}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${name} not healthy after ${STARTUP_TIMEOUT_MS} ms (${lastProblem}):\n${output.join('\n')}`,
  );
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const app of ['exam-client', 'proctor-console']) {
    if (!existsSync(join(repoRoot, app, 'dist', 'index.html'))) {
      throw new Error(`${app}/dist is missing: run \`npm run build\` before the e2e tests`);
    }
  }

  const port = await freePort();
  const sfuPort = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'adal-e2e-'));
  // The server mints media tokens that the SFU checks: one random secret for both.
  const mediaTokenSecret = randomBytes(32).toString('base64url');
  const sfuUrl = `http://127.0.0.1:${sfuPort}`;
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    MEDIA_TOKEN_SECRET: mediaTokenSecret,
    SFU_PUBLIC_URL: sfuUrl,
    // The tests start the SFU themselves; the server does not supervise one.
    SFU_MODE: 'external',
  };
  // Embedded PGlite and in-process jobs: a clean database seeded with the demo university.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const sfuEnv: NodeJS.ProcessEnv = {
    ...process.env,
    MEDIA_TOKEN_SECRET: mediaTokenSecret,
    SFU_HOST: '127.0.0.1',
    SFU_PORT: String(sfuPort),
    SFU_LISTEN_IP: '127.0.0.1',
    SFU_RTC_MIN_PORT: '42000',
    SFU_RTC_MAX_PORT: '42999',
    SFU_WORKERS: '1',
    SERVER_INTERNAL_URL: baseUrl,
    SFU_RECORDINGS_DIR: join(dataDir, 'recordings'),
    LOG_LEVEL: 'warn',
  };

  const output: string[] = [];
  const sfuOutput: string[] = [];
  const sfu = spawn(process.execPath, ['--import', 'tsx', 'sfu/src/main.ts'], {
    cwd: repoRoot,
    env: sfuEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tail(sfu, sfuOutput);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tail(child, output);

  try {
    await Promise.all([
      waitForHealth(`${baseUrl}/api/health`, child, output),
      waitForHealth(`${sfuUrl}/health`, sfu, sfuOutput, 'sfu'),
    ]);
  } catch (error) {
    await Promise.all([stop(child), stop(sfu)]);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('sfuUrl', sfuUrl);

  return async () => {
    await Promise.all([stop(child), stop(sfu)]);
    await rm(dataDir, { recursive: true, force: true });
  };
}
