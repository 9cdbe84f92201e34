/** Starts the front proxy in a child process and asks it for its per-process counts. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendStats } from './front-proxy.js';

const entry = fileURLToPath(new URL('./front-proxy-child.ts', import.meta.url));

export interface ProxyProcess {
  pid: number;
  url: string;
  stats(): Promise<BackendStats[]>;
  stop(): Promise<void>;
}

type ChildMessage = { type: 'listening'; url: string } | { type: 'stats'; stats: BackendStats[] };

/** `port` 0: any free port. */
export async function startProxyProcess(backendUrls: string[], port = 0): Promise<ProxyProcess> {
  const child = fork(entry, [String(port), ...backendUrls], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the front proxy sent no "${type}"`)), 30_000);
      const onMessage = (m: ChildMessage) => {
        if (m.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m as Extract<ChildMessage, { type: T }>);
      };
      child.on('message', onMessage);
    });
  const { url } = await next('listening');
  return {
    pid: child.pid as number,
    url,
    async stats() {
      const answer = next('stats');
      child.send({ type: 'stats' });
      return (await answer).stats;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
