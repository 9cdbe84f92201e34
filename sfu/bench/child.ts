/**
 * A small typed wrapper around `fork` for the benchmark's helpers (ipc.ts has their messages).
 * They run as separate processes so their CPU is not counted as the SFU's.
 */
import { type ChildProcess, fork } from 'node:child_process';

/** A forked child speaking one of the protocols in ipc.ts. */
export class Child<Command, Event extends { type: string }> {
  private readonly waiting = new Map<string, (event: Event) => void>();

  private constructor(private readonly proc: ChildProcess) {
    proc.on('message', (message) => {
      const event = message as Event;
      const resolve = this.waiting.get(event.type);
      this.waiting.delete(event.type);
      resolve?.(event);
    });
  }

  /** Starts `module` (a .ts file, run through tsx) and waits for its `ready` event. */
  static async start<C, E extends { type: string }>(
    module: URL,
  ): Promise<{ child: Child<C, E>; ready: Extract<E, { type: 'ready' }> }> {
    const proc = fork(module.pathname, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const child = new Child<C, E>(proc);
    const ready = await child.next('ready');
    return { child, ready };
  }

  get pid(): number {
    return this.proc.pid ?? 0;
  }

  send(command: Command): void {
    this.proc.send(command as object);
  }

  /** The next event of a type; rejects when the child exits first. */
  next<T extends Event['type']>(type: T): Promise<Extract<Event, { type: T }>> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`child exited (${code}) before "${type}"`));
      this.proc.once('exit', exited);
      this.waiting.set(type, (event) => {
        this.proc.off('exit', exited);
        resolve(event as Extract<Event, { type: T }>);
      });
    });
  }

  /** Sends a command and waits for the event that answers it. */
  ask<T extends Event['type']>(command: Command, type: T): Promise<Extract<Event, { type: T }>> {
    const reply = this.next(type);
    this.send(command);
    return reply;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.kill('SIGTERM');
    await exited;
  }
}

/**
 * In a child: hands the parent's commands to `handle` and returns the function that sends events
 * back. The child ends when the parent goes away.
 */
export function serveParent<Command, Event>(
  handle: (command: Command, reply: (event: Event) => void) => void,
): (event: Event) => void {
  const reply = (event: Event) => process.send?.(event as object);
  process.on('message', (message) => handle(message as Command, reply));
  process.on('disconnect', () => process.exit(0));
  return reply;
}
