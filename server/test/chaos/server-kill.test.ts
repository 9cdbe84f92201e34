import { describe, it } from 'vitest';
import { createTempDatabase, REDIS_URL } from '../services.js';
import { CHAOS_LONG } from './chaos-report.js';
import { expectNothingLost, runFault } from './run-fault.js';

/** Builds on attempt-crash.test.ts: now mid-sitting, with uploads and logs, in production mode. */
describe('chaos: the server process is killed (kill -9) and started again on the same data', () => {
  it('keeps every acknowledged answer, page and log entry; deadlines still fire', {
    timeout: CHAOS_LONG ? 300_000 : 150_000,
  }, async () => {
    const result = await runFault({
      fault: 'kill -9 the server process, start it again (PostgreSQL + Redis/BullMQ)',
      services: async () => {
        const db = await createTempDatabase();
        return { databaseUrl: db.url, redisUrl: REDIS_URL, cleanup: () => db.drop() };
      },
      // A process supervisor starts it again at once; starting takes a few seconds here.
      outageMs: 15_000,
      async inject({ server }) {
        await server.kill();
        await server.start();
      },
    });
    expectNothingLost(result);
  });
});
