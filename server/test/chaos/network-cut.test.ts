import { describe, it } from 'vitest';
import { createTempDatabase, REDIS_URL } from '../services.js';
import { CHAOS_LONG } from './chaos-report.js';
import { expectNothingLost, runFault } from './run-fault.js';

const DOWN_MS = CHAOS_LONG ? 60_000 : 8000;

/** The students' network (every student's, through one proxy) goes away and comes back. */
describe('chaos: the students’ network is cut mid-sitting', () => {
  it('the clients reconnect and resend what was not acknowledged; nothing is lost', {
    timeout: CHAOS_LONG ? 300_000 : 150_000,
  }, async () => {
    const result = await runFault({
      fault: `cut the students' network for ${DOWN_MS / 1000} s (connections dropped and refused)`,
      services: async () => {
        const db = await createTempDatabase();
        return { databaseUrl: db.url, redisUrl: REDIS_URL, cleanup: () => db.drop() };
      },
      behindProxy: true,
      // socket.io's reconnection waits up to 5 s between tries.
      outageMs: DOWN_MS + 6000,
      async inject({ proxy }) {
        proxy?.cut();
        await new Promise((r) => setTimeout(r, DOWN_MS));
        proxy?.restore();
      },
    });
    expectNothingLost(result);
  });
});
