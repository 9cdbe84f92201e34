import { ApiErrorResponse } from '@adal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprint } from './db-fingerprint.js';
import { anyDisciplineAndGroup } from './fixtures.js';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('bad input gets a clear error and changes nothing', () => {
  let t: TestApp;
  let registrar: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    registrar = await new TestClient(t.baseUrl).login('registrar');
  });
  afterAll(() => t?.close());

  const expectCleanError = (body: unknown) => {
    expect(ApiErrorResponse.safeParse(body).success).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|stack/);
  };

  it('names every offending field with a 400', async () => {
    const refs = await anyDisciplineAndGroup(t.database.db);
    const before = await dbFingerprint(t.database.db);
    const res = await registrar.call('createSitting', {
      body: { ...refs, kind: 'picnic', startsAt: 'tomorrow', durationMinutes: -5, extra: true },
    });
    expect(res.status).toBe(400);
    expectCleanError(res.body);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.startsAt', 'body.durationMinutes']));
    expect(paths.some((p: string) => p === 'body' || p.startsWith('body.extra') || p === 'body.')).toBe(true);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('refuses references that do not exist, naming the field', async () => {
    const refs = await anyDisciplineAndGroup(t.database.db);
    const res = await registrar.call('createSitting', {
      body: {
        ...refs,
        disciplineId: '00000000-0000-4000-8000-000000000000',
        kind: 'oral',
        startsAt: '2026-12-01T09:00:00Z',
        durationMinutes: 60,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body.disciplineId', message: 'no such discipline' }]);
    const state = await registrar.call('createSitting', {
      body: { ...refs, kind: 'state_exam', startsAt: '2026-12-01T09:00:00Z', durationMinutes: 60 },
    });
    expect(state.body.error.fields[0].path).toBe('body.commissionId');
  });

  it('creates a sitting with the kind’s default policies, overridable per field', async () => {
    const refs = await anyDisciplineAndGroup(t.database.db);
    const res = await registrar.call('createSitting', {
      body: {
        ...refs,
        kind: 'oral',
        startsAt: '2026-12-01T09:00:00+05:00',
        durationMinutes: 90,
        policies: { attemptsAllowed: 2 },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.startsAt).toBe('2026-12-01T04:00:00.000Z');
    expect(res.body.policies).toMatchObject({
      attemptsAllowed: 2,
      oralQuestioningDelayMinutes: 20,
      writtenDurationMinutes: 120,
    });
  });

  it('answers malformed JSON, wrong content types and oversized bodies with codes, not crashes', async () => {
    const malformed = await registrar.raw('POST', '/api/sittings', '{"kind":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expectCleanError(malformed.body);
    const form = await registrar.raw('POST', '/api/sittings', 'kind=oral', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const huge = await registrar.raw('POST', '/api/sittings', JSON.stringify({ pad: 'x'.repeat(10_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('answers unknown API routes and bad ids with JSON', async () => {
    const unknown = await registrar.raw('GET', '/api/no/such/thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const badId = await registrar.raw('GET', '/api/sittings/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields[0].path).toBe('params.sittingId');
    const missing = await registrar.raw('GET', '/api/sittings/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const page = await registrar.raw('GET', '/nothing-here');
    expect(page.status).toBe(404);
    expectCleanError(page.body);
  });

  it('answers health with the database and queue state', async () => {
    const res = await new TestClient(t.baseUrl).call('health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { kind: 'pglite', ok: true },
      queue: { kind: 'in-process', ok: true },
    });
  });
});
