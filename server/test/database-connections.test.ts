import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn } from './http-client.js';
import { POSTGRES_ADMIN_URL } from './services.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * PostgreSQL may close the server's idle connections at any time (a restart, a failover, an
 * administrator). Unhandled, the pool's error event would end the process (it did end test runs
 * when a test database was dropped under idle connections); the server must carry on.
 */
describe('idle database connections closed by PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ storage: 'postgres' });
  });
  afterAll(() => t?.close());

  it('do not stop the server, and the next requests are served', async () => {
    const registrar = await loggedIn(t.baseUrl, 'registrar');
    // Several requests at once leave several idle connections in the pool.
    const warm = await Promise.all(Array.from({ length: 5 }, () => registrar.call('listSittings', {})));
    expect(warm.every((r) => r.status === 200)).toBe(true);

    const database = new URL(t.databaseUrl ?? '').pathname.slice(1);
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const after = await registrar.call('listSittings', {});
    expect(after.status).toBe(200);
  });
});
