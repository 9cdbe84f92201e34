/** The shared undo steps of the benchmarks (server/bench/load/cleanup.ts). */
export { cleanUpAll, cleanUpOnSignals, onCleanup } from '../../../server/bench/load/cleanup.js';
