import { pino } from 'pino';
import { createSfu } from './app.js';
import { loadSfuConfig, SfuConfigError } from './config.js';

function readConfig() {
  try {
    return loadSfuConfig();
  } catch (error) {
    if (!(error instanceof SfuConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const config = readConfig();
const log = pino({ level: config.logLevel, base: { service: 'adal-sfu' } });
const sfu = await createSfu(config, log);
const port = await sfu.listen();
log.info({ port, workers: sfu.pool.size }, 'sfu listening');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5000).unref();
    await sfu.close();
    process.exit(0);
  });
