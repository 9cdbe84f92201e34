import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AttemptAnswerAck, AttemptView, SittingWithRoster } from '@adal/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient } from './http-client.js';
import { exitCode, startServerProcess } from './server-process.js';
import { createTempDatabase } from './services.js';
import { connectSocket, emitAck } from './socket-client.js';

/**
 * "No acknowledged answer is ever lost": a student keeps answering while the server process is
 * killed (SIGKILL, no shutdown), then the server starts again on the same data. Every answer the
 * student got an ack for is there, at that revision or a newer one.
 */
const storages = [
  ['the embedded PGlite', async () => ({ env: {}, cleanup: async () => {} })],
  [
    'PostgreSQL',
    async () => {
      const db = await createTempDatabase();
      return { env: { DATABASE_URL: db.url, SEED_ON_EMPTY: 'true' }, cleanup: () => db.drop() };
    },
  ],
] as const;

describe.each(storages)('killing the server mid-exam on %s', (_name, storage) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged answer and resumes the same paper', { timeout: 120_000 }, async () => {
    const { env: storageEnv, cleanup } = await storage();
    // No media server: this test is about answers.
    const env = {
      ...storageEnv,
      SFU_MODE: 'external',
      SFU_PUBLIC_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    };
    try {
      const first = await startServerProcess(dataDir, env);
      const proctor = await new TestClient(first.baseUrl).login('proctor1');
      const test = ((await proctor.call('listSittings')).body as SittingWithRoster[]).find(
        (s) => s.kind === 'computer_test',
      );
      if (!test) throw new Error('no computer test in the seed');
      const client = await new TestClient(first.baseUrl).login('student05');
      const studentId = (await client.call('me')).body.id as string;
      await proctor.call('setAdmission', {
        params: { sittingId: test.sittingId },
        body: { studentId, access: 'green' },
      });
      const view = (await client.call('startAttempt', { params: { sittingId: test.sittingId }, body: {} }))
        .body as AttemptView;
      const socket = await connectSocket(first.baseUrl, client.cookie);

      // Answers keep flowing (no waiting for each ack) while the process is killed.
      const acked = new Map<string, { revision: number; response: string[] }>();
      let revision = 0;
      let killed = false;
      const inFlight: Promise<void>[] = [];
      const exited = exitCode(first.child);
      while (!killed) {
        revision++;
        const q = view.questions[revision % view.questions.length];
        if (!q) throw new Error('empty paper');
        const response =
          q.kind === 'short_answer'
            ? [`answer ${revision}`]
            : [q.options[revision % q.options.length]?.id as string];
        inFlight.push(
          emitAck(socket, 'attempt:answer', {
            attemptId: view.attemptId,
            questionId: q.questionId,
            response,
            revision,
          })
            .then((ack) => {
              if (ack.ok)
                acked.set(q.questionId, { revision: (ack.data as AttemptAnswerAck).revision, response });
            })
            .catch(() => undefined),
        );
        if (acked.size === view.questions.length && revision >= 60) {
          first.child.kill('SIGKILL');
          killed = true;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      await exited;
      socket.close();
      await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 2000))]);
      expect(acked.size).toBe(view.questions.length);

      const second = await startServerProcess(dataDir, env);
      try {
        const again = await new TestClient(second.baseUrl).login('student05');
        const resumed = (await again.call('getAttempt', { params: { attemptId: view.attemptId } }))
          .body as AttemptView;
        expect(resumed.status).toBe('in_progress');
        expect(resumed.questions).toEqual(view.questions);
        const stored = new Map(resumed.answers.map((a) => [a.questionId, a]));
        for (const [questionId, ack] of acked) {
          const s = stored.get(questionId);
          expect(s?.revision, `question ${questionId}`).toBeGreaterThanOrEqual(ack.revision);
          if (s?.revision === ack.revision) expect(s.response).toEqual(ack.response);
        }
      } finally {
        const stopped = exitCode(second.child);
        second.child.kill('SIGTERM');
        await stopped;
      }
    } finally {
      await cleanup();
    }
  });
});
