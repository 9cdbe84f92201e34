import { randomUUID } from 'node:crypto';
import { http, pathFor, type RouteName } from '@adal/shared';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FrontProxy,
  PIN_HEADER,
  SERVED_BY_HEADER,
  startFrontProxy,
} from '../bench/cluster/front-proxy.js';
import { setPolicy } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { createTempDatabase, REDIS_URL, uniqueName } from './services.js';
import { connectSocket, emitAck, nextEvent, type TestSocket } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Scale-out: two server processes (on one PostgreSQL and one Redis) behind one port. Whatever
 * process a student or proctor lands on, the other process's sockets hear about it.
 */
describe('two server processes behind one front proxy', () => {
  let database: Awaited<ReturnType<typeof createTempDatabase>>;
  let apps: TestApp[] = [];
  let proxy: FrontProxy;
  let sittingId: string;
  const queuePrefix = uniqueName('cluster').replace('_', '-');
  const sockets: { close(): void }[] = [];

  beforeAll(async () => {
    database = await createTempDatabase();
    const shared = { storage: 'postgres', queue: 'bullmq', databaseUrl: database.url, queuePrefix } as const;
    const a = await startTestApp(shared);
    const b = await startTestApp({ ...shared, seed: false });
    apps = [a, b];
    proxy = await startFrontProxy([a.baseUrl, b.baseUrl]);
    sittingId = sittingOf(a.seed, 'computer_test');
    // A finished flag is logged by a job one merge gap later: keep the wait short.
    await setPolicy(a.database.db, sittingId, { flagMergeGapSeconds: 1 });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await proxy?.close();
    for (const app of apps) await app.close();
    await database?.drop();
    // The flag's logging job and BullMQ's bookkeeping stay behind under the prefix.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  /** Which process holds a socket: the client's id is the server-side socket's id. */
  const processOf = (socket: TestSocket) =>
    apps.findIndex((t) => t.app.io.of('/').sockets.has(socket.id ?? ''));

  /** A route call through the proxy, pinned to one process. */
  const callOn = (
    index: number,
    client: TestClient,
    name: RouteName,
    input: { params?: Record<string, string>; body?: unknown },
  ) =>
    client.raw(http[name].method, pathFor(http[name].path, input.params), input.body, {
      [PIN_HEADER]: String(index),
    });

  /** A proctor's socket watching the sitting from the given process (sockets go there in turn). */
  async function watcherOn(index: number): Promise<TestSocket> {
    const proctor = await new TestClient(proxy.url).login('proctor1');
    for (let tries = 0; tries < apps.length; tries++) {
      const socket = await connectSocket(proxy.url, proctor.cookie);
      sockets.push(socket);
      if (processOf(socket) !== index) continue;
      expect(await emitAck(socket, 'sitting:watch', { sittingId })).toEqual({
        ok: true,
        data: { sittingId },
      });
      return socket;
    }
    throw new Error(`no socket landed on process ${index}`);
  }

  it('spreads new clients over both processes in turn', async () => {
    const proctor = await new TestClient(proxy.url).login('proctor1');
    const opened = [];
    for (let i = 0; i < 4; i++) {
      const socket = await connectSocket(proxy.url, proctor.cookie);
      sockets.push(socket);
      opened.push(processOf(socket));
    }
    expect(opened.sort()).toEqual([0, 0, 1, 1]);
    const served = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/api/health`);
      expect(res.status).toBe(200);
      served.add(res.headers.get(SERVED_BY_HEADER) ?? '');
    }
    expect(served).toEqual(new Set(['0', '1']));
    const stats = proxy.stats();
    for (const s of stats) {
      expect(s.requests).toBeGreaterThan(0);
      expect(s.upgrades).toBeGreaterThanOrEqual(2);
      expect(s.failed).toBe(0);
    }
  });

  it('delivers a violation raised on one process to a proctor watching on the other', async () => {
    const studentId = await userId(apps[0]?.database.db as TestApp['database']['db'], 'student07');
    const proctor = await new TestClient(proxy.url).login('proctor1');
    const watcher = await watcherOn(1);

    const heard = nextEvent(watcher, 'log:appended');
    const note = `cross-process ${randomUUID()}`;
    const raised = await callOn(0, proctor, 'raiseViolation', {
      params: { sittingId, studentId },
      body: { type: 'phone_or_device', severity: 'high', note },
    });
    expect(raised.status).toBe(201);
    expect(raised.headers.get(SERVED_BY_HEADER)).toBe('0');
    expect(await heard).toMatchObject({
      sittingId,
      studentId,
      entry: {
        source: 'proctor',
        type: 'phone_or_device',
        severity: 'high',
        text: note,
        seq: raised.body.seq,
      },
    });
  });

  it("delivers a student's flag from one process, and its log entry from whichever process logs it", async () => {
    const studentId = await userId(apps[0]?.database.db as TestApp['database']['db'], 'student08');
    const student = await new TestClient(proxy.url).login('student08');
    const watcher = await watcherOn(1);

    const episode = nextEvent(watcher, 'flag:episode');
    const logged = nextEvent(watcher, 'log:appended', 15_000);
    const at = new Date().toISOString();
    const sent = await callOn(0, student, 'reportFlags', {
      params: { sittingId },
      body: {
        reports: [
          { episodeId: randomUUID(), type: 'tab_switch', startedAt: at, endedAt: at, confidence: 90 },
        ],
      },
    });
    expect(sent.status).toBe(202);
    expect(sent.headers.get(SERVED_BY_HEADER)).toBe('0');
    expect(await episode).toMatchObject({
      sittingId,
      studentId,
      episode: { type: 'tab_switch', confidence: 90 },
    });
    // The merge gap over, a BullMQ worker on either process writes the entry.
    expect(await logged).toMatchObject({
      sittingId,
      studentId,
      entry: { source: 'auto_flag', type: 'tab_switch', confidence: 90 },
    });
  });

  it('keeps a long-polling client on the process that holds its session', async () => {
    const proctor = await new TestClient(proxy.url).login('proctor1');
    const before = proxy.stats().reduce((n, s) => n + s.sticky, 0);
    // The browser default: HTTP long-polling first, then the upgrade to a websocket.
    const socket: TestSocket = io(proxy.url, {
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: proctor.cookie ?? '' },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    // Acked over polling or the upgraded websocket: either way on the process that holds it.
    expect(await emitAck(socket, 'sitting:watch', { sittingId })).toEqual({ ok: true, data: { sittingId } });
    await new Promise<void>((resolve) => {
      if (socket.io.engine.transport.name === 'websocket') resolve();
      else socket.io.engine.once('upgrade', () => resolve());
    });
    expect(processOf(socket)).toBeGreaterThanOrEqual(0);
    expect(proxy.stats().reduce((n, s) => n + s.sticky, 0)).toBeGreaterThan(before);
    expect(proxy.stats().every((s) => s.failed === 0)).toBe(true);
    expect(socket.connected).toBe(true);
  });
});
