import { Redis } from 'ioredis';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { createScheduler } from './jobs/create-scheduler.js';
import { scheduleStartupJobs } from './jobs/register-jobs.js';
import { createLogger } from './logger.js';
import { stopSourcesOfDeadEmbeddedSfu } from './media/lost-node.js';
import { embeddedSfuEnv, SfuSupervisor } from './media/sfu-supervisor.js';
import { isDatabaseEmpty, seedDemoUniversity } from './seed/demo-university.js';
import { loginsText } from './seed/print-logins.js';

function readConfig() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const config = readConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
);
const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
const scheduler = createScheduler(config.redisUrl, config.queuePrefix, log);

let seededLogins: string | undefined;
if (config.seedOnEmpty && (await isDatabaseEmpty(database.db))) {
  seededLogins = loginsText(await seedDemoUniversity(database.db));
  log.info('embedded database was empty: demo university seeded');
}

const app = createApp({ config, log, database, scheduler, ...(redis ? { redis } : {}) });
await scheduler.start();
await scheduleStartupJobs(app.ctx);
// Redis restarted without persistence comes back empty: deadlines and sweeps are queued again.
scheduler.onReconnect(() => {
  scheduleStartupJobs(app.ctx).catch((err: unknown) =>
    log.error({ err }, 'could not schedule the jobs again after Redis came back'),
  );
});
const port = await app.listen();
// The embedded SFU killed outright reports no stops: its live sources are recorded as a gap here.
const sfuDied = (at: Date) =>
  stopSourcesOfDeadEmbeddedSfu(app.ctx, at).catch((err: unknown) =>
    log.error({ err }, 'could not record the media gap of the SFU that died'),
  );
const sfu =
  config.sfuMode === 'embedded' ? new SfuSupervisor(embeddedSfuEnv(config, port), log, sfuDied) : undefined;
sfu?.start();
if (config.sfuMode === 'external' && config.mediaTokenSecretGenerated)
  log.warn('MEDIA_TOKEN_SECRET is unset: the external SFU cannot check this process’s tokens');
const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
log.info({ port, database: database.kind, queue: scheduler.kind }, 'server listening');
if (config.env !== 'test') {
  console.log(`\nAdal Proctor is running (${database.kind}, ${scheduler.kind} jobs)`);
  console.log(`  Student app:     ${base}/`);
  console.log(`  Proctor console: ${base}/proctor/`);
  console.log(`  Health:          ${base}/api/health`);
  console.log(`  SFU (media):     ${config.sfuPublicUrl} (${config.sfuMode})`);
  if (seededLogins) console.log(`\n${seededLogins}\n`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  // In-flight requests get 10 s; after that the process exits anyway.
  setTimeout(() => process.exit(1), 10_000).unref();
  await sfu?.stop();
  await app.close();
  await scheduler.close();
  redis?.disconnect();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
