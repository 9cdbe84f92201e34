import { Redis } from 'ioredis';
import { type App, createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { createScheduler } from '../src/jobs/create-scheduler.js';
import { createLogger } from '../src/logger.js';
import { type SeedSummary, seedDemoUniversity } from '../src/seed/demo-university.js';
import { createTempDatabase, REDIS_URL, uniqueName } from './services.js';

export type StorageMode = 'pglite' | 'postgres';
export type QueueMode = 'in-process' | 'bullmq';

export interface TestApp {
  app: App;
  baseUrl: string;
  database: Database;
  /** The PostgreSQL database's URL (undefined on PGlite). */
  databaseUrl: string | undefined;
  seed: SeedSummary;
  close(): Promise<void>;
}

export interface TestAppOptions {
  storage?: StorageMode;
  queue?: QueueMode;
  env?: Record<string, string>;
  /** Reuse another TestApp's database (several processes on one database). */
  databaseUrl?: string;
  queuePrefix?: string;
  seed?: boolean;
}

/** A real server on an ephemeral port over a fresh database, seeded with the demo university. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const storage = options.storage ?? 'pglite';
  const temp = storage === 'postgres' && !options.databaseUrl ? await createTempDatabase() : undefined;
  const databaseUrl = options.databaseUrl ?? temp?.url;
  const redisUrl = options.queue === 'bullmq' ? REDIS_URL : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SERVE_APPS: 'false',
    QUEUE_PREFIX: options.queuePrefix ?? uniqueName('t').replace('_', '-'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...options.env,
  });
  const log = createLogger(config.logLevel);
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: 'memory://' });
  const seed = options.seed === false ? emptySeed() : await seedDemoUniversity(database.db);
  const redis = redisUrl ? new Redis(redisUrl) : undefined;
  const scheduler = createScheduler(redisUrl, config.queuePrefix, log);
  const app = createApp({ config, log, database, scheduler, ...(redis ? { redis } : {}) });
  await scheduler.start();
  const port = await app.listen();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    databaseUrl,
    seed,
    async close() {
      await app.close();
      await scheduler.close();
      redis?.disconnect();
      await database.close();
      await temp?.drop();
    },
  };
}

function emptySeed(): SeedSummary {
  return { password: '', logins: [], sittings: [] };
}
