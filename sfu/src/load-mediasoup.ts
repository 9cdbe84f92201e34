import { mediasoupWorkerBin } from './worker-bin.js';

/**
 * mediasoup reads MEDIASOUP_WORKER_BIN when its module loads, so the variable is set first and the
 * module imported after. The worker binary is built once by scripts/build-mediasoup-worker.mjs.
 */
export async function loadMediasoup() {
  process.env.MEDIASOUP_WORKER_BIN = mediasoupWorkerBin();
  return import('mediasoup');
}

export type Mediasoup = Awaited<ReturnType<typeof loadMediasoup>>;
