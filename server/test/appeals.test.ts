import type { AppealPage, AppealView, AttemptView, PassedTest } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempts } from '../src/attempts/schema.js';
import { auditLog } from '../src/audit/schema.js';
import { grades } from '../src/grades/schema.js';
import { answerAll, answerKey, startTest, wrongAnswer } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Finishes a test with the first `wrong` single-answer questions answered wrongly, the rest right. */
async function finishWithMistakes(t: TestApp, sittingId: string, login: string, wrong: number) {
  const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, login);
  const key = await answerKey(t.database.db, view);
  const mistakes = new Set(
    view.questions
      .filter((q) => q.kind === 'single')
      .slice(0, wrong)
      .map((q) => q.questionId),
  );
  const socket = await connectSocket(t.baseUrl, client.cookie);
  await answerAll(socket, view, (id) =>
    mistakes.has(id) ? wrongAnswer(view, id, key) : (key.get(id) ?? []),
  );
  socket.close();
  const res = await client.call('finishAttempt', {
    params: { attemptId: view.attemptId },
    body: { confirmAllAnswered: true },
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return { client, view: view as AttemptView, mistakes: [...mistakes] };
}

describe('appeals of a computer test', () => {
  let t: TestApp;
  let sittingId: string;
  beforeAll(async () => {
    t = await startTestApp();
    sittingId = sittingOf(t.seed, 'computer_test');
  });
  afterAll(() => t?.close());

  it('lets the student appeal wrongly answered questions in the window; accepted ones count and the grade follows', async () => {
    const db = t.database.db;
    const { client, view, mistakes } = await finishWithMistakes(t, sittingId, 'student12', 2);
    expect(mistakes).toHaveLength(2);
    const studentId = await userId(db, 'student12');

    const passed = (await client.call('passedTests', { query: '?from=2026-01-01' })).body as PassedTest[];
    expect(passed).toHaveLength(1);
    expect(passed[0]).toMatchObject({
      attemptId: view.attemptId,
      questions: 8,
      correct: 6,
      correctAfterAppeal: null,
    });
    expect(passed[0]?.grade).toMatchObject({ percent: 75, letter: 'B-' });
    expect(passed[0]?.appealOpenUntil).not.toBeNull();

    const page = (await client.call('appealPage', { params: { attemptId: view.attemptId } }))
      .body as AppealPage;
    expect(page.open).toBe(true);
    expect(page.wrong.map((q) => q.questionId).sort()).toEqual([...mistakes].sort());
    for (const q of page.wrong)
      expect(view.questions[q.position - 1]?.questionId, 'position on the paper').toBe(q.questionId);
    expect(JSON.stringify(page)).not.toMatch(/"correct"/);
    const [attempt] = await db.select().from(attempts).where(eq(attempts.id, view.attemptId));
    expect(Date.parse(page.windowEndsAt as string) - (attempt?.finishedAt?.getTime() ?? 0)).toBe(30 * 60_000);

    // A question answered right cannot be appealed.
    const right = view.questions.find((q) => !mistakes.includes(q.questionId))?.questionId as string;
    const refused = await client.call('fileAppeal', {
      params: { attemptId: view.attemptId },
      body: { items: [{ questionId: right, comment: 'Please check.' }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      { path: 'body.items.0.questionId', message: 'this answer already scored in full' },
    ]);

    const [first, second] = mistakes as [string, string];
    const filed = await client.call('fileAppeal', {
      params: { attemptId: view.attemptId },
      body: {
        items: [
          { questionId: first, comment: 'Two options mean the same thing.' },
          { questionId: second, comment: 'The question was unclear.' },
        ],
      },
    });
    expect(filed.status).toBe(201);
    expect((filed.body as AppealView).items.map((i) => i.decision)).toEqual(['pending', 'pending']);
    expect(
      (
        await client.call('fileAppeal', {
          params: { attemptId: view.attemptId },
          body: { items: [{ questionId: first, comment: 'again' }] },
        })
      ).status,
    ).toBe(409);

    // Review: the sitting's proctor sees the key; a proctor of other sittings sees nothing.
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const list = (await proctor.call('listAppeals', { params: { sittingId } })).body as AppealView[];
    expect(list).toHaveLength(1);
    expect(list[0]?.items[0]?.correct?.length).toBeGreaterThan(0);
    expect(list[0]?.studentName).toMatch(/\S/);
    const other = await new TestClient(t.baseUrl).login('proctor2');
    expect((await other.call('listAppeals', { params: { sittingId } })).status).toBe(403);

    const appealId = (filed.body as AppealView).appealId;
    const decide = (questionId: string, decision: 'accepted' | 'rejected', reason: string) =>
      proctor.call('decideAppealItem', {
        params: { sittingId, appealId },
        body: { questionId, decision, reason },
      });
    const noReason = await proctor.call('decideAppealItem', {
      params: { sittingId, appealId },
      body: { questionId: first, decision: 'accepted', reason: ' ' },
    });
    expect(noReason.status).toBe(400);

    const afterFirst = await decide(first, 'accepted', 'Both options are correct; counted.');
    expect(afterFirst.status).toBe(200);
    expect(afterFirst.body.status).toBe('under_review');
    const gradeNow = async () =>
      (
        await db
          .select()
          .from(grades)
          .where(and(eq(grades.sittingId, sittingId), eq(grades.studentId, studentId)))
      )[0];
    expect(await gradeNow()).toMatchObject({ percent: 87.5, letter: 'B+' });
    expect((await decide(first, 'rejected', 'changed my mind')).status).toBe(409);
    // Mid-review the "after appeal" columns already follow the grade.
    const midway = ((await client.call('passedTests')).body as PassedTest[])[0];
    expect(midway).toMatchObject({ correctAfterAppeal: 7, appeal: { status: 'under_review' } });
    expect(midway?.byDifficultyAfterAppeal?.reduce((n, d) => n + d.correct, 0)).toBe(7);

    const studentSocket = await connectSocket(t.baseUrl, client.cookie);
    const told = nextEvent(studentSocket, 'appeal:decided');
    const done = await decide(second, 'rejected', 'The question is clear; the answer is wrong.');
    expect(done.body).toMatchObject({ status: 'upheld' });
    expect(await told).toMatchObject({
      appealId,
      attemptId: view.attemptId,
      status: 'upheld',
      percent: 87.5,
    });
    studentSocket.close();

    const after = (await client.call('passedTests')).body as PassedTest[];
    expect(after[0]).toMatchObject({ correct: 6, correctAfterAppeal: 7, appeal: { status: 'upheld' } });
    expect(after[0]?.grade?.percent).toBe(87.5);
    const result = (await client.call('attemptResult', { params: { attemptId: view.attemptId } })).body;
    expect(result).toMatchObject({ correct: 7, percent: 87.5 });
    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['appeal.filed', 'appeal.item_decided', 'appeal.upheld']));
  });

  it('refuses an appeal after the window closes', async () => {
    const { client, view, mistakes } = await finishWithMistakes(t, sittingId, 'student13', 1);
    await t.database.db
      .update(attempts)
      .set({ finishedAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(attempts.id, view.attemptId));
    const page = (await client.call('appealPage', { params: { attemptId: view.attemptId } }))
      .body as AppealPage;
    expect(page.open).toBe(false);
    const res = await client.call('fileAppeal', {
      params: { attemptId: view.attemptId },
      body: { items: [{ questionId: mistakes[0] as string, comment: 'Late.' }] },
    });
    expect(res.status).toBe(409);
    expect((await client.call('passedTests')).body[0].appealOpenUntil).toBeNull();
  });
});
