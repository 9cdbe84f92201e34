import type { AttemptView } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleDeadline } from '../src/attempts/attempt-clock.js';
import { sweepOverdue } from '../src/attempts/close-attempt.js';
import { answers, attempts } from '../src/attempts/schema.js';
import { auditLog } from '../src/audit/schema.js';
import { extensionSessions } from '../src/extension/schema.js';
import { grades } from '../src/grades/schema.js';
import { admit, answerAll, answerKey, setPolicy, startTest, wrongAnswer } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, emitAck, nextEvent } from './socket-client.js';
import { type QueueMode, startTestApp, type TestApp } from './test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function moveDeadline(t: TestApp, attemptId: string, inMs: number) {
  const [row] = await t.database.db
    .update(attempts)
    .set({ deadlineAt: new Date(Date.now() + inMs), startedAt: new Date(Date.now() + inMs - 60_000) })
    .where(eq(attempts.id, attemptId))
    .returning();
  if (!row) throw new Error('no attempt');
  return row;
}

describe('a computer test from Next to the result', () => {
  let t: TestApp;
  let sittingId: string;
  beforeAll(async () => {
    t = await startTestApp();
    sittingId = sittingOf(t.seed, 'computer_test');
  });
  afterAll(() => t?.close());

  it('waits for admission, draws a paper that survives a reload, saves answers, finishes and grades by difficulty', async () => {
    const db = t.database.db;
    const student = await new TestClient(t.baseUrl).login('student02');
    const before = await student.call('testInfo', { params: { sittingId } });
    expect(before.body).toMatchObject({
      blockedBy: 'not_admitted',
      attemptsUsed: 0,
      attemptsAllowed: 1,
      questionCount: 8,
      durationMinutes: 40,
    });
    expect((await student.call('startAttempt', { params: { sittingId }, body: {} })).status).toBe(409);

    const { client, view } = await startTest(t.baseUrl, db, sittingId, 'student02');
    expect(view.questions).toHaveLength(8);
    expect(view.questions.map((q) => q.difficulty).sort()).toEqual([
      'hard',
      'hard',
      'medium',
      'medium',
      'medium',
      'simple',
      'simple',
      'simple',
    ]);
    // The key never leaves the server.
    expect(JSON.stringify(view)).not.toMatch(/"correct"/);
    const started = Date.parse(view.startedAt);
    expect(Date.parse(view.deadlineAt) - started).toBe(40 * 60_000);

    // A reload (and a second Next) shows the very same paper, options in the same order.
    const again = await client.call('getAttempt', { params: { attemptId: view.attemptId } });
    expect(again.body.questions).toEqual(view.questions);
    expect((await client.call('startAttempt', { params: { sittingId }, body: {} })).body.attemptId).toBe(
      view.attemptId,
    );
    expect((await client.call('testInfo', { params: { sittingId } })).body).toMatchObject({
      attemptInProgress: view.attemptId,
      attemptsUsed: 1,
      blockedBy: null,
    });

    const key = await answerKey(db, view);
    const socket = await connectSocket(t.baseUrl, client.cookie);
    const [first, ...rest] = view.questions;
    if (!first) throw new Error('empty paper');
    await answerAll(socket, { ...view, questions: [first] }, (id) => key.get(id) ?? []);
    // Finishing with questions unanswered is refused (the Finish button appears only when all are).
    const early = await client.call('finishAttempt', {
      params: { attemptId: view.attemptId },
      body: { confirmAllAnswered: true },
    });
    expect(early.status).toBe(409);
    // Without the tick, finishing is not even considered.
    const noTick = await client.call('finishAttempt', { params: { attemptId: view.attemptId }, body: {} });
    expect(noTick.status).toBe(400);
    expect(noTick.body.error.fields[0].path).toBe('body.confirmAllAnswered');

    await answerAll(socket, { ...view, questions: rest }, (id) => key.get(id) ?? []);
    const finished = await client.call('finishAttempt', {
      params: { attemptId: view.attemptId },
      body: { confirmAllAnswered: true },
    });
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({
      status: 'finished',
      questions: 8,
      correct: 8,
      percent: 100,
      counts: true,
      byDifficulty: [
        { difficulty: 'simple', questions: 3, correct: 3 },
        { difficulty: 'medium', questions: 3, correct: 3 },
        { difficulty: 'hard', questions: 2, correct: 2 },
      ],
    });
    const studentId = await userId(db, 'student02');
    const [grade] = await db
      .select()
      .from(grades)
      .where(and(eq(grades.sittingId, sittingId), eq(grades.studentId, studentId)));
    expect(grade).toMatchObject({
      percent: 100,
      letter: 'A',
      gpaPoints: 4,
      traditional: 'excellent',
      gradedBy: null,
    });
    // Closed means closed: no more answers, no second attempt (one allowed).
    const late = await emitAck(socket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId: first.questionId,
      response: [],
      revision: 2,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await client.call('testInfo', { params: { sittingId } })).body.blockedBy).toBe(
      'no_attempts_left',
    );
    const result = (await client.call('attemptResult', { params: { attemptId: view.attemptId } })).body;
    expect(result).toMatchObject({ percent: 100, grade: { letter: 'A', traditional: 'excellent' } });
    // The journal's marks for student02 (seeded) and this exam make the final grades table.
    const { currentAverage, midterm1, midterm2, rating, exam, final } = result.finalGrades;
    expect([currentAverage, midterm1, midterm2, exam]).toEqual([67, 73, 77, 100]);
    expect(rating).toBe(75);
    expect(final).toMatchObject({ percent: 85, letter: 'B+' });
    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['attempt.started', 'attempt.finished']));
    socket.close();
  });

  it('saves each answer once per revision, never lets an older save overwrite a newer one, and checks the response', async () => {
    const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student03');
    const socket = await connectSocket(t.baseUrl, client.cookie);
    const choice = view.questions.find((q) => q.kind === 'single') ?? view.questions[0];
    if (!choice) throw new Error('no question');
    const [a, b] = choice.options;
    const save = (response: string[], revision: number) =>
      emitAck(socket, 'attempt:answer', {
        attemptId: view.attemptId,
        questionId: choice.questionId,
        response,
        revision,
      });

    const one = await save([a?.id as string], 1);
    expect(one).toMatchObject({ ok: true, data: { questionId: choice.questionId, revision: 1 } });
    // The same save again (a retry after a lost ack) gives the same answer and changes nothing.
    expect(await save([a?.id as string], 1)).toEqual(one);
    const two = await save([b?.id as string], 2);
    expect(two).toMatchObject({ ok: true, data: { revision: 2 } });
    // A late retry of revision 1 is told revision 2 is stored, and does not overwrite it.
    expect(await save([a?.id as string], 1)).toMatchObject({ ok: true, data: { revision: 2 } });
    const stored = await t.database.db
      .select()
      .from(answers)
      .where(and(eq(answers.attemptId, view.attemptId), eq(answers.questionId, choice.questionId)));
    expect(stored.map((s) => [s.response, s.revision])).toEqual([[[b?.id], 2]]);

    expect(await save(['not-an-option'], 3)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ path: 'payload.response' }] },
    });
    expect(await save([a?.id as string, b?.id as string], 3)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    const other = await emitAck(socket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId: '00000000-0000-4000-8000-000000000000',
      response: [],
      revision: 1,
    });
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ path: 'payload.questionId' }] },
    });
    // Another student cannot write into this attempt.
    const intruder = await new TestClient(t.baseUrl).login('student04');
    const intruderSocket = await connectSocket(t.baseUrl, intruder.cookie);
    const stolen = await emitAck(intruderSocket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId: choice.questionId,
      response: [a?.id as string],
      revision: 9,
    });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await intruder.call('getAttempt', { params: { attemptId: view.attemptId } })).status).toBe(404);
    intruderSocket.close();
    socket.close();
  });

  it('a proctor pause stops the clock: answers wait, and resume moves the deadline by the pause', async () => {
    const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student04');
    const socket = await connectSocket(t.baseUrl, client.cookie);
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const params = { sittingId, attemptId: view.attemptId };

    const pausedEvent = nextEvent(socket, 'attempt:changed');
    const paused = await proctor.call('pauseAttempt', { params, body: {} });
    expect(paused.status).toBe(200);
    expect(paused.body.pausedAt).not.toBeNull();
    expect(await pausedEvent).toMatchObject({ attemptId: view.attemptId, pausedAt: paused.body.pausedAt });
    const q = view.questions[0];
    const refused = await emitAck(socket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId: q?.questionId as string,
      response: [],
      revision: 1,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Pausing twice changes nothing.
    expect((await proctor.call('pauseAttempt', { params, body: {} })).body.pausedAt).toBe(
      paused.body.pausedAt,
    );

    await sleep(400);
    const resumedEvent = nextEvent(socket, 'attempt:changed');
    const resumed = await proctor.call('resumeAttempt', { params, body: {} });
    expect(resumed.body.pausedAt).toBeNull();
    const moved = Date.parse(resumed.body.deadlineAt) - Date.parse(view.deadlineAt);
    expect(moved).toBeGreaterThanOrEqual(400);
    expect(moved).toBe(Date.parse((await resumedEvent).deadlineAt) - Date.parse(view.deadlineAt));
    const [row] = await t.database.db.select().from(attempts).where(eq(attempts.id, view.attemptId));
    expect(row?.pausedMs).toBe(moved);
    expect(
      await emitAck(socket, 'attempt:answer', {
        attemptId: view.attemptId,
        questionId: q?.questionId as string,
        response: [],
        revision: 1,
      }),
    ).toMatchObject({ ok: true });
    // proctor2 is not assigned to the computer test.
    const other = await new TestClient(t.baseUrl).login('proctor2');
    expect((await other.call('pauseAttempt', { params, body: {} })).status).toBe(403);
    const audit = (await t.database.db.select().from(auditLog)).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['attempt.paused', 'attempt.resumed']));
    socket.close();
  });

  it('closes attempts whose deadline passed without a job (after a restart) and voids them by default', async () => {
    const { view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student07');
    await moveDeadline(t, view.attemptId, -1000);
    expect(await sweepOverdue(t.app.ctx)).toBe(1);
    // A student reading an overdue attempt before any sweep also finds it closed.
    const late = await startTest(t.baseUrl, t.database.db, sittingId, 'student09');
    await moveDeadline(t, late.view.attemptId, -1000);
    const read = await late.client.call('getAttempt', { params: { attemptId: late.view.attemptId } });
    expect(read.body.status).toBe('voided');
    expect(
      (await late.client.call('attemptResult', { params: { attemptId: late.view.attemptId } })).body,
    ).toMatchObject({ status: 'voided', percent: null, attemptsUsed: 1, attemptsAllowed: 1 });
    const [row] = await t.database.db.select().from(attempts).where(eq(attempts.id, view.attemptId));
    expect(row).toMatchObject({ status: 'voided' });
    expect(row?.result?.percent).toBeNull();
    expect(await sweepOverdue(t.app.ctx)).toBe(0);
  });

  it('lets a student retake when two attempts are allowed; the best attempt is the grade', async () => {
    const db = t.database.db;
    await setPolicy(db, sittingId, { attemptsAllowed: 2, countingAttempt: 'best' });
    try {
      const first = await startTest(t.baseUrl, db, sittingId, 'student08');
      const key = await answerKey(db, first.view);
      const socket = await connectSocket(t.baseUrl, first.client.cookie);
      await answerAll(socket, first.view, (id) =>
        first.view.questions.find((q) => q.questionId === id)?.kind === 'multiple'
          ? (key.get(id) ?? [])
          : wrongAnswer(first.view, id, key),
      );
      const r1 = await first.client.call('finishAttempt', {
        params: { attemptId: first.view.attemptId },
        body: { confirmAllAnswered: true },
      });
      expect(r1.body.percent).toBeLessThan(100);
      const info = await first.client.call('testInfo', { params: { sittingId } });
      expect(info.body).toMatchObject({ attemptsUsed: 1, attemptsAllowed: 2, blockedBy: null });
      const second = await first.client.call('startAttempt', { params: { sittingId }, body: {} });
      expect(second.body).toMatchObject({ number: 2, attemptsAllowed: 2 });
      const secondKey = await answerKey(db, second.body);
      await answerAll(socket, second.body, (id) => secondKey.get(id) ?? []);
      const r2 = await first.client.call('finishAttempt', {
        params: { attemptId: second.body.attemptId },
        body: { confirmAllAnswered: true },
      });
      expect(r2.body).toMatchObject({ number: 2, percent: 100, counts: true });
      const again = await first.client.call('attemptResult', { params: { attemptId: first.view.attemptId } });
      expect(again.body.counts).toBe(false);
      const [grade] = await db
        .select()
        .from(grades)
        .where(and(eq(grades.sittingId, sittingId), eq(grades.studentId, await userId(db, 'student08'))));
      expect(grade).toMatchObject({ percent: 100, attemptId: second.body.attemptId });
      expect((await first.client.call('testInfo', { params: { sittingId } })).body.blockedBy).toBe(
        'no_attempts_left',
      );
      socket.close();
    } finally {
      await setPolicy(db, sittingId, { attemptsAllowed: 1 });
    }
  });
});

describe.each<QueueMode>(['in-process', 'bullmq'])('the deadline job with the %s queue', (queue) => {
  let t: TestApp;
  let sittingId: string;
  beforeAll(async () => {
    t = await startTestApp({ queue });
    sittingId = sittingOf(t.seed, 'computer_test');
  });
  afterAll(() => t?.close());

  it('closes the attempt at the deadline even with the student gone: void by default, graded under "grade what was answered"', async () => {
    const db = t.database.db;
    const voidTest = await startTest(t.baseUrl, db, sittingId, 'student10');
    await scheduleDeadline(t.app.ctx, await moveDeadline(t, voidTest.view.attemptId, 700));
    const statusOf = async (id: string) => (await db.select().from(attempts).where(eq(attempts.id, id)))[0];
    for (let i = 0; i < 100 && (await statusOf(voidTest.view.attemptId))?.status === 'in_progress'; i++)
      await sleep(100);
    expect(await statusOf(voidTest.view.attemptId)).toMatchObject({ status: 'voided' });

    await setPolicy(db, sittingId, { timeoutPolicy: 'grade_answered' });
    const graded = await startTest(t.baseUrl, db, sittingId, 'student11');
    const key = await answerKey(db, graded.view);
    const socket = await connectSocket(t.baseUrl, graded.client.cookie);
    const firstTwo = { ...graded.view, questions: graded.view.questions.slice(0, 2) };
    await answerAll(socket, firstTwo, (id) => key.get(id) ?? []);
    const closedEvent = nextEvent(socket, 'attempt:changed');
    await scheduleDeadline(t.app.ctx, await moveDeadline(t, graded.view.attemptId, 700));
    expect(await closedEvent).toMatchObject({ attemptId: graded.view.attemptId, status: 'timed_out' });
    socket.close();

    const timedOut = await statusOf(graded.view.attemptId);
    expect(timedOut?.status).toBe('timed_out');
    expect(timedOut?.result).toMatchObject({ questions: 8, correct: 2, percent: 25 });
    const gradeOf = async (login: string) =>
      (
        await db
          .select()
          .from(grades)
          .where(and(eq(grades.sittingId, sittingId), eq(grades.studentId, await userId(db, login))))
      )[0];
    expect(await gradeOf('student10')).toBeUndefined();
    expect(await gradeOf('student11')).toMatchObject({ percent: 25, letter: 'FX' });
  });

  it('refuses to start a test that requires the extension until the extension answered (issue 8)', async () => {
    const db = t.database.db;
    await setPolicy(db, sittingId, { extensionRequired: true });
    try {
      const studentId = await admit(db, sittingId, 'student12');
      const student = await new TestClient(t.baseUrl).login('student12');
      expect((await student.call('testInfo', { params: { sittingId } })).body).toMatchObject({
        blockedBy: 'extension_missing',
      });
      const refused = await student.call('startAttempt', { params: { sittingId }, body: {} });
      expect(refused.status).toBe(409);
      expect(await db.select().from(attempts).where(eq(attempts.studentId, studentId))).toEqual([]);

      // The handshake (server/src/extension) leaves this row behind.
      await db
        .insert(extensionSessions)
        .values({ sittingId, studentId, version: '0.1.0', handshakeAt: new Date() });
      expect((await student.call('testInfo', { params: { sittingId } })).body).toMatchObject({
        blockedBy: null,
      });
      expect((await student.call('startAttempt', { params: { sittingId }, body: {} })).status).toBe(200);
    } finally {
      await setPolicy(db, sittingId, { extensionRequired: false });
    }
  });
});
