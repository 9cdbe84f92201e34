import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Path of the mediasoup worker binary to run.
 *
 * `MEDIASOUP_WORKER_BIN` when set (a binary you brought yourself), else the one
 * `scripts/build-mediasoup-worker.mjs` (root `postinstall`, `npm run sfu:build-worker`) cached for
 * the installed mediasoup version: `<$ADAL_CACHE_DIR or ~/.cache/adal>/mediasoup-worker-<version>/mediasoup-worker`.
 *
 * mediasoup 3.8.4's lib/Worker.js reads `process.env.MEDIASOUP_WORKER_BIN` once, when the module is
 * first loaded, so set the variable from this function **before** mediasoup is imported — with a
 * dynamic `import('mediasoup')` (static imports are hoisted above any code):
 *
 *   process.env.MEDIASOUP_WORKER_BIN = mediasoupWorkerBin();
 *   const mediasoup = await import('mediasoup');
 */
/** The worker binary is not built yet (npm ci builds it; `npm run sfu:build-worker` does too). */
export class WorkerBinMissing extends Error {
  override name = 'WorkerBinMissing';
}

export function mediasoupWorkerBin(): string {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv) return fromEnv;

  const pkgJson = createRequire(import.meta.url).resolve('mediasoup/package.json');
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const cacheRoot = resolve(process.env.ADAL_CACHE_DIR || join(homedir(), '.cache', 'adal'));
  const bin = join(cacheRoot, `mediasoup-worker-${version}`, 'mediasoup-worker');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new WorkerBinMissing(
      `mediasoup worker not built: run npm run sfu:build-worker (mediasoup ${version} in ${dirname(pkgJson)}; expected ${bin})`,
    );
  }
  return bin;
}
