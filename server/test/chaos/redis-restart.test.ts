import { request as httpRequest } from 'node:http';
import type { SittingWithRoster } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../http-client.js';
import { createTempDatabase } from '../services.js';
import { sheetPhoto } from '../sheet-images.js';
import { TusClient } from '../tus-client.js';
import { CHAOS_LONG } from './chaos-report.js';
import { ChaosServer } from './chaos-server.js';
import { type PrivateRedis, startPrivateRedis } from './private-services.js';
import { expectNothingLost, runFault } from './run-fault.js';

const DOWN_MS = CHAOS_LONG ? 10_000 : 3000;

describe('chaos: Redis is restarted (and comes back empty) mid-sitting', () => {
  it('keeps every acknowledged answer, page and log entry; deadlines still fire', {
    timeout: CHAOS_LONG ? 300_000 : 150_000,
  }, async () => {
    let redis: PrivateRedis | undefined;
    const result = await runFault({
      fault: `restart Redis, down ${DOWN_MS / 1000} s, no persistence (queued jobs gone)`,
      services: async () => {
        const db = await createTempDatabase();
        redis = await startPrivateRedis();
        return {
          databaseUrl: db.url,
          redisUrl: redis.url,
          cleanup: async () => {
            await redis?.destroy();
            await db.drop();
          },
        };
      },
      outageMs: DOWN_MS + 3000,
      inject: async () => redis?.restart(DOWN_MS),
    });
    expectNothingLost(result);
  });

  // Regression: the socket.io adapter publishes without awaiting, and its connection gave up after
  // 3 retries: an event announced while Redis was down (here a page stored by an upload that had
  // passed the rate limit just before) was an unhandled rejection that ended the server process.
  it('stays up when it announces something while Redis is down', { timeout: 90_000 }, async () => {
    const db = await createTempDatabase();
    const redis = await startPrivateRedis();
    const server = new ChaosServer(db.url, redis.url);
    try {
      await server.start();
      const proctor = await new TestClient(server.baseUrl).login('proctor1');
      const student = await new TestClient(server.baseUrl).login('student07');
      const written = ((await proctor.call('listSittings')).body as SittingWithRoster[]).find(
        (s) => s.kind === 'written',
      )?.sittingId as string;
      const studentId = (await student.call('me')).body.id as string;
      await proctor.call('setAdmission', {
        params: { sittingId: written },
        body: { studentId, access: 'green' },
      });
      const photo = await sheetPhoto({ width: 640, seed: 7 });
      const created = await new TusClient(server.baseUrl, student.cookie).create(written, photo.length, {
        pageNumber: '1',
      });
      expect(created.status).toBe(201);
      const patch = httpRequest(new URL(created.headers.get('location') as string, server.baseUrl), {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
          'Content-Length': String(photo.length),
          cookie: student.cookie as string,
        },
      });
      const answered = new Promise<number>((resolve) => {
        patch.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        patch.on('error', () => resolve(0));
      });
      patch.write(photo.subarray(0, 1000));
      await new Promise((r) => setTimeout(r, 500));
      const back = redis.restart(8000);
      await new Promise((r) => setTimeout(r, 1500));
      patch.end(photo.subarray(1000));
      expect(await answered).toBe(204);
      await back;
      await new Promise((r) => setTimeout(r, 1000));
      expect(server.running?.child.exitCode, server.output().slice(-2000)).toBeNull();
      expect(
        (await student.call('studentSheets', { params: { sittingId: written } })).body.pages,
      ).toHaveLength(1);
    } finally {
      await server.stop();
      await server.dropRedisKeys().catch(() => undefined);
      await redis.destroy();
      await db.drop();
    }
  });

  // Regression: the API rate limit lived only in Redis, so while Redis was down every request
  // failed with 500. It now counts in the process meanwhile (rate-limits.ts insuranceLimiter).
  it('keeps serving the API while Redis is down', { timeout: 90_000 }, async () => {
    const db = await createTempDatabase();
    const redis = await startPrivateRedis();
    const server = new ChaosServer(db.url, redis.url);
    try {
      await server.start();
      const student = await new TestClient(server.baseUrl).login('student07');
      let redisBack = false;
      const back = redis.restart(8000).then(() => {
        redisBack = true;
      });
      await new Promise((r) => setTimeout(r, 1500));
      const during = [await student.call('me'), await student.call('studentSchedule')];
      // Answered while Redis was still down — not held until it came back.
      expect(redisBack).toBe(false);
      expect(during.map((r) => r.status)).toEqual([200, 200]);
      expect(during[0]?.body.login).toBe('student07');
      await back;
    } finally {
      await server.stop();
      await server.dropRedisKeys().catch(() => undefined);
      await redis.destroy();
      await db.drop();
    }
  });
});
