import type { LogEntry, TicketBoard } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdue } from '../src/attempts/close-attempt.js';
import { attempts } from '../src/attempts/schema.js';
import { grades } from '../src/grades/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf } from './fixtures.js';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const MINUTE = 60_000;

describe('the writing time of a written exam', () => {
  let t: TestApp;
  let written: string;
  let oral: string;
  let proctor: TestClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    written = sittingOf(t.seed, 'written');
    oral = sittingOf(t.seed, 'oral');
    proctor = await new TestClient(t.baseUrl).login('proctor1');
  });
  afterAll(() => t?.close());

  async function drawAs(login: string, sittingId: string) {
    const studentId = await admit(t.database.db, sittingId, login);
    const student = await new TestClient(t.baseUrl).login(login);
    const drawn = await student.call('drawTicket', { params: { sittingId }, body: { card: 0 } });
    expect(drawn.status).toBe(200);
    const board = await student.call('ticketBoard', { params: { sittingId } });
    expect(board.status).toBe(200);
    return { student, studentId, drawnAt: Date.parse(drawn.body.drawnAt), board: board.body as TicketBoard };
  }

  const logTypes = async (sittingId: string, studentId: string) =>
    ((await proctor.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[]).map(
      (e) => e.type,
    );

  it('starts when the ticket is shown and runs for the sitting’s writing time (2 hours by default)', async () => {
    const { board, drawnAt, studentId } = await drawAs('student01', written);
    expect(board.writing).toMatchObject({ status: 'in_progress', pausedAt: null });
    const writing = board.writing;
    if (!writing) throw new Error('no writing clock');
    expect(Date.parse(writing.startedAt)).toBe(drawnAt);
    expect(Date.parse(writing.deadlineAt) - drawnAt).toBe(120 * MINUTE);
    expect(await logTypes(written, studentId)).toEqual(
      expect.arrayContaining(['ticket_drawn', 'writing_started']),
    );
  });

  it('stops while the proctor pauses it and moves the deadline by the pause', async () => {
    const { student, board } = await drawAs('student02', written);
    const attemptId = board.writing?.attemptId ?? '';
    const before = Date.parse(board.writing?.deadlineAt ?? '');
    const paused = await proctor.call('pauseAttempt', {
      params: { sittingId: written, attemptId },
      body: {},
    });
    expect(paused.status).toBe(200);
    expect(paused.body.pausedByProctor).toBe(true);
    const seen = (await student.call('ticketBoard', { params: { sittingId: written } })).body.writing;
    expect(seen?.pausedAt).not.toBeNull();
    // The student cannot declare the writing over while paused.
    const refused = await student.call('finishAttempt', {
      params: { attemptId },
      body: { confirmAllAnswered: true },
    });
    expect(refused.status).toBe(409);
    await new Promise((r) => setTimeout(r, 50));
    const resumed = await proctor.call('resumeAttempt', {
      params: { sittingId: written, attemptId },
      body: {},
    });
    expect(resumed.status).toBe(200);
    expect(Date.parse(resumed.body.deadlineAt)).toBeGreaterThan(before);
  });

  it('ends when the student says they have finished: logged, no grade is made', async () => {
    const { student, studentId, board } = await drawAs('student03', written);
    const attemptId = board.writing?.attemptId ?? '';
    const done = await student.call('finishAttempt', {
      params: { attemptId },
      body: { confirmAllAnswered: true },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'finished', percent: null, grade: null });
    const after = (await student.call('ticketBoard', { params: { sittingId: written } })).body;
    expect(after.writing?.status).toBe('finished');
    expect(await logTypes(written, studentId)).toContain('writing_over');
    const rows = await t.database.db
      .select()
      .from(grades)
      .where(and(eq(grades.sittingId, written), eq(grades.studentId, studentId)));
    expect(rows).toEqual([]);
    // A written exam is nothing to appeal: it is not among the student's passed tests.
    const passed = await student.call('passedTests');
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.map((p: { sittingId: string }) => p.sittingId)).not.toContain(written);
  });

  it('times out at the deadline even when nobody is there, without voiding or grading', async () => {
    const { studentId, board } = await drawAs('student04', written);
    const attemptId = board.writing?.attemptId ?? '';
    await t.database.db
      .update(attempts)
      .set({ startedAt: new Date(Date.now() - 3 * 60 * MINUTE), deadlineAt: new Date(Date.now() - 1000) })
      .where(eq(attempts.id, attemptId));
    expect(await sweepOverdue(t.app.ctx)).toBe(1);
    const [row] = await t.database.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row).toMatchObject({ status: 'timed_out', result: null });
    expect(await logTypes(written, studentId)).toContain('writing_over');
  });

  it('does not start for an oral exam', async () => {
    const { board, studentId } = await drawAs('student05', oral);
    expect(board.myTicket).not.toBeNull();
    expect(board.writing).toBeNull();
    const rows = await t.database.db
      .select()
      .from(attempts)
      .where(and(eq(attempts.sittingId, oral), eq(attempts.studentId, studentId)));
    expect(rows).toEqual([]);
  });
});
