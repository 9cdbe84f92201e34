import type { Logger } from '../logger.js';
import { BullmqScheduler } from './bullmq-scheduler.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import type { JobScheduler } from './scheduler.js';

export function createScheduler(redisUrl: string | undefined, prefix: string, log: Logger): JobScheduler {
  return redisUrl ? new BullmqScheduler(redisUrl, prefix, log) : new InProcessScheduler(log);
}
