import { SFU_NODE_ANNOUNCE_MS } from '@adal/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittingOf } from '../fixtures.js';
import { TestClient } from '../http-client.js';
import { REDIS_URL, uniqueName } from '../services.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { CHAOS_LONG, recordChaosRow } from './chaos-report.js';
import { proctorWatching, studentWebcam, until } from './sfu-media-clients.js';
import { freePort, type SfuNodeProcess, startSfuNode } from './sfu-node-process.js';
import { answeringStudent, expectSameAttemptResumed, webcamGaps } from './sfu-sitting.js';

const SECRET = 'chaos-sfu-process-kill-secret-0123456789';
/** Long mode starts a fresh node after each kill and kills the sitting's node again. */
const ROUNDS = CHAOS_LONG ? 3 : 1;

/**
 * kill -9 the SFU node carrying a running computer test while another node is up. The dead node
 * reports nothing; its announcement expires, the student's computer and the proctor's console
 * follow the sitting to the other node, and the outage is still a gap in the record.
 */
describe('chaos: an SFU process killed during a sitting', () => {
  const prefix = uniqueName('chaos-sfu').replace('_', '-');
  let t: TestApp;
  const nodes: SfuNodeProcess[] = [];
  const opened: { close(): void }[] = [];

  let serverUrl = '';
  const startNode = (nodeId: string, rtcBase: number) =>
    startSfuNode({ nodeId, rtcBase, redisUrl: REDIS_URL, queuePrefix: prefix, serverUrl, secret: SECRET });

  beforeAll(async () => {
    // The nodes start while the server seeds its database (both take a while): it gets a known port.
    const port = await freePort();
    serverUrl = `http://127.0.0.1:${port}`;
    // Each node is remembered as soon as it is up, so afterAll stops it even if the other failed.
    const started = Promise.all(
      [startNode('chaos-a', 46200), startNode('chaos-b', 46300)].map((p) => p.then((n) => nodes.push(n))),
    );
    started.catch(() => undefined);
    t = await startTestApp({
      queue: 'bullmq',
      queuePrefix: prefix,
      env: { MEDIA_TOKEN_SECRET: SECRET, SFU_MODE: 'external', PORT: String(port) },
    });
    await started;
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    for (const n of nodes) await n.stop();
    await t?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('moves the student and the proctor to the other node, logs the gap, keeps the attempt', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const student = await answeringStudent(t.baseUrl, t.database.db, sittingId, 'student06');
    opened.push(student);
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const media = await studentWebcam(student.client, sittingId);
    opened.push(media);
    const view = await proctorWatching(proctor, sittingId, student.studentId);
    opened.push(view);
    let producer = await until('the webcam on the proctor screen', () =>
      view.tracks.length ? view.watcher.producerOf(student.studentId, 'webcam') : undefined,
    );

    let worst = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      await student.answer(2);
      const ticket = await student.client.call('mediaToken', { params: { sittingId }, body: {} });
      const carrying = nodes.find((n) => n.url === ticket.body.sfuUrl);
      const other = nodes.find((n) => n !== carrying && n.child.exitCode === null && !n.child.signalCode);
      if (!carrying || !other) throw new Error(`the sitting is on no started node: ${ticket.body.sfuUrl}`);
      expect(carrying.workerPids()).toHaveLength(1);
      const tracksBefore = view.tracks.length;
      const killedAt = Date.now();
      await carrying.kill9();
      nodes.splice(nodes.indexOf(carrying), 1);

      const before = producer;
      producer = await until('a webcam producer on the other node', () => {
        const p = view.watcher.producerOf(student.studentId, 'webcam');
        return p && p.producerId !== before.producerId ? p : undefined;
      });
      await until('a new consumer track on the proctor screen', () => view.tracks.length > tracksBefore);
      const backAt = Date.now();
      worst = Math.max(worst, (backAt - killedAt) / 1000);
      expect(media.connection.state).toBe('connected');
      const moved = await student.client.call('mediaToken', { params: { sittingId }, body: {} });
      expect(moved.body.sfuUrl).toBe(other.url);

      // The dead node said nothing: the gap starts at its last sign of life, ends when live again.
      const gaps = await until(`${round} closed gap(s) in the record`, async () => {
        const all = await webcamGaps(proctor, sittingId, student.studentId);
        return all.length === round && all.every((g) => g.to) ? all : undefined;
      });
      const gap = gaps[round - 1];
      const from = Date.parse(gap?.from ?? '');
      const to = Date.parse(gap?.to ?? '');
      const noticed = media.states.find((s) => s.state === 'reconnecting' && s.at >= killedAt)?.at ?? 0;
      expect(from).toBeGreaterThanOrEqual(killedAt - SFU_NODE_ANNOUNCE_MS - 1000);
      expect(from).toBeLessThanOrEqual(noticed);
      expect(to).toBeGreaterThan(noticed);
      expect(to).toBeLessThanOrEqual(backAt);
      // Long mode: a fresh node takes the dead one's place, and the next round kills the carrier again.
      if (round < ROUNDS) nodes.push(await startNode(`chaos-${round}`, 46400 + round * 100));
    }

    const lost = await expectSameAttemptResumed(student, proctor, sittingId, ROUNDS);
    expect(lost).toBe(0);

    recordChaosRow({
      fault: `kill -9 the SFU process carrying the sitting (another SFU node up)${ROUNDS > 1 ? ` ×${ROUNDS}` : ''}`,
      running:
        'computer test, 1 student answering + webcam published (exam-client media code), 1 proctor watching',
      dataChecked: `${student.acked.size} acked answers, ${ROUNDS} webcam gap(s) in listMediaGaps and Chat&log, proctor consuming on the other node, same attempt resumed`,
      lost,
      recoverySeconds: worst,
    });
  }, 180_000);
});
