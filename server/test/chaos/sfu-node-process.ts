import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const sfuDir = fileURLToPath(new URL('../../../sfu', import.meta.url));

/** One SFU node as its own process (`sfu/src/main.ts`), announcing itself in Redis. */
export interface SfuNodeProcess {
  nodeId: string;
  child: ChildProcess;
  /** Where it listens (what it announces). */
  url: string;
  /** Its mediasoup worker processes. */
  workerPids(): number[];
  output(): string;
  /** SIGKILL, then waits for it and its workers to be gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export interface SfuNodeOptions {
  nodeId: string;
  redisUrl: string;
  queuePrefix: string;
  serverUrl: string;
  secret: string;
  rtcBase: number;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Child processes by name: the mediasoup workers, and tsx's esbuild service. */
const children = (pid: number): { pid: number; name: string }[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([p]) => Number(p) > 0)
      .map(([p, name]) => ({ pid: Number(p), name: name ?? '' }));
  } catch {
    return []; // ps exits 1 when there are none
  }
};

export async function startSfuNode(o: SfuNodeOptions): Promise<SfuNodeProcess> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: sfuDir,
    env: {
      ...process.env,
      SFU_PORT: '0',
      SFU_WORKERS: '1',
      SFU_RTC_MIN_PORT: String(o.rtcBase),
      SFU_RTC_MAX_PORT: String(o.rtcBase + 99),
      SFU_RECORDING: 'off',
      SFU_NODE_ID: o.nodeId,
      REDIS_URL: o.redisUrl,
      QUEUE_PREFIX: o.queuePrefix,
      SERVER_INTERNAL_URL: o.serverUrl,
      MEDIA_TOKEN_SECRET: o.secret,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`SFU ${o.nodeId} did not start:\n${output}`)), 60_000);
    const check = setInterval(() => {
      const m = output.match(/"port":(\d+)[^\n]*"msg":"sfu listening"/);
      if (m?.[1]) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`SFU ${o.nodeId} exited with ${code}:\n${output}`));
    });
  });
  const pid = child.pid as number;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = async (pids: number[]) => {
    await exited;
    // A worker notices its parent is gone when its channel closes; one still running is ours to end.
    const until = Date.now() + 5000;
    while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    for (const p of pids.filter(alive)) process.kill(p, 'SIGKILL');
  };
  const all = () => children(pid).map((c) => c.pid);
  return {
    nodeId: o.nodeId,
    child,
    url: `http://127.0.0.1:${port}`,
    workerPids: () =>
      children(pid)
        .filter((c) => c.name.startsWith('mediasoup'))
        .map((c) => c.pid),
    output: () => output,
    async kill9() {
      const pids = all();
      child.kill('SIGKILL');
      await gone(pids);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const pids = all();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone(pids);
      clearTimeout(timer);
    },
  };
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
