import type { PaperCache } from './attempts/paper-cache.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/database.js';
import type { RateLimits } from './http/rate-limits.js';
import type { JobScheduler } from './jobs/scheduler.js';
import type { Logger } from './logger.js';
import type { SfuDirectory } from './media/sfu-directory.js';
import type { LiveEvents } from './realtime/live-events.js';

/** What every route, socket handler and job may use; built once by createApp. */
export interface AppContext {
  config: Config;
  log: Logger;
  version: string;
  database: Database;
  db: Db;
  scheduler: JobScheduler;
  limits: RateLimits;
  live: LiveEvents;
  /** Papers of attempts, for checking answers without a query each. */
  papers: PaperCache;
  /** Which SFU node serves a sitting. */
  sfu: SfuDirectory;
}
