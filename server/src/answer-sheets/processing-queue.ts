import { availableParallelism } from 'node:os';

/**
 * Runs at most `limit` jobs at once, the rest wait in arrival order. Decoding a 12-megapixel
 * photo takes ~50–100 MB for a moment: one job per core keeps a hundred simultaneous uploads
 * from taking a gigabyte, while every core stays busy.
 */
export class ProcessingQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most jobs that ever ran at once (for tests and the benchmark). */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`queue limit must be ≥ 1, got ${limit}`);
  }

  get pending(): number {
    return this.waiting.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next job: `running` stays the same.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The process's queue for answer-sheet photos: one job per core. */
export const photoQueue = new ProcessingQueue(Math.max(1, availableParallelism()));
