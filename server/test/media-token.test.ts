import { verifyMediaToken } from '@adal/shared/media-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'media-token-secret-for-tests-0123456789';

describe('media tokens for the SFU', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET, SFU_PUBLIC_URL: 'http://sfu.test:3010' } });
  });
  afterAll(() => t?.close());

  it('lets a student publish webcam, microphone, screen and the exam tab for their own sitting only', async () => {
    const student = await new TestClient(t.baseUrl).login('student15');
    const sittingId = sittingOf(t.seed, 'computer_test');
    const res = await student.call('mediaToken', { params: { sittingId }, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.sfuUrl).toBe('http://sfu.test:3010');
    const grant = await verifyMediaToken(res.body.token, SECRET);
    const me = await userId(t.database.db, 'student15');
    expect(grant).toEqual({
      userId: me,
      sittingId,
      peerRole: 'student',
      studentId: me,
      // The exam tab is optional (the student starts it from the extension), but this device may send it.
      sources: ['webcam', 'microphone', 'screen', 'tab'],
    });
  });

  it('gives the phone page a token that may publish only the phone camera', async () => {
    const student = await new TestClient(t.baseUrl).login('student15');
    const res = await student.call('mediaToken', {
      params: { sittingId: sittingOf(t.seed, 'oral') },
      body: { device: 'phone' },
    });
    expect((await verifyMediaToken(res.body.token, SECRET)).sources).toEqual(['phone']);
  });

  it('lets assigned staff watch, publishing nothing, and refuses the rest', async () => {
    const proctor = await new TestClient(t.baseUrl).login('proctor2');
    const watching = await proctor.call('mediaToken', {
      params: { sittingId: sittingOf(t.seed, 'oral') },
      body: {},
    });
    expect(await verifyMediaToken(watching.body.token, SECRET)).toMatchObject({
      peerRole: 'watcher',
      studentId: null,
      sources: [],
    });
    const notAssigned = await proctor.call('mediaToken', {
      params: { sittingId: sittingOf(t.seed, 'computer_test') },
      body: {},
    });
    expect(notAssigned.status).toBe(403);
    const phone = await proctor.call('mediaToken', {
      params: { sittingId: sittingOf(t.seed, 'oral') },
      body: { device: 'phone' },
    });
    expect(phone.status).toBe(400);
    const registrar = await new TestClient(t.baseUrl).login('registrar');
    expect(
      (await registrar.call('mediaToken', { params: { sittingId: sittingOf(t.seed, 'oral') }, body: {} }))
        .status,
    ).toBe(403);
  });
});
