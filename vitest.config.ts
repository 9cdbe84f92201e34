import { defineConfig } from 'vitest/config';

/** `npm test`: unit and integration tests of every workspace (browser e2e has its own config). */
export default defineConfig({
  test: {
    include: ['{shared,server,exam-client,proctor-console,extension,sfu}/{src,test}/**/*.test.{ts,tsx}'],
    // Run after everything else, one file at a time: server/test/chaos/vitest.config.ts.
    exclude: ['**/node_modules/**', 'server/test/chaos/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
