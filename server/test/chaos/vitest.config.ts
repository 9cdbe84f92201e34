import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The chaos tests kill and restart servers, databases and media workers and check deadlines to
 * ±1 s: they run one file at a time after the rest of `npm test`, never beside other tests that
 * would starve them (or be starved) on a small machine.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    include: ['server/test/chaos/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
