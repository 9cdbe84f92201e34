/** One server process (`server/src/main.ts`) in production mode on PostgreSQL + Redis. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const MAX_KEPT_OUTPUT = 64 * 1024;

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** The inspector's WebSocket URL when started with `inspect`. */
  inspectorUrl: string | undefined;
  /** pino lines at warn (40) or above, by message: what the server complained about. */
  complaints: Map<string, number>;
  output(): string;
  stop(): Promise<void>;
}

export interface ServerSettings {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  students: number;
  /** Opens the inspector on a free port, for a profile of the measured window. */
  inspect: boolean;
}

function countComplaints(text: string, into: Map<string, number>): void {
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 40) into.set(entry.msg ?? '?', (into.get(entry.msg ?? '?') ?? 0) + 1);
    } catch {
      // A pino line split across two chunks: rare, and only a count is lost.
    }
  }
}

/** Keeps the last 64 KB of a child's output and counts its pino warnings and errors by message. */
export function followOutput(child: ChildProcess): { complaints: Map<string, number>; output(): string } {
  let output = '';
  const complaints = new Map<string, number>();
  const take = (b: Buffer) => {
    const text = b.toString();
    countComplaints(text, complaints);
    output = (output + text).slice(-MAX_KEPT_OUTPUT);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return { complaints, output: () => output };
}

export async function startServer(s: ServerSettings): Promise<ServerProcess> {
  const nodeArgs = ['--import', 'tsx', ...(s.inspect ? ['--inspect=127.0.0.1:0'] : [])];
  const child = spawn(process.execPath, [...nodeArgs, 'src/main.ts'], {
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
      SFU_MODE: 'external',
      SFU_PUBLIC_URL: 'http://127.0.0.1:9',
      MEDIA_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      // Every student calls the API about once while joining, all from 127.0.0.1: room for
      // four times that per minute, so the limiter runs (it costs a Redis call) but never refuses.
      API_RATE_LIMIT_PER_MINUTE: String(Math.max(1200, 4 * s.students)),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { complaints, output: outputNow } = followOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${outputNow()}`)), 60_000);
    const check = setInterval(() => {
      const m = outputNow().match(/Health: +(http:\/\/[^\s]+)\/api\/health/);
      if (!m?.[1]) return;
      clearInterval(check);
      clearTimeout(timer);
      resolve(m[1]);
    }, 100);
    void exited.then(() => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${child.exitCode}:\n${outputNow()}`));
    });
  });

  return {
    child,
    pid: child.pid as number,
    baseUrl,
    inspectorUrl: /Debugger listening on (ws:\/\/\S+)/.exec(outputNow())?.[1],
    complaints,
    output: outputNow,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // main.ts gives in-flight work 10 s; past that, it is stuck.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
