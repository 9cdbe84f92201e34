import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { REDIS_URL } from '../services.js';
import { CHAOS_LONG } from './chaos-report.js';
import { type PrivatePostgres, startPrivatePostgres } from './private-services.js';
import { expectNothingLost, runFault } from './run-fault.js';

const DOWN_MS = CHAOS_LONG ? 20_000 : 5000;

/**
 * The students keep working while the database is down: nothing may be acknowledged that was
 * not stored (the clients keep it and send it again), and all of it is stored once it is back.
 */
describe('chaos: PostgreSQL stops mid-sitting and starts again', () => {
  it('acknowledges only what it stored, and stores the rest once back; deadlines still fire', {
    timeout: CHAOS_LONG ? 300_000 : 150_000,
  }, async () => {
    let pg: PrivatePostgres | undefined;
    const result = await runFault({
      fault: `stop PostgreSQL (pg_ctl stop -m fast) for ${DOWN_MS / 1000} s`,
      services: async () => {
        pg = await startPrivatePostgres();
        return { databaseUrl: pg.url, redisUrl: REDIS_URL, cleanup: async () => pg?.destroy() };
      },
      outageMs: DOWN_MS + 4000,
      async inject() {
        await pg?.stop();
        await new Promise((r) => setTimeout(r, DOWN_MS));
        await pg?.start();
      },
    });
    expectNothingLost(result);
  });

  // Regression: a connection checked out of the pool (a transaction between two statements) had
  // no error listener, so the database stopping ended the whole server process.
  it('fails the transaction in progress, not the process, and reconnects', { timeout: 60_000 }, async () => {
    const pg = await startPrivatePostgres();
    const database = await openDatabase({ url: pg.url });
    try {
      const outcome = await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`SELECT 1`);
          await pg.stop();
          await new Promise((r) => setTimeout(r, 300));
          await tx.execute(sql`SELECT 1`);
          return 'committed';
        })
        .catch(() => 'refused');
      expect(outcome).toBe('refused');
      await pg.start();
      await expect(database.ping()).resolves.toBeUndefined();
    } finally {
      await database.close();
      await pg.destroy();
    }
  });
});
