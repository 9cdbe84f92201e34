/** Forks the student-extras process (media tokens, SFU sockets, flags) and talks to it. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExtrasMedia, ExtrasMessage, ExtrasReply, ExtrasResult } from './student-extras-messages.js';

const entry = fileURLToPath(new URL('./student-extras-child.ts', import.meta.url));

export interface StudentExtras {
  pid: number;
  /** Every student fetches a media token and joins its SFU node; resolves once all tried. */
  start(m: Omit<Extract<ExtrasMessage, { type: 'start' }>, 'type'>): Promise<ExtrasMedia>;
  stop(windowStart: number, windowEnd: number): Promise<ExtrasResult>;
  kill(): void;
}

export async function forkStudentExtras(): Promise<StudentExtras> {
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ExtrasReply['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<ExtrasReply, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" from the student extras`)), timeoutMs);
      const onExit = (code: number | null) => reject(new Error(`student extras exited with ${code}`));
      const onMessage = (m: ExtrasReply) => {
        if (m.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<ExtrasReply, { type: T }>);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  await next('ready', 60_000);
  return {
    pid: child.pid as number,
    async start(m) {
      const media = next('media', 10 * 60_000);
      child.send({ type: 'start', ...m } satisfies ExtrasMessage);
      return media;
    },
    async stop(windowStart, windowEnd) {
      const result = next('result', 60_000);
      child.send({ type: 'stop', windowStart, windowEnd } satisfies ExtrasMessage);
      return result;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
