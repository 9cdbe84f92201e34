import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { BullmqScheduler } from '../src/jobs/bullmq-scheduler.js';
import { InProcessScheduler } from '../src/jobs/in-process-scheduler.js';
import type { JobScheduler } from '../src/jobs/scheduler.js';
import { createLogger } from '../src/logger.js';
import { REDIS_URL, uniqueName } from './services.js';

const log = createLogger('silent');
const opened: JobScheduler[] = [];
const prefixes: string[] = [];

function make(kind: 'in-process' | 'bullmq', prefix?: string): JobScheduler {
  const p = prefix ?? uniqueName('sched').replace('_', '-');
  if (!prefix) prefixes.push(p);
  const s = kind === 'bullmq' ? new BullmqScheduler(REDIS_URL, p, log) : new InProcessScheduler(log);
  opened.push(s);
  return s;
}

function recorder() {
  const runs: { payload: unknown; at: number }[] = [];
  let notify: () => void = () => undefined;
  const handler = async (payload: unknown) => {
    runs.push({ payload, at: Date.now() });
    notify();
  };
  const waitFor = (n: number, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${runs.length} of ${n} runs`)), timeoutMs);
      notify = () => {
        if (runs.length >= n) {
          clearTimeout(timer);
          resolve();
        }
      };
      notify();
    });
  return { runs, handler, waitFor };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  const redis = new Redis(REDIS_URL);
  for (const p of prefixes.splice(0)) {
    const keys = await redis.keys(`${p}:*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
});

describe.each(['in-process', 'bullmq'] as const)('%s scheduler', (kind) => {
  it('runs a delayed job with its payload, not before the delay', async () => {
    const s = make(kind);
    const r = recorder();
    s.define('attempt.deadline', r.handler);
    await s.start();
    const scheduledAt = Date.now();
    await s.schedule('attempt.deadline', { attemptId: 'a1' }, { delayMs: 700 });
    await r.waitFor(1);
    expect(r.runs[0]?.payload).toEqual({ attemptId: 'a1' });
    expect(r.runs[0]?.at ?? 0).toBeGreaterThanOrEqual(scheduledAt + 690);
  });

  it('keeps one job per job id', async () => {
    const s = make(kind);
    const r = recorder();
    s.define('reminder', r.handler);
    await s.start();
    await s.schedule('reminder', { n: 1 }, { delayMs: 300, jobId: 'same' });
    await s.schedule('reminder', { n: 2 }, { delayMs: 300, jobId: 'same' });
    await s.schedule('reminder', { n: 3 }, { delayMs: 600, jobId: 'other' });
    await r.waitFor(2);
    await new Promise((done) => setTimeout(done, 300));
    expect(r.runs.map((x) => x.payload)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('cancels a waiting job', async () => {
    const s = make(kind);
    const r = recorder();
    s.define('reminder', r.handler);
    await s.start();
    await s.schedule('reminder', { n: 1 }, { delayMs: 400, jobId: 'cancel-me' });
    await s.schedule('reminder', { n: 2 }, { delayMs: 800, jobId: 'keep-me' });
    expect(await s.cancel('cancel-me')).toBe(true);
    expect(await s.cancel('never-existed')).toBe(false);
    await r.waitFor(1);
    expect(r.runs.map((x) => x.payload)).toEqual([{ n: 2 }]);
  });

  it('refuses a job name nobody defined', async () => {
    const s = make(kind);
    await s.start();
    await expect(s.schedule('no.such.job', {})).rejects.toThrow(/no handler/);
  });

  it('reports itself healthy', async () => {
    const s = make(kind);
    await s.start();
    expect(await s.ping()).toMatchObject({ kind, ok: true });
  });
});

describe('bullmq scheduler across processes', () => {
  it('runs a delayed job scheduled by one server process in another one', async () => {
    const prefix = uniqueName('sched').replace('_', '-');
    prefixes.push(prefix);
    const producer = make('bullmq', prefix);
    const consumer = make('bullmq', prefix);
    const r = recorder();
    producer.define('attempt.deadline', async () => {
      throw new Error('the producer has no worker running');
    });
    consumer.define('attempt.deadline', r.handler);
    await consumer.start();
    await producer.schedule('attempt.deadline', { from: 'producer' }, { delayMs: 500 });
    await producer.close();
    await r.waitFor(1);
    expect(r.runs[0]?.payload).toEqual({ from: 'producer' });
  });
});
