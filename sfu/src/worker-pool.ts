import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { SfuConfig } from './config.js';
import type { Mediasoup } from './load-mediasoup.js';

/**
 * One mediasoup worker per core. A worker that dies is replaced at once; `workerReplaced` tells
 * the rooms on it to rebuild (their clients reconnect by themselves).
 */
export class WorkerPool extends EventEmitter<{ workerReplaced: [index: number, worker: types.Worker] }> {
  private readonly workers: types.Worker[] = [];
  private closed = false;

  constructor(
    private readonly mediasoup: Mediasoup,
    private readonly config: SfuConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  async start(): Promise<void> {
    for (let i = 0; i < this.config.workers; i++) this.workers.push(await this.spawn(i));
  }

  get size(): number {
    return this.workers.length;
  }

  worker(index: number): types.Worker {
    const w = this.workers[index];
    if (!w) throw new Error(`no worker ${index}`);
    return w;
  }

  pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  /** Each worker gets its own slice of the RTC port range so they never collide. */
  private portRange(index: number) {
    const span = Math.floor((this.config.rtcMaxPort - this.config.rtcMinPort + 1) / this.config.workers);
    const min = this.config.rtcMinPort + index * span;
    return { rtcMinPort: min, rtcMaxPort: min + span - 1 };
  }

  private async spawn(index: number): Promise<types.Worker> {
    const worker = await this.mediasoup.createWorker({
      logLevel: 'warn',
      ...this.portRange(index),
      appData: { index },
    });
    worker.on('died', (error) => {
      if (this.closed) return;
      this.log.error({ err: error, index, pid: worker.pid }, 'mediasoup worker died; replacing it');
      void this.replace(index);
    });
    this.log.info({ index, pid: worker.pid }, 'mediasoup worker started');
    return worker;
  }

  private async replace(index: number): Promise<void> {
    try {
      const fresh = await this.spawn(index);
      this.workers[index] = fresh;
      this.emit('workerReplaced', index, fresh);
    } catch (error) {
      this.log.fatal({ err: error, index }, 'could not replace a mediasoup worker');
      setTimeout(() => void this.replace(index), 1000);
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.workers) w.close();
  }
}
