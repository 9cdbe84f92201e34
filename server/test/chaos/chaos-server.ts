import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { type Database, openDatabase } from '../../src/db/database.js';
import { exitCode, type Running, startServerProcess } from '../server-process.js';
import { uniqueName } from '../services.js';
import { freePort } from './private-services.js';

/**
 * The server as it runs in production (PostgreSQL + Redis/BullMQ), as its own process on a fixed
 * port, so that it can be killed and started again where the students' clients expect it.
 */
export class ChaosServer {
  running: Running | undefined;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'adal-chaos-'));
  readonly queuePrefix = uniqueName('chaos').replace('_', '-');
  port = 0;
  private readonly env: Record<string, string>;

  constructor(
    readonly databaseUrl: string,
    readonly redisUrl: string,
  ) {
    this.env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      SEED_ON_EMPTY: 'true',
      // No media server: these faults are about answers, pages and logs.
      SFU_MODE: 'external',
      SFU_PUBLIC_URL: 'http://127.0.0.1:9',
      // Every simulated student comes from 127.0.0.1; in a university they come from many addresses.
      API_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
    };
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.running = await startServerProcess(this.dataDir, { ...this.env, PORT: String(this.port) });
  }

  /** kill -9: no shutdown, no flushing; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.running?.child;
    if (!child || child.exitCode !== null) return;
    const gone = exitCode(child);
    child.kill('SIGKILL');
    await gone;
  }

  output(): string {
    return this.running?.output() ?? '';
  }

  async stop(): Promise<void> {
    const child = this.running?.child;
    if (child && child.exitCode === null) {
      const gone = exitCode(child);
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The test's own view of the database (migrations are already applied by the server). */
  openDatabase(): Promise<Database> {
    return openDatabase({ url: this.databaseUrl });
  }

  /** Removes this run's keys (queue, rate limits) from a Redis other tests share. */
  async dropRedisKeys(): Promise<void> {
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${this.queuePrefix}:*`, count: 500 }))
        keys.push(...(batch as string[]));
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    } finally {
      redis.disconnect();
    }
  }
}
