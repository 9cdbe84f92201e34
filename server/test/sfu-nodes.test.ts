import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSfu, type Sfu } from '../../sfu/src/app.js';
import { loadSfuConfig } from '../../sfu/src/config.js';
import { connect, ok, vp8Simulcast } from '../../sfu/test/sfu-harness.js';
import { anyDisciplineAndGroup } from './fixtures.js';
import { TestClient } from './http-client.js';
import { REDIS_URL, uniqueName } from './services.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'several-sfu-nodes-share-this-secret-0123';

/** Production placement: SFU nodes announce their load in Redis; sittings go to the least loaded. */
describe('several SFU nodes', () => {
  const prefix = uniqueName('nodes').replace('_', '-');
  let t: TestApp;
  const nodes: Sfu[] = [];
  const urls: string[] = [];

  async function startNode(nodeId: string, rtcBase: number): Promise<Sfu> {
    const sfu = await createSfu(
      loadSfuConfig({
        SFU_PORT: '0',
        SFU_WORKERS: '1',
        SFU_RTC_MIN_PORT: String(rtcBase),
        SFU_RTC_MAX_PORT: String(rtcBase + 99),
        MEDIA_TOKEN_SECRET: SECRET,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        SFU_NODE_ID: nodeId,
      }),
      pino({ level: 'silent' }),
    );
    await sfu.listen();
    nodes.push(sfu);
    return sfu;
  }

  beforeAll(async () => {
    t = await startTestApp({
      queue: 'bullmq',
      queuePrefix: prefix,
      env: { MEDIA_TOKEN_SECRET: SECRET, SFU_MODE: 'external' },
    });
    for (const [id, base] of [
      ['node-a', 45000],
      ['node-b', 45100],
    ] as const) {
      const sfu = await startNode(id, base);
      urls.push(sfu.node?.state().url ?? '');
    }
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await t?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  async function newSitting(registrar: TestClient): Promise<string> {
    const refs = await anyDisciplineAndGroup(t.database.db);
    const res = await registrar.call('createSitting', {
      body: { ...refs, kind: 'computer_test', startsAt: '2026-12-01T09:00:00Z', durationMinutes: 30 },
    });
    return res.body.sittingId;
  }

  it('places a sitting on the least-loaded node, keeps it there, and moves it when the node dies', async () => {
    const registrar = await new TestClient(t.baseUrl).login('registrar');
    const student = await new TestClient(t.baseUrl).login('student01');
    const tokenFor = async (sittingId: string) =>
      (await student.call('mediaToken', { params: { sittingId }, body: {} })).body as {
        token: string;
        sfuUrl: string;
      };

    const first = await newSitting(registrar);
    const a = await tokenFor(first);
    expect(urls).toContain(a.sfuUrl);
    expect((await tokenFor(first)).sfuUrl).toBe(a.sfuUrl);

    // Load the first sitting's node, and let it announce that at once.
    const media = await connect(a.sfuUrl, a.token);
    const send = await ok(media, 'media:createWebRtcTransport', { direction: 'send' });
    await ok(media, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(9000),
      source: 'webcam',
    });
    const loaded = nodes.find((n) => n.node?.state().url === a.sfuUrl);
    await loaded?.node?.announce();
    expect(loaded?.node?.state()).toMatchObject({ rooms: 1, peers: 1, producers: 1 });

    const second = await newSitting(registrar);
    const b = await tokenFor(second);
    expect(b.sfuUrl).not.toBe(a.sfuUrl);
    media.close();

    await loaded?.close();
    expect((await tokenFor(first)).sfuUrl).toBe(b.sfuUrl);
  });

  it('answers 503 with a clear message when no node is alive', async () => {
    for (const n of nodes.splice(0)) await n.close();
    const registrar = await new TestClient(t.baseUrl).login('registrar');
    const sittingId = await newSitting(registrar);
    const student = await new TestClient(t.baseUrl).login('student02');
    const res = await student.call('mediaToken', { params: { sittingId }, body: {} });
    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({
      code: 'service_unavailable',
      message: 'No media server is available right now.',
    });
  });
});
