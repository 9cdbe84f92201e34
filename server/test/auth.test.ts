import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '4' } });
  });
  afterAll(() => t?.close());

  it('logs in with an HTTP-only SameSite cookie and knows who you are', async () => {
    const client = new TestClient(t.baseUrl);
    const res = await client.call('login', { body: { login: 'Proctor1', password: 'adal2026' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'proctor1', role: 'proctor' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^adal_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.call('me')).body.fullName).toBe('Қожахметов Ержан Болатұлы');
  });

  it('never says whether the login or the password was wrong', async () => {
    const wrongPassword = await new TestClient(t.baseUrl).call('login', {
      body: { login: 'student10', password: 'nope' },
    });
    const noSuchUser = await new TestClient(t.baseUrl).call('login', {
      body: { login: 'nobody', password: 'nope' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(noSuchUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(noSuchUser.body);
  });

  it('logs out: the old cookie no longer works', async () => {
    const client = await new TestClient(t.baseUrl).login('student11');
    const cookie = client.cookie;
    expect((await client.call('logout', { body: {} })).status).toBe(200);
    const replay = new TestClient(t.baseUrl);
    replay.cookie = cookie;
    expect((await replay.call('me')).status).toBe(401);
  });

  it('remembers the chosen language', async () => {
    const client = await new TestClient(t.baseUrl).login('student12');
    expect((await client.call('updateMe', { body: { language: 'en' } })).body.language).toBe('en');
    const again = await new TestClient(t.baseUrl).login('student12');
    expect((await again.call('me')).body.language).toBe('en');
    expect((await client.call('updateMe', { body: { language: 'de' } })).status).toBe(400);
  });

  it('rate-limits password guessing per login and tells when to retry', async () => {
    const client = new TestClient(t.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await client.call('login', { body: { login: 'student13', password: `guess${i}` } })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await client.call('login', { body: { login: 'student13', password: 'adal2026' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another login from the same address is not punished for it.
    expect((await client.call('login', { body: { login: 'student14', password: 'adal2026' } })).status).toBe(
      200,
    );
  });
});
