import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { probe } from './dependency-state.js';
import { type JobHandler, type JobScheduler, type ScheduleOptions, UnknownJobError } from './scheduler.js';

const QUEUE_NAME = 'jobs';

/** Production mode: one BullMQ queue on Redis; every server process runs a worker. */
export class BullmqScheduler implements JobScheduler {
  readonly kind = 'bullmq' as const;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private workerConnection: Redis | undefined;
  private readonly reconnectListeners = new Set<() => void>();
  private started = false;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    // BullMQ workers block on Redis, so they need maxRetriesPerRequest: null.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix });
    // ioredis says `ready` on every (re)connection; after start, each one follows a loss.
    this.connection.on('ready', () => {
      if (this.started) for (const listener of this.reconnectListeners) listener();
    });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  define(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async schedule(name: string, payload: unknown, options: ScheduleOptions = {}): Promise<void> {
    if (!this.handlers.has(name)) throw new UnknownJobError(name);
    await this.queue.add(name, payload, {
      delay: Math.max(0, options.delayMs ?? 0),
      ...(options.jobId ? { jobId: options.jobId } : {}),
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    });
  }

  async cancel(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job || !((await job.isDelayed()) || (await job.isWaiting()))) return false;
    await job.remove();
    return true;
  }

  async start(): Promise<void> {
    // A worker blocks its connection while waiting for jobs, so it gets its own.
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new UnknownJobError(job.name);
        await handler(job.data);
      },
      { connection: this.workerConnection, prefix: this.prefix, concurrency: 8 },
    );
    this.worker.on('failed', (job, err) =>
      this.log.error({ err, job: job?.name, jobId: job?.id }, 'job failed'),
    );
    await this.worker.waitUntilReady();
    this.started = true;
  }

  ping() {
    return probe(this.kind, () => this.connection.ping());
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }
}
