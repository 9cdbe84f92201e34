import {
  type DefenceScheduleView,
  type DefenceSlotView,
  defaultPolicies,
  type LogEntry,
  type StudentDefenceView,
} from '@adal/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/accounts/schema.js';
import type { Db } from '../src/db/database.js';
import { sittings } from '../src/sittings/schema.js';
import { defenceInterruptions, defenceQuestions, defenceTurns } from '../src/thesis-defence/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, type TestSocket } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const MINUTE = 60_000;

/**
 * "Minutes pass": every time of the sitting's defences (and its start) moves that much into the
 * past, so the server's own clock then sees the defence as that much older. No sleeping.
 */
async function rewind(db: Db, sittingId: string, minutes: number) {
  const back = (column: unknown) => sql`${column} - ${`${minutes} minutes`}::interval`;
  await db
    .update(sittings)
    .set({ startsAt: back(sittings.startsAt) })
    .where(eq(sittings.id, sittingId));
  await db
    .update(defenceTurns)
    .set({
      startedAt: back(defenceTurns.startedAt),
      talkEndedAt: back(defenceTurns.talkEndedAt),
      finishedAt: back(defenceTurns.finishedAt),
    })
    .where(eq(defenceTurns.sittingId, sittingId));
  await db
    .update(defenceInterruptions)
    .set({
      interruptedAt: back(defenceInterruptions.interruptedAt),
      decidedAt: back(defenceInterruptions.decidedAt),
    })
    .where(eq(defenceInterruptions.sittingId, sittingId));
  await db
    .update(defenceQuestions)
    .set({ askedAt: back(defenceQuestions.askedAt) })
    .where(eq(defenceQuestions.sittingId, sittingId));
}

describe('the thesis defence', () => {
  let t: TestApp;
  let db: Db;
  let defence: string;
  let secretary: TestClient;
  let chair: TestClient;
  let member: TestClient;
  /** The first four students of the list, in list order. */
  let first: { login: string; id: string; fullName: string; client: TestClient }[];

  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    defence = sittingOf(t.seed, 'thesis_defence');
    secretary = await new TestClient(t.baseUrl).login('secretary');
    chair = await new TestClient(t.baseUrl).login('chair');
    member = await new TestClient(t.baseUrl).login('member1');
    const view = (await secretary.call('defenceSchedule', { params: { sittingId: defence } }))
      .body as DefenceScheduleView;
    const all = await db.select().from(users);
    first = await Promise.all(
      view.rows.slice(0, 4).map(async (r) => {
        const u = all.find((x) => x.id === r.studentId);
        if (!u) throw new Error('no user');
        return {
          login: u.login,
          id: r.studentId,
          fullName: u.fullName,
          client: await new TestClient(t.baseUrl).login(u.login),
        };
      }),
    );
  });
  afterAll(() => t?.close());

  const student = (n: number) => {
    const s = first[n];
    if (!s) throw new Error(`no student ${n}`);
    return s;
  };
  const schedule = async (client = secretary) => {
    const res = await client.call('defenceSchedule', { params: { sittingId: defence } });
    expect(res.status).toBe(200);
    return res.body as DefenceScheduleView;
  };
  const rowOf = (view: DefenceScheduleView, n: number): DefenceSlotView => {
    const row = view.rows.find((r) => r.studentId === student(n).id);
    if (!row) throw new Error(`student ${n} not on the list`);
    return row;
  };
  const act = (n: number, body: unknown, client = secretary) =>
    client.call('defenceAction', { params: { sittingId: defence, studentId: student(n).id }, body });
  const ask = (n: number, text: string, client = secretary) =>
    client.call('askDefenceQuestion', {
      params: { sittingId: defence, studentId: student(n).id },
      body: { text },
    });
  const mine = async (n: number) => {
    const res = await student(n).client.call('studentDefence', { params: { sittingId: defence } });
    expect(res.status).toBe(200);
    return res.body as StudentDefenceView;
  };
  const logTypes = async (n: number) =>
    (
      (await secretary.call('studentLog', { params: { sittingId: defence, studentId: student(n).id } }))
        .body as LogEntry[]
    ).map((e) => e.type);

  it('plans 15-minute slots in list order and lets members watch but not run', async () => {
    const view = await schedule();
    expect(view).toMatchObject({ slotMinutes: 15, talkMinutes: 10, talkWarnMinutes: 7, canRun: true });
    expect(view.current).toBeNull();
    expect(view.next).toBeNull();
    expect(view.rows.map((r) => r.place)).toEqual(view.rows.map((_, i) => i + 1));
    const planned = view.rows.map(
      (r) => Date.parse(r.plannedStart) - Date.parse(view.rows[0]?.plannedStart ?? ''),
    );
    expect(planned.slice(0, 3)).toEqual([0, 15 * MINUTE, 30 * MINUTE]);
    expect(view.rows.every((r) => r.stage === 'waiting' && !r.admitted)).toBe(true);

    expect((await schedule(chair)).canRun).toBe(true);
    const watched = await schedule(member);
    expect(watched.canRun).toBe(false);
    expect(watched.rows).toHaveLength(view.rows.length);
    const refused = await act(0, { action: 'start' }, member);
    expect(refused.status).toBe(403);
    expect((await ask(0, 'A question?', member)).status).toBe(403);
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    expect((await proctor.call('defenceSchedule', { params: { sittingId: defence } })).status).toBe(403);
  });

  it('starts only an admitted student, and only when nobody else is defending', async () => {
    const red = await act(0, { action: 'start' });
    expect(red.status).toBe(409);
    expect(red.body.error.message).toMatch(/not admitted/);
    for (const n of [0, 1, 2, 3]) await admit(db, defence, student(n).login);
    expect((await schedule()).next).toBe(student(0).id);

    // The defence day is today: the first slot begins now.
    await db.update(sittings).set({ startsAt: new Date() }).where(eq(sittings.id, defence));
    const started = await act(0, { action: 'start' });
    expect(started.status).toBe(200);
    const view = started.body as DefenceScheduleView;
    expect(view.current).toBe(student(0).id);
    expect(view.next).toBe(student(1).id);
    expect(rowOf(view, 0)).toMatchObject({ stage: 'talk', talkEndedAt: null, finishedAt: null });

    const busy = await act(1, { action: 'start' });
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toContain(`${student(0).fullName} is defending now`);
    expect((await act(0, { action: 'start' })).status).toBe(409);
    expect((await act(0, { action: 'resume' })).status).toBe(409);
    expect((await ask(1, 'Not yet defending?')).status).toBe(409);
    // The body is checked against the contract: a reason is required to interrupt.
    expect((await act(0, { action: 'interrupt' })).status).toBe(400);
  });

  it('runs a defence: talk timer, questions written to the student, finish — each logged and pushed', async () => {
    const socket: TestSocket = await connectSocket(t.baseUrl, student(0).client.cookie);
    const pushes: string[] = [];
    socket.on('defence:changed', (e) => pushes.push(e.sittingId));
    try {
      await rewind(db, defence, 8);
      const talking = rowOf(await schedule(), 0);
      expect(talking.talkElapsedMs).toBeGreaterThanOrEqual(8 * MINUTE);
      expect(talking.talkElapsedMs).toBeLessThan(9 * MINUTE);
      const own = await mine(0);
      expect(own).toMatchObject({ stage: 'talk', place: 1, ahead: 0, talkMinutes: 10, talkWarnMinutes: 7 });
      expect(own.talkElapsedMs).toBeGreaterThanOrEqual(8 * MINUTE);

      const ended = await act(0, { action: 'end_talk' });
      expect(ended.status).toBe(200);
      expect(rowOf(ended.body, 0).stage).toBe('questions');
      expect((await act(0, { action: 'end_talk' })).status).toBe(409);

      const question = await ask(0, 'Екінші тараудағы әдістің жаңалығы неде?');
      expect(question.status).toBe(201);
      expect(question.body).toMatchObject({ text: 'Екінші тараудағы әдістің жаңалығы неде?' });
      expect((await ask(0, 'Why this data set?', chair)).status).toBe(201);
      const seen = await mine(0);
      expect(seen.stage).toBe('questions');
      expect(seen.questions.map((q) => q.text)).toEqual([
        'Екінші тараудағы әдістің жаңалығы неде?',
        'Why this data set?',
      ]);
      // The talk timer stopped when the questions began.
      expect(seen.talkElapsedMs).toBe(rowOf(ended.body, 0).talkElapsedMs);

      // The next student sees their own slot only: no names, no questions of others.
      const other = await mine(1);
      expect(other).toMatchObject({ stage: 'waiting', place: 2, ahead: 1, questions: [] });
      const text = JSON.stringify(other);
      expect(text).not.toContain(student(0).fullName);
      expect(text).not.toContain(student(0).id);
      expect(text).not.toContain('Екінші тараудағы');

      await rewind(db, defence, 12);
      const finished = await act(0, { action: 'finish' });
      expect(finished.status).toBe(200);
      expect(rowOf(finished.body, 0)).toMatchObject({ stage: 'defended' });
      expect(finished.body.current).toBeNull();
      expect((await act(0, { action: 'finish' })).status).toBe(409);
      expect((await ask(0, 'Too late?')).status).toBe(409);
      expect((await mine(0)).stage).toBe('defended');
      expect(await logTypes(0)).toEqual(
        expect.arrayContaining([
          'defence_started',
          'defence_talk_ended',
          'defence_question',
          'defence_finished',
        ]),
      );
      const log = (
        await secretary.call('studentLog', { params: { sittingId: defence, studentId: student(0).id } })
      ).body as LogEntry[];
      expect(log.find((e) => e.type === 'defence_question')?.evidence).toMatchObject({
        text: 'Екінші тараудағы әдістің жаңалығы неде?',
        seq: 1,
      });
      await expect.poll(() => pushes.length).toBeGreaterThanOrEqual(4);
      expect(pushes.every((id) => id === defence)).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('interrupt then resume: the lost time pushes the slot and everyone after it', async () => {
    // The first defence took 20 minutes of a 15-minute slot: the second starts 5 minutes late.
    const started = await act(1, { action: 'start' });
    expect(started.status).toBe(200);
    const before = started.body as DefenceScheduleView;
    expect(rowOf(before, 1).shiftMinutes).toBe(5);
    expect(rowOf(before, 2).shiftMinutes).toBe(5);
    const startedAt = Date.parse(rowOf(before, 1).startedAt ?? '');
    expect(Date.parse(rowOf(before, 2).expectedStart) - startedAt).toBe(15 * MINUTE);

    const interrupted = await act(1, { action: 'interrupt', reason: 'The student’s connection dropped.' });
    expect(interrupted.status).toBe(200);
    expect(rowOf(interrupted.body, 1)).toMatchObject({
      stage: 'interrupted',
      interruptions: [{ reason: 'The student’s connection dropped.', decidedAt: null, decision: null }],
    });
    expect((await act(1, { action: 'end_talk' })).status).toBe(409);
    expect((await act(1, { action: 'interrupt', reason: 'Again' })).status).toBe(409);
    expect((await act(1, { action: 'finish' })).status).toBe(409);
    expect((await mine(1)).stage).toBe('interrupted');

    await rewind(db, defence, 4);
    const resumed = await act(1, { action: 'resume' });
    expect(resumed.status).toBe(200);
    const after = resumed.body as DefenceScheduleView;
    const row = rowOf(after, 1);
    expect(row.stage).toBe('talk');
    expect(row.interruptions[0]?.decision).toBe('resume');
    // Four minutes passed, all of them interrupted: the talk timer did not move.
    expect(row.talkElapsedMs).toBeLessThan(MINUTE);
    const shifted = Date.parse(rowOf(after, 2).expectedStart) - Date.parse(row.startedAt ?? '');
    expect(shifted).toBeGreaterThanOrEqual(19 * MINUTE);
    expect(shifted).toBeLessThan(19.5 * MINUTE);
    expect(rowOf(after, 2).shiftMinutes).toBe(9);
    expect(rowOf(after, 3).shiftMinutes).toBe(9);
    const third = await mine(2);
    expect(third).toMatchObject({ stage: 'waiting', ahead: 1, shiftMinutes: 9 });
    expect((await act(1, { action: 'resume' })).status).toBe(409);
    expect(await logTypes(1)).toEqual(
      expect.arrayContaining(['defence_started', 'defence_interrupted', 'defence_resumed']),
    );
    expect((await act(1, { action: 'finish' })).status).toBe(200);
  });

  it('interrupt then stop: the commission’s decision ends the defence; stop also works without one', async () => {
    expect((await act(2, { action: 'start' })).status).toBe(200);
    expect((await act(2, { action: 'interrupt', reason: 'No sound from the student.' })).status).toBe(200);
    const stopped = await act(2, { action: 'stop', reason: 'The connection did not come back.' });
    expect(stopped.status).toBe(200);
    const row = rowOf(stopped.body, 2);
    expect(row.stage).toBe('stopped');
    expect(row.finishedAt).not.toBeNull();
    expect(row.interruptions).toEqual([
      expect.objectContaining({ decision: 'stop', decidedAt: row.finishedAt }),
    ]);
    expect((await act(2, { action: 'resume' })).status).toBe(409);
    expect((await act(2, { action: 'stop', reason: 'Twice' })).status).toBe(409);
    expect((await mine(2)).stage).toBe('stopped');
    const log = (
      await secretary.call('studentLog', { params: { sittingId: defence, studentId: student(2).id } })
    ).body as LogEntry[];
    expect(log.find((e) => e.type === 'defence_stopped')?.evidence).toMatchObject({
      reason: 'The connection did not come back.',
    });

    // During the talk, with no interruption: the chair stops it at once.
    expect((await act(3, { action: 'start' }, chair)).status).toBe(200);
    const direct = await act(3, { action: 'stop', reason: 'A third person in the room.' }, chair);
    expect(direct.status).toBe(200);
    expect(rowOf(direct.body, 3)).toMatchObject({ stage: 'stopped', interruptions: [] });
    expect(direct.body.current).toBeNull();
  });

  it('is for thesis defences only, and for the student on the list only', async () => {
    const oral = await secretary.call('defenceSchedule', {
      params: { sittingId: sittingOf(t.seed, 'state_exam') },
    });
    expect(oral.status).toBe(400);
    expect(oral.body.error.fields).toEqual([expect.objectContaining({ path: 'params.sittingId' })]);
    expect(
      (await student(0).client.call('studentDefence', { params: { sittingId: sittingOf(t.seed, 'oral') } }))
        .status,
    ).toBe(400);

    // A make-up defence for one student: nobody else is on its list.
    const [original] = await db.select().from(sittings).where(eq(sittings.id, defence));
    if (!original) throw new Error('no defence sitting');
    const makeUpFor = await userId(db, 'student30');
    const [makeUp] = await db
      .insert(sittings)
      .values({
        kind: 'thesis_defence',
        disciplineId: original.disciplineId,
        groupId: original.groupId,
        startsAt: new Date(),
        durationMinutes: 60,
        policies: defaultPolicies('thesis_defence'),
        commissionId: original.commissionId,
        makeUpForStudentId: makeUpFor,
        makeUpOfSittingId: defence,
      })
      .returning();
    const makeUpId = makeUp?.id as string;
    const outsider = await student(0).client.call('studentDefence', { params: { sittingId: makeUpId } });
    expect(outsider.status).toBe(404);
    const own = await (await new TestClient(t.baseUrl).login('student30')).call('studentDefence', {
      params: { sittingId: makeUpId },
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ place: 1, ahead: 0, stage: 'waiting' });
    const list = await schedule();
    expect(list.rows.length).toBeGreaterThan(1);
    const alone = (await secretary.call('defenceSchedule', { params: { sittingId: makeUpId } }))
      .body as DefenceScheduleView;
    expect(alone.rows.map((r) => r.studentId)).toEqual([makeUpFor]);
    // Someone not on the list cannot be started.
    const stranger = await secretary.call('defenceAction', {
      params: { sittingId: makeUpId, studentId: student(0).id },
      body: { action: 'start' },
    });
    expect(stranger.status).toBe(404);
  });
});
