import type { Logger } from '../logger.js';
import { type JobHandler, type JobScheduler, type ScheduleOptions, UnknownJobError } from './scheduler.js';

/** The embedded default: timers in this process. Jobs do not survive a restart. */
export class InProcessScheduler implements JobScheduler {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly log: Logger) {}

  define(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async schedule(name: string, payload: unknown, options: ScheduleOptions = {}): Promise<void> {
    if (this.closed) throw new Error('scheduler is closed');
    if (!this.handlers.has(name)) throw new UnknownJobError(name);
    const jobId = options.jobId ?? `auto-${this.nextId++}`;
    if (this.timers.has(jobId)) return;
    const timer = setTimeout(() => this.run(jobId, name, payload), Math.max(0, options.delayMs ?? 0));
    this.timers.set(jobId, timer);
  }

  async cancel(jobId: string): Promise<boolean> {
    const timer = this.timers.get(jobId);
    if (!timer) return false;
    clearTimeout(timer);
    this.timers.delete(jobId);
    return true;
  }

  async start(): Promise<void> {}

  async ping() {
    return { kind: this.kind, ok: !this.closed };
  }

  /** Its timers live in this process: they are never lost while it runs. */
  onReconnect(): void {}

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.running);
  }

  private run(jobId: string, name: string, payload: unknown): void {
    this.timers.delete(jobId);
    const handler = this.handlers.get(name);
    if (!handler) return;
    const job = handler(payload)
      .catch((error: unknown) => this.log.error({ err: error, job: name, jobId }, 'job failed'))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }
}
