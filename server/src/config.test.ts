import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database, in-process jobs and seeding', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
      seedOnEmpty: true,
      port: 3000,
      cookieSecure: false,
    });
  });

  it('does not seed a real PostgreSQL by default and secures cookies in production', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', NODE_ENV: 'production' });
    expect(c.seedOnEmpty).toBe(false);
    expect(c.cookieSecure).toBe(true);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url', SEED_ON_EMPTY: 'maybe' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/REDIS_URL/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).databaseUrl).toBeUndefined();
  });
});
