import type { DependencyState } from './dependency-state.js';

export type JobHandler = (payload: unknown) => Promise<void>;

export interface ScheduleOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Scheduling the same id twice keeps the first job; cancel uses it too. */
  jobId?: string;
}

/**
 * Background and delayed work (timers that end attempts, reminders, clean-ups). BullMQ on Redis
 * when REDIS_URL is set, so any server process may run a job; otherwise in this process.
 */
export interface JobScheduler {
  readonly kind: 'bullmq' | 'in-process';
  /** Registers the handler for a job name; call before start(). */
  define(name: string, handler: JobHandler): void;
  schedule(name: string, payload: unknown, options?: ScheduleOptions): Promise<void>;
  /** True when a waiting job was removed. */
  cancel(jobId: string): Promise<boolean>;
  start(): Promise<void>;
  ping(): Promise<DependencyState>;
  /**
   * Calls `listener` whenever the job store is reachable again after it was lost (Redis
   * restarted): jobs queued in it may be gone, so whoever scheduled them schedules them again.
   */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
  constructor(jobName: string) {
    super(`no handler defined for job "${jobName}"`);
  }
}
