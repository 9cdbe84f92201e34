/** Bugs the fuzzers found, kept as plain cases (make-up evidence bombs: uploads.test.ts). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprint } from '../db-fingerprint.js';
import { sittingOf, userId } from '../fixtures.js';
import { TestClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { errorShapeProblem, SETUP_MS } from './fuzz-run.js';
import { declaredPngBomb } from './hostile-files.js';

describe('fuzz findings stay fixed', () => {
  let t: TestApp;
  let sittingId: string;
  beforeAll(async () => {
    t = await startTestApp();
    sittingId = sittingOf(t.seed, 'computer_test');
  }, SETUP_MS);
  afterAll(() => t?.close());

  it('answers a path with broken percent-encoding with a 400, not a 500', async () => {
    const admin = await new TestClient(t.baseUrl).login('admin');
    for (const path of ['/api/sittings/%zz', '/api/sittings/%E0%A4%A/proctors', '/api/sittings/%']) {
      const res = await admin.raw('GET', path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(errorShapeProblem(res.body)).toBeNull();
      expect(res.body.error.fields).toEqual([{ path: 'params', message: 'invalid percent-encoding' }]);
    }
  });

  it('refuses text with a NUL character by field (PostgreSQL cannot store it), writing nothing', async () => {
    const student = await new TestClient(t.baseUrl).login('student08');
    const before = await dbFingerprint(t.database.db);
    const res = await student.call('messageProctor', {
      params: { sittingId },
      body: { text: 'help\u0000me' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body.text', message: 'contains a NUL character' }]);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('refuses a log entry number past the 32-bit column as a bad parameter', async () => {
    const admin = await new TestClient(t.baseUrl).login('admin');
    const studentId = await userId(t.database.db, 'student07');
    const res = await admin.call('reviewFlag', {
      params: { sittingId, studentId, seq: '9007199254740940' },
      body: { decision: 'dismissed', reason: 'fuzz' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['params.seq']);
  });

  it('refuses a batch of flag reports whole when a later snapshot is bad, naming that report', async () => {
    const student = await new TestClient(t.baseUrl).login('student05');
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
    const report = (startedAt: string, snapshot?: string) => ({
      episodeId: randomUUID(),
      type: 'tab_switch',
      startedAt,
      endedAt: at(0),
      confidence: 90,
      ...(snapshot ? { snapshot } : {}),
    });
    const before = await dbFingerprint(t.database.db);
    // The bad one is sent first but started last: the field still names it by its place in the body.
    const res = await student.call('reportFlags', {
      params: { sittingId },
      body: { reports: [report(at(1), Buffer.from('not an image').toString('base64')), report(at(9))] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.reports.0.snapshot']);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('refuses a snapshot whose header declares 50,000 × 50,000 pixels', async () => {
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const studentId = await userId(t.database.db, 'student06');
    const before = await dbFingerprint(t.database.db);
    const res = await proctor.call('raiseViolation', {
      params: { sittingId, studentId },
      body: { type: 'third_person', severity: 'high', snapshot: declaredPngBomb().toString('base64') },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'body.snapshot', message: 'not a readable image of at most 4096×4096 px' },
    ]);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });
});
