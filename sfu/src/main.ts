import { pino } from 'pino';
import { createSfu } from './app.js';
import { loadSfuConfig, SfuConfigError } from './config.js';
import { RecordingError } from './recording/recording-error.js';
import { WorkerBinMissing } from './worker-bin.js';

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
/** Start-up failures we can explain (ffmpeg missing, worker not built) print one clear line. */
async function start() {
  try {
    return await createSfu(config, log);
  } catch (error) {
    if (!(error instanceof RecordingError) && !(error instanceof WorkerBinMissing)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const sfu = await start();
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
