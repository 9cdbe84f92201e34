/** Forks the load-generator processes, hands each its students, and collects their results. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  GeneratorMessage,
  GeneratorPrepared,
  GeneratorProgress,
  GeneratorResult,
  GoMessage,
  PrepareMessage,
  WindowMessage,
} from './messages.js';

const entry = fileURLToPath(new URL('./generator.ts', import.meta.url));

export interface Generators {
  pids: number[];
  /**
   * Student i goes to generator i mod K and connects at slot i / N of the ramp; every student
   * presses Next now, `concurrency` calls in flight over all generators.
   */
  prepare(
    baseUrl: string,
    sittingId: string,
    tokens: string[],
    concurrency: number,
  ): Promise<GeneratorPrepared>;
  go(message: Omit<GoMessage, 'type'>): void;
  window(start: number, end: number): void;
  /** The latest progress message of each generator, summed (the oldest pending: the maximum). */
  progress(): Omit<GeneratorProgress, 'type'>;
  results(timeoutMs: number): Promise<GeneratorResult[]>;
  /** Waits briefly for each to exit, then kills what is left. */
  kill(): Promise<void>;
}

/** The next message of a type from every child, in child order; rejects if one exits first. */
function fromAll<T extends GeneratorMessage>(children: ChildProcess[], type: T['type'], timeoutMs: number) {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<T>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no "${type}" from a load generator`)), timeoutMs);
          const onMessage = (m: GeneratorMessage) => {
            if (m.type !== type) return;
            done();
            resolve(m as T);
          };
          const onExit = (code: number | null) => {
            done();
            reject(new Error(`a load generator exited with ${code} before "${type}"`));
          };
          const done = () => {
            clearTimeout(timer);
            child.off('message', onMessage);
            child.off('exit', onExit);
          };
          child.on('message', onMessage);
          child.on('exit', onExit);
        }),
    ),
  );
}

export async function forkGenerators(count: number): Promise<Generators> {
  const children = Array.from({ length: count }, () =>
    fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const latest = new Map<ChildProcess, GeneratorProgress>();
  for (const child of children)
    child.on('message', (m: GeneratorMessage) => {
      if (m.type === 'progress') latest.set(child, m);
    });
  // Each generator says hello once its modules are loaded: messages sent earlier could be lost.
  await fromAll(children, 'ready', 60_000);

  return {
    pids: children.map((c) => c.pid as number),
    async prepare(baseUrl, sittingId, tokens, concurrency) {
      const prepared = fromAll<GeneratorPrepared>(children, 'prepared', 30 * 60_000);
      children.forEach((child, k) => {
        const students = tokens
          .map((token, i) => ({ token, slot: i / tokens.length }))
          .filter((_, i) => i % count === k);
        const perChild = Math.max(1, Math.round(concurrency / count));
        child.send({
          type: 'prepare',
          baseUrl,
          sittingId,
          students,
          concurrency: perChild,
        } satisfies PrepareMessage);
      });
      const all = await prepared;
      return {
        type: 'prepared',
        started: all.reduce((a, p) => a + p.started, 0),
        failed: all.reduce((a, p) => a + p.failed, 0),
      };
    },
    go(message) {
      for (const child of children) child.send({ type: 'go', ...message } satisfies GoMessage);
    },
    window(start, end) {
      for (const child of children) child.send({ type: 'window', start, end } satisfies WindowMessage);
    },
    progress() {
      const sum = { connected: 0, inFlight: 0, oldestPendingMs: 0, sent: 0, acked: 0, failed: 0 };
      for (const p of latest.values()) {
        for (const key of ['connected', 'inFlight', 'sent', 'acked', 'failed'] as const) sum[key] += p[key];
        sum.oldestPendingMs = Math.max(sum.oldestPendingMs, p.oldestPendingMs);
      }
      return sum;
    },
    results: (timeoutMs) => fromAll<GeneratorResult>(children, 'result', timeoutMs),
    async kill() {
      const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
      // After their result they close their sockets and exit by themselves; give them a moment.
      await Promise.all(
        running.map(
          (child) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
            }),
        ),
      );
    },
  };
}
