import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSfu, type Sfu } from '../../sfu/src/app.js';
import { loadSfuConfig } from '../../sfu/src/config.js';
import { connect, ok, vp8Simulcast } from '../../sfu/test/sfu-harness.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'server-and-sfu-share-this-secret-0123456789';

/** The whole path: the server mints a token, the SFU admits it, and source changes come back. */
describe('server ⇄ SFU', () => {
  let t: TestApp;
  let sfu: Sfu;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET } });
    const config = loadSfuConfig({
      SFU_PORT: '0',
      SFU_WORKERS: '1',
      SFU_RTC_MIN_PORT: '44000',
      SFU_RTC_MAX_PORT: '44099',
      MEDIA_TOKEN_SECRET: SECRET,
      SERVER_INTERNAL_URL: t.baseUrl,
    });
    sfu = await createSfu(config, pino({ level: 'silent' }));
    await sfu.listen();
  });
  afterAll(async () => {
    await sfu?.close();
    await t?.close();
  });

  it('reports a student’s webcam going live and stopping to the proctor watching the sitting', async () => {
    const sittingId = sittingOf(t.seed, 'written');
    const studentId = await userId(t.database.db, 'student21');
    const proctor = await new TestClient(t.baseUrl).login('proctor2');
    const proctorSocket = await connectSocket(t.baseUrl, proctor.cookie);
    await new Promise((r) => proctorSocket.emit('sitting:watch', { sittingId }, r));

    const student = await new TestClient(t.baseUrl).login('student21');
    const { token } = (await student.call('mediaToken', { params: { sittingId }, body: {} })).body;
    const sfuUrl = `http://127.0.0.1:${(sfu.httpServer.address() as { port: number }).port}`;
    const media = await connect(sfuUrl, token);
    const send = await ok(media, 'media:createWebRtcTransport', { direction: 'send' });

    const live = nextEvent(proctorSocket, 'media:sourceChanged');
    await ok(media, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(8000),
      source: 'webcam',
    });
    expect(await live).toMatchObject({ sittingId, studentId, source: 'webcam', state: 'live', reason: null });

    const stopped = nextEvent(proctorSocket, 'media:sourceChanged');
    media.close();
    expect(await stopped).toMatchObject({
      sittingId,
      studentId,
      source: 'webcam',
      state: 'stopped',
      reason: 'peer_left',
    });
    proctorSocket.close();
  });
});
