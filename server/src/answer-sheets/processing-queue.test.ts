import { describe, expect, it } from 'vitest';
import { ProcessingQueue } from './processing-queue.js';

describe('ProcessingQueue', () => {
  it('runs at most `limit` jobs at once, in arrival order, and goes on after a failure', async () => {
    const queue = new ProcessingQueue(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const job = (n: number) =>
      queue.run(async () => {
        started.push(n);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        if (n === 1) throw new Error('broken photo');
        return n;
      });
    const results = [0, 1, 2, 3, 4].map((n) => job(n).catch((e: Error) => e.message));
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 5));
      expect(queue.pending).toBe(Math.max(0, 3 - i));
      releases.shift()?.();
    }
    expect(await Promise.all(results)).toEqual([0, 'broken photo', 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(queue.peak).toBe(2);
    // The slots are free again.
    expect(await queue.run(async () => 'next')).toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => new ProcessingQueue(0)).toThrow(/≥ 1/);
  });
});
