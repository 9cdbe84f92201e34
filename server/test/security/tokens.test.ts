import { signMediaToken, signServiceToken, verifyMediaToken } from '@adal/shared/media-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittingOf, userId } from '../fixtures.js';
import { TestClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

const SECRET = 'media-token-secret-for-security-tests-0123';
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT's claims, unverified (jose is the shared package's dependency, not the server's). */
const decodeJwt = (token: string): { sub?: string; aud?: string; iss?: string; exp?: number; iat?: number } =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());

/**
 * Tokens are bound to their sitting and user and expire (issue 9). Existing coverage this builds
 * on: shared/src/media/token.test.ts (secret, expiry, tampered sources), media-token.test.ts (who
 * gets one), sfu/test/signalling.test.ts (the SFU refuses forged and expired tokens and keeps
 * sittings apart), extension.test.ts (nonce once, expired, outdated).
 */
describe('media and extension tokens', () => {
  let t: TestApp;
  const sessions = new Map<string, TestClient>();
  const as = async (login: string) => {
    const known = sessions.get(login);
    if (known) return known;
    const c = await new TestClient(t.baseUrl).login(login);
    sessions.set(login, c);
    return c;
  };
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET, SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
  }, 180_000);
  afterAll(() => t?.close());

  it('mints a media token for the sitting asked and the caller only, expiring in minutes', async () => {
    const test = sittingOf(t.seed, 'computer_test');
    const me = await userId(t.database.db, 'student16');
    const res = await (await as('student16')).call('mediaToken', { params: { sittingId: test }, body: {} });
    expect(res.status).toBe(200);
    const claims = decodeJwt(res.body.token);
    expect([claims.sub, claims.aud, claims.iss]).toEqual([me, 'adal-sfu', 'adal-server']);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(5 * 60);
    expect(Math.abs(Date.parse(res.body.expiresAt) / 1000 - (claims.exp ?? 0))).toBeLessThanOrEqual(1);
    expect(await verifyMediaToken(res.body.token, SECRET)).toMatchObject({
      userId: me,
      studentId: me,
      sittingId: test,
    });
    const phone = await (await as('student16')).call('mediaToken', {
      params: { sittingId: test },
      body: { device: 'phone' },
    });
    const phoneClaims = decodeJwt(phone.body.token);
    expect((phoneClaims.exp ?? 0) - (phoneClaims.iat ?? 0)).toBe(30 * 60);
  });

  it('refuses a media token moved to another sitting or student, unsigned, re-signed or expired', async () => {
    const test = sittingOf(t.seed, 'computer_test');
    const oral = sittingOf(t.seed, 'oral');
    const { token } = (
      await (await as('student16')).call('mediaToken', { params: { sittingId: test }, body: {} })
    ).body;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const other = await userId(t.database.db, 'student17');
    const moved = b64url({ ...claims, grant: { ...claims.grant, sittingId: oral } });
    const someoneElse = b64url({
      ...claims,
      sub: other,
      grant: { ...claims.grant, userId: other, studentId: other },
    });
    const later = b64url({ ...claims, exp: claims.exp + 86_400 });
    for (const forged of [
      `${header}.${moved}.${signature}`,
      `${header}.${someoneElse}.${signature}`,
      `${header}.${later}.${signature}`,
      `${b64url({ alg: 'none', typ: 'JWT' })}.${moved}.`,
      await signMediaToken({ ...claims.grant, sittingId: oral }, `${SECRET}-guessed`, 300),
      await signMediaToken(claims.grant, SECRET, -1),
    ])
      await expect(verifyMediaToken(forged, SECRET)).rejects.toThrow();
    // The genuine one still holds.
    expect((await verifyMediaToken(token, SECRET)).sittingId).toBe(test);
  });

  it('gives no media token for a sitting the caller is not on, and never takes one as a service token', async () => {
    const test = sittingOf(t.seed, 'computer_test');
    const proctor2 = await as('proctor2');
    expect((await proctor2.call('mediaToken', { params: { sittingId: test }, body: {} })).status).toBe(403);
    const commissionOnly = sittingOf(t.seed, 'thesis_defence');
    expect(
      (await (await as('proctor1')).call('mediaToken', { params: { sittingId: commissionOnly }, body: {} }))
        .status,
    ).toBe(403);

    // A student's media token (or a service token for the SFU) sent to the server's internal API.
    const { token } = (
      await (await as('student16')).call('mediaToken', { params: { sittingId: test }, body: {} })
    ).body;
    const studentId = await userId(t.database.db, 'student16');
    const body = JSON.stringify({
      events: [
        {
          sittingId: test,
          studentId,
          source: 'webcam',
          state: 'stopped',
          reason: 'closed',
          at: new Date().toISOString(),
        },
      ],
    });
    for (const bearer of [
      token,
      await signServiceToken('sfu', SECRET, 60, 'sfu'),
      await signServiceToken('sfu', SECRET, -1),
    ]) {
      const res = await fetch(`${t.baseUrl}/api/internal/media-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body,
      });
      expect(res.status).toBe(401);
    }
  });

  it('binds an extension nonce to its student and sitting, and heartbeats to the handshake of that sitting', async () => {
    const test = sittingOf(t.seed, 'computer_test');
    const oral = sittingOf(t.seed, 'oral');
    const alice = await as('student18');
    const bob = await as('student19');
    const hello = (nonce: string) => ({
      nonce,
      version: '0.1.0',
      protocol: 1,
      extensionId: 'pmfddhefenggdfpdboglileoahdjohga',
    });
    const shake = (c: TestClient, sittingId: string, nonce: string) =>
      c.call('extensionHandshake', { params: { sittingId }, body: hello(nonce) });
    const beat = (c: TestClient, sittingId: string) =>
      c.call('extensionHeartbeat', {
        params: { sittingId },
        body: { active: true, environment: { displays: 1, extensions: [] } },
      });

    const issued = await alice.call('extensionNonce', { params: { sittingId: test } });
    expect(issued.status).toBe(200);
    const nonce = issued.body.nonce as string;
    // Bob replays Alice's nonce; Alice presents it in another sitting she is on: both refused.
    expect((await bob.call('extensionNonce', { params: { sittingId: test } })).status).toBe(200);
    const stolen = await shake(bob, test, nonce);
    expect([stolen.status, stolen.body.error.code]).toEqual([400, 'extension_nonce_invalid']);
    expect((await alice.call('extensionNonce', { params: { sittingId: oral } })).status).toBe(200);
    const moved = await shake(alice, oral, nonce);
    expect([moved.status, moved.body.error.code]).toEqual([400, 'extension_nonce_invalid']);
    // Neither spent it: Alice's own handshake in its sitting still works, once.
    expect((await shake(alice, test, nonce)).status).toBe(200);
    expect((await shake(alice, test, nonce)).body.error.code).toBe('extension_nonce_invalid');

    // Heartbeats count only in the sitting of the handshake, and only for that student.
    expect((await beat(alice, test)).status).toBe(200);
    expect((await beat(alice, oral)).status).toBe(409);
    expect((await beat(bob, test)).status).toBe(409);
    const status = await (await as('proctor1')).call('studentExtension', {
      params: { sittingId: test, studentId: await userId(t.database.db, 'student19') },
    });
    expect(status.body).toMatchObject({ handshakeAt: null, lastHeartbeatAt: null });
  });
});
