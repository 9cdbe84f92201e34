/**
 * The cluster's processes: server processes (`server/src/main.ts`) and SFU nodes
 * (`sfu/src/main.ts`) in production mode, all on one PostgreSQL database, one Redis prefix and
 * one media-token secret, so a token any server signs is good on any SFU node.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { followOutput } from '../load/server-process.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const sfuDir = fileURLToPath(new URL('../../../sfu', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export interface ClusterProcess {
  pid: number;
  url: string;
  complaints: Map<string, number>;
  output(): string;
  stop(): Promise<void>;
}

export interface ClusterSettings {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  mediaTokenSecret: string;
  /** API calls per minute allowed from one address (every client is 127.0.0.1 here). */
  apiRateLimitPerMinute: number;
}

/** A port free right now (the SFU's public URL must be known before it listens). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function started(child: ChildProcess, label: string, url: () => string | undefined): Promise<ClusterProcess> {
  const { complaints, output } = followOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not start:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    const check = setInterval(() => {
      const found = url();
      if (!found) return;
      clearInterval(check);
      clearTimeout(timer);
      resolve({
        pid: child.pid as number,
        url: found,
        complaints,
        output,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(kill);
        },
      });
    }, 100);
    void exited.then(() => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${child.exitCode}:\n${output()}`));
    });
  });
}

export function startServerProcess(s: ClusterSettings, sfuUrl: string): Promise<ClusterProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: s.databaseUrl,
      REDIS_URL: s.redisUrl,
      QUEUE_PREFIX: s.queuePrefix,
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
      SERVE_APPS: 'false',
      // External SFU nodes announce themselves in Redis; the server places sittings among them.
      SFU_MODE: 'external',
      SFU_PUBLIC_URL: sfuUrl,
      MEDIA_TOKEN_SECRET: s.mediaTokenSecret,
      API_RATE_LIMIT_PER_MINUTE: String(s.apiRateLimitPerMinute),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (b: Buffer) => {
    text = (text + b.toString()).slice(-4096);
  });
  return started(child, 'server', () => /Health: +(http:\/\/[^\s]+)\/api\/health/.exec(text)?.[1]);
}

/** `serverUrl`: where the node reports media events (the front proxy, which passes them to any process). */
export async function startSfuProcess(
  s: ClusterSettings,
  nodeId: string,
  rtcBase: number,
  serverUrl: string,
): Promise<ClusterProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: sfuDir,
    env: {
      PATH: process.env.PATH ?? '',
      SFU_HOST: '127.0.0.1',
      SFU_PORT: String(port),
      SFU_WORKERS: '1',
      SFU_RTC_MIN_PORT: String(rtcBase),
      SFU_RTC_MAX_PORT: String(rtcBase + 499),
      SFU_RECORDING: 'off',
      SFU_NODE_ID: nodeId,
      SERVER_INTERNAL_URL: serverUrl,
      MEDIA_TOKEN_SECRET: s.mediaTokenSecret,
      REDIS_URL: s.redisUrl,
      QUEUE_PREFIX: s.queuePrefix,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let listening = false;
  child.stdout?.on('data', (b: Buffer) => {
    if (b.toString().includes('"msg":"SFU node announced"')) listening = true;
  });
  return started(child, `SFU ${nodeId}`, () => (listening ? `http://127.0.0.1:${port}` : undefined));
}
