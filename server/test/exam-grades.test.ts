import { randomBytes, randomUUID } from 'node:crypto';
import type { GradeRow, LogEntry, SittingGrades, StudentExamResult } from '@adal/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSheets } from '../src/answer-sheets/schema.js';
import { auditLog } from '../src/audit/schema.js';
import type { Db } from '../src/db/database.js';
import { grades } from '../src/grades/schema.js';
import { proctoringStates } from '../src/proctoring/schema.js';
import { admit } from './attempt-helpers.js';
import { anyDisciplineAndGroup, sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent, type TestSocket } from './socket-client.js';
import { type StorageMode, startTestApp, type TestApp } from './test-app.js';

const hex = () => randomBytes(32).toString('hex');

/** Every event a socket receives, as JSON, in order. */
function recordEvents(socket: TestSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push(JSON.stringify([event, ...args])));
  return seen;
}

/**
 * Events on one socket arrive in order: once the student's own chat message is back, anything the
 * server pushed before it has arrived too. No waiting on the clock.
 */
async function barrier(student: TestClient, socket: TestSocket, sittingId: string): Promise<void> {
  const echoed = nextEvent(socket, 'log:appended');
  const sent = await student.call('messageProctor', { params: { sittingId }, body: { text: 'Barrier.' } });
  expect(sent.status).toBe(201);
  await echoed;
}

async function auditOf(db: Db, actions: string[], sittingId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(inArray(auditLog.action, actions), eq(auditLog.subject, sittingId)))
    .orderBy(auditLog.id);
}

describe('grading and publication of oral and written exams', () => {
  let t: TestApp;
  let db: Db;
  let proctor1: TestClient;
  let proctor2: TestClient;
  let written: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    proctor1 = await new TestClient(t.baseUrl).login('proctor1');
    proctor2 = await new TestClient(t.baseUrl).login('proctor2');
    written = sittingOf(t.seed, 'written');
  });
  afterAll(() => t?.close());

  const list = async (client: TestClient, sittingId: string) => {
    const res = await client.call('sittingGrades', { params: { sittingId } });
    expect(res.status).toBe(200);
    return res.body as SittingGrades;
  };
  const grade = (client: TestClient, sittingId: string, studentId: string, body: unknown) =>
    client.call('gradeStudent', { params: { sittingId, studentId }, body });
  const resultOf = async (student: TestClient, sittingId: string) => {
    const res = await student.call('studentExamResult', { params: { sittingId } });
    expect(res.status).toBe(200);
    return res.body as StudentExamResult;
  };
  const logOf = async (student: TestClient, sittingId: string) =>
    (await student.call('myLog', { params: { sittingId } })).body as LogEntry[];

  it('lists every student with ticket, answer-sheet pages and whether their sitting is over', async () => {
    const drawer = await admit(db, written, 'student03');
    const drawn = await (await new TestClient(t.baseUrl).login('student03')).call('drawTicket', {
      params: { sittingId: written },
      body: { card: 0 },
    });
    expect(drawn.status).toBe(200);
    // Three pages: page 1 accepted, page 2 pending, and an earlier page 2 that was replaced.
    const page = (pageNumber: number, extra: Partial<typeof answerSheets.$inferInsert>) => ({
      sittingId: written,
      studentId: drawer,
      pageNumber,
      sha256: hex(),
      originalSha256: hex(),
      mimeType: 'image/jpeg',
      byteSize: 1000,
      width: 1240,
      height: 1754,
      storageKey: `sheets/${randomUUID()}.jpg`,
      thumbnailKey: `sheets/${randomUUID()}.thumb.jpg`,
      sharpness: 250,
      blurred: false,
      ...extra,
    });
    const reviewer = await userId(db, 'proctor1');
    await db
      .insert(answerSheets)
      .values([
        page(1, { status: 'accepted', reviewedBy: reviewer, reviewedAt: new Date() }),
        page(2, { replacedAt: new Date() }),
        page(2, {}),
      ]);
    await db
      .insert(proctoringStates)
      .values({ sittingId: written, studentId: drawer, endedAs: 'left', endedAt: new Date() });

    const sitting = await list(proctor1, written);
    expect(sitting.rows).toHaveLength(30);
    const row = sitting.rows.find((r) => r.studentId === drawer);
    expect(row).toMatchObject({
      ticketNumber: drawn.body.ticketNumber,
      sheetPages: 2,
      sheetsAccepted: 1,
      finished: true,
      grade: null,
      comment: '',
      gradedByName: null,
      publishedAt: null,
    });
    const other = sitting.rows.find((r) => r.studentId !== drawer);
    expect(other).toMatchObject({ ticketNumber: null, sheetPages: 0, sheetsAccepted: 0, finished: false });
    expect(sitting.unpublished).toBe(0);
  });

  /** A written sitting of the seed's group, with only proctor1 as its examiner. */
  const newWrittenSitting = async (policies: Record<string, unknown> = {}) => {
    const registrar = await new TestClient(t.baseUrl).login('registrar');
    const created = await registrar.call('createSitting', {
      body: {
        ...(await anyDisciplineAndGroup(db)),
        kind: 'written',
        startsAt: '2026-12-01T09:00:00+05:00',
        durationMinutes: 90,
        policies,
      },
    });
    expect(created.status).toBe(201);
    const sittingId = created.body.sittingId as string;
    const assigned = await registrar.call('assignProctors', {
      params: { sittingId },
      body: { proctorIds: [await userId(db, 'proctor1')] },
    });
    expect(assigned.status).toBe(200);
    return { sittingId, registrar };
  };

  it('computes the written publish-by from the policy (sitting end + resultsWithinHours); none for oral', async () => {
    const { sittingId, registrar } = await newWrittenSitting({ resultsWithinHours: 6 });
    // 09:00+05:00 is 04:00Z; the sitting ends 90 min later, results are due 6 h after that.
    expect((await list(registrar, sittingId)).publishBy).toBe('2026-12-01T11:30:00.000Z');
    expect((await list(proctor1, sittingId)).publishBy).toBe('2026-12-01T11:30:00.000Z');
    expect((await list(proctor1, sittingOf(t.seed, 'oral'))).publishBy).toBeNull();
  });

  it('hides a recorded grade from the student until publication (route, log, socket), then shows it', async () => {
    const studentId = await userId(db, 'student01');
    const student = await new TestClient(t.baseUrl).login('student01');
    const socket = await connectSocket(t.baseUrl, student.cookie);
    const events = recordEvents(socket);
    const comment = 'Question 2 was answered without the proof of termination.';

    const saved = await grade(proctor1, written, studentId, { percent: 73.25, comment: `  ${comment} ` });
    expect(saved.status).toBe(200);
    expect(saved.body as GradeRow).toMatchObject({
      studentId,
      grade: { percent: 73.25, letter: 'C+', gpaPoints: 2.33, traditional: 'good' },
      comment,
      gradedByName: t.seed.logins.find((l) => l.login === 'proctor1')?.fullName,
      publishedAt: null,
    });
    expect((await list(proctor1, written)).unpublished).toBe(1);

    // What the student can see before publication: nothing of the grade anywhere.
    const before = await resultOf(student, written);
    expect(before).toEqual({
      sittingId: written,
      published: false,
      grade: null,
      comment: null,
      publishedAt: null,
    });
    await barrier(student, socket, written);
    const seenBefore = [JSON.stringify(before), JSON.stringify(await logOf(student, written)), ...events];
    for (const secret of ['73.25', 'C+', comment, 'termination'])
      expect(seenBefore.filter((text) => text.includes(secret))).toEqual([]);
    expect(events.some((e) => e.startsWith('["grade:published"'))).toBe(false);
    expect((await logOf(student, written)).some((e) => e.type === 'grade_published')).toBe(false);

    // Publication: one grade, to the student's log and socket.
    const published = nextEvent(socket, 'grade:published');
    const res = await proctor1.call('publishGrades', { params: { sittingId: written }, body: {} });
    expect(res.body).toEqual({ published: 1 });
    expect(await published).toEqual({ sittingId: written });
    const after = await resultOf(student, written);
    expect(after).toMatchObject({
      published: true,
      grade: { percent: 73.25, letter: 'C+', gpaPoints: 2.33, traditional: 'good' },
      comment,
    });
    const entries = (await logOf(student, written)).filter((e) => e.type === 'grade_published');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'system', evidence: { percent: 73.25, letter: 'C+' } });
    // Another student of the group sees only their own (ungraded) result.
    const classmate = await new TestClient(t.baseUrl).login('student08');
    expect(await resultOf(classmate, written)).toMatchObject({
      published: false,
      grade: null,
      comment: null,
    });
    const listed = await list(proctor1, written);
    expect(listed.unpublished).toBe(0);
    expect(listed.rows.find((r) => r.studentId === studentId)?.publishedAt).toBe(after.publishedAt);

    // Idempotent: nothing left to publish, nothing new in the log.
    expect((await proctor2.call('publishGrades', { params: { sittingId: written }, body: {} })).body).toEqual(
      {
        published: 0,
      },
    );
    expect((await logOf(student, written)).filter((e) => e.type === 'grade_published')).toHaveLength(1);
    const audit = await auditOf(db, ['grade.recorded', 'grades.published'], written);
    expect(audit.map((a) => a.action)).toEqual(['grade.recorded', 'grades.published']);
    expect(audit[0]?.details).toMatchObject({
      studentId,
      old: null,
      new: { percent: 73.25, letter: 'C+', comment },
    });
    expect(audit[1]?.details).toMatchObject({
      count: 1,
      grades: [{ studentId, percent: 73.25, letter: 'C+' }],
    });
    socket.close();
  });

  it('corrects a published grade: audited with old and new value, and published to the student again', async () => {
    const studentId = await userId(db, 'student01');
    const student = await new TestClient(t.baseUrl).login('student01');
    const firstPublished = (await resultOf(student, written)).publishedAt as string;
    const socket = await connectSocket(t.baseUrl, student.cookie);
    const published = nextEvent(socket, 'grade:published');
    const appended = nextEvent(socket, 'log:appended');

    const corrected = await grade(proctor2, written, studentId, { percent: 55, comment: 'Recounted: 55.' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      grade: { percent: 55, letter: 'D+', gpaPoints: 1.33, traditional: 'satisfactory' },
      comment: 'Recounted: 55.',
      gradedByName: t.seed.logins.find((l) => l.login === 'proctor2')?.fullName,
    });
    expect(Date.parse(corrected.body.publishedAt)).toBeGreaterThanOrEqual(Date.parse(firstPublished));
    expect(await published).toEqual({ sittingId: written });
    expect((await appended).entry).toMatchObject({
      type: 'grade_published',
      evidence: { percent: 55, letter: 'D+', corrected: true },
    });
    expect(await resultOf(student, written)).toMatchObject({
      published: true,
      grade: { percent: 55, letter: 'D+' },
      comment: 'Recounted: 55.',
    });
    expect((await logOf(student, written)).filter((e) => e.type === 'grade_published')).toHaveLength(2);
    const [audit] = await auditOf(db, ['grade.corrected'], written);
    expect(audit?.actorId).toBe(await userId(db, 'proctor2'));
    expect(audit?.details).toMatchObject({
      studentId,
      old: { percent: 73.25, letter: 'C+' },
      new: { percent: 55, letter: 'D+', comment: 'Recounted: 55.' },
      published: true,
    });
    // Nothing left unpublished: the correction went out with its own publication.
    expect((await list(proctor1, written)).unpublished).toBe(0);
    socket.close();
  });

  it('audits a correction before publication without telling the student; the same values change nothing', async () => {
    const sittingId = sittingOf(t.seed, 'oral');
    const studentId = await userId(db, 'student02');
    const student = await new TestClient(t.baseUrl).login('student02');
    const socket = await connectSocket(t.baseUrl, student.cookie);
    const events = recordEvents(socket);
    expect((await grade(proctor1, sittingId, studentId, { percent: 91 })).status).toBe(200);
    expect((await grade(proctor1, sittingId, studentId, { percent: 96, comment: 'Excellent.' })).status).toBe(
      200,
    );
    expect((await grade(proctor1, sittingId, studentId, { percent: 96, comment: 'Excellent.' })).status).toBe(
      200,
    );
    const audit = await auditOf(db, ['grade.recorded', 'grade.corrected'], sittingId);
    expect(
      audit.map((a) => [a.action, (a.details.old as { percent: number } | null)?.percent ?? null]),
    ).toEqual([
      ['grade.recorded', null],
      ['grade.corrected', 91],
    ]);
    await barrier(student, socket, sittingId);
    expect(events.filter((e) => e.includes('grade') || e.includes('Excellent'))).toEqual([]);
    expect(await resultOf(student, sittingId)).toMatchObject({
      published: false,
      grade: null,
      comment: null,
    });
    // Oral grades are published the same way.
    expect((await proctor1.call('publishGrades', { params: { sittingId }, body: {} })).body).toEqual({
      published: 1,
    });
    expect(await resultOf(student, sittingId)).toMatchObject({ grade: { percent: 96, letter: 'A' } });
    socket.close();
  });

  it('refuses students, proctors of other sittings and reading roles, changing nothing', async () => {
    const { sittingId, registrar } = await newWrittenSitting();
    const studentId = await userId(db, 'student04');
    const student = await new TestClient(t.baseUrl).login('student04');
    const member = await new TestClient(t.baseUrl).login('member1');
    const count = async () => (await db.select().from(grades).where(eq(grades.sittingId, sittingId))).length;

    const refusals = [
      ['student', await grade(student, sittingId, studentId, { percent: 100 })],
      ['student', await student.call('publishGrades', { params: { sittingId }, body: {} })],
      ['student', await student.call('sittingGrades', { params: { sittingId } })],
      ['proctor2', await grade(proctor2, sittingId, studentId, { percent: 100 })],
      ['proctor2', await proctor2.call('publishGrades', { params: { sittingId }, body: {} })],
      ['proctor2', await proctor2.call('sittingGrades', { params: { sittingId } })],
      ['registrar', await grade(registrar, sittingId, studentId, { percent: 100 })],
      ['member1', await member.call('sittingGrades', { params: { sittingId } })],
    ] as const;
    expect(refusals.map(([who, res]) => [who, res.status, res.body.error.code])).toEqual(
      refusals.map(([who]) => [who, 403, 'forbidden']),
    );
    expect(await count()).toBe(0);
    // The dean's office reads; proctor1, the examiner, grades.
    expect((await list(registrar, sittingId)).rows).toHaveLength(30);
    expect((await grade(proctor1, sittingId, studentId, { percent: 100 })).status).toBe(200);
    expect(await count()).toBe(1);
    // Not on the list: a proctor's id, or an unknown one.
    for (const stranger of [await userId(db, 'proctor2'), randomUUID()]) {
      const res = await grade(proctor1, sittingId, stranger, { percent: 50 });
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
    expect(await count()).toBe(1);
  });

  it('leaves state exams and thesis defences to the commission: read-only, grading refused with the reason', async () => {
    const admin = await new TestClient(t.baseUrl).login('admin');
    const chair = await new TestClient(t.baseUrl).login('chair');
    const studentId = await userId(db, 'student05');
    for (const kind of ['state_exam', 'thesis_defence'] as const) {
      const sittingId = sittingOf(t.seed, kind);
      const listed = await list(chair, sittingId);
      expect(listed).toMatchObject({ publishBy: null, unpublished: 0 });
      expect(listed.rows).toHaveLength(30);
      const graded = await grade(admin, sittingId, studentId, { percent: 80 });
      expect([graded.status, graded.body.error.code]).toEqual([409, 'conflict']);
      expect(graded.body.error.message).toMatch(/commission grades state exams/);
      const published = await admin.call('publishGrades', { params: { sittingId }, body: {} });
      expect([published.status, published.body.error.message]).toEqual([
        409,
        expect.stringMatching(/commission/),
      ]);
      expect(await db.select().from(grades).where(eq(grades.sittingId, sittingId))).toEqual([]);
      // Commission roles may not grade here at all (their grading flow comes later).
      expect((await grade(chair, sittingId, studentId, { percent: 80 })).status).toBe(403);
    }
  });

  it('leaves computer tests to automatic grading', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const admin = await new TestClient(t.baseUrl).login('admin');
    const studentId = await userId(db, 'student06');
    const graded = await grade(admin, sittingId, studentId, { percent: 80 });
    expect([graded.status, graded.body.error.message]).toEqual([409, expect.stringMatching(/automatically/)]);
    expect((await proctor1.call('sittingGrades', { params: { sittingId } })).status).toBe(409);
    const student = await new TestClient(t.baseUrl).login('student06');
    expect((await student.call('studentExamResult', { params: { sittingId } })).status).toBe(409);
  });

  it('answers bad bodies and params with 400 naming the field', async () => {
    const studentId = await userId(db, 'student07');
    const cases: [unknown, string][] = [
      [{ percent: 101 }, 'body.percent'],
      [{ percent: -1 }, 'body.percent'],
      [{ percent: '80' }, 'body.percent'],
      [{ percent: 80.125 }, 'body.percent'],
      [{ comment: 'No percent.' }, 'body.percent'],
      [{ percent: 80, comment: 'x'.repeat(2001) }, 'body.comment'],
      [{ percent: 80, comment: 7 }, 'body.comment'],
      [{ percent: 80, letter: 'A' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await grade(proctor1, written, studentId, body);
      expect([JSON.stringify(body).slice(0, 40), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
        'validation_failed',
      ]);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const badId = await proctor1.call('gradeStudent', {
      params: { sittingId: written, studentId: 'student07' },
      body: { percent: 80 },
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['params.studentId']);
    expect(await db.select().from(grades).where(eq(grades.studentId, studentId))).toEqual([]);
    // Two decimals are fine.
    expect((await grade(proctor1, written, studentId, { percent: 94.5 })).body.grade).toMatchObject({
      percent: 94.5,
      letter: 'A',
    });
  });
});

describe.each<StorageMode>(['postgres'])('grading under concurrency on %s', (storage) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ storage, env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(() => t?.close());

  it('never leaves a student seeing a grade other than their last one when grading and publishing race', async () => {
    const db = t.database.db;
    const sittingId = sittingOf(t.seed, 'written');
    const [p1, p2] = await Promise.all(
      ['proctor1', 'proctor2'].map((l) => new TestClient(t.baseUrl).login(l)),
    );
    if (!p1 || !p2) throw new Error('login');
    const logins = Array.from({ length: 12 }, (_, i) => `student${String(i + 1).padStart(2, '0')}`);
    const ids = await Promise.all(logins.map((l) => userId(db, l)));
    const gradeAll = (client: TestClient, base: number) =>
      Promise.all(
        ids.map((studentId, i) =>
          client.call('gradeStudent', { params: { sittingId, studentId }, body: { percent: base + i } }),
        ),
      );
    await gradeAll(p1, 60);
    // Corrections from one examiner while both publish: each lands before or after a publication.
    const [corrections, first, second] = await Promise.all([
      gradeAll(p2, 80),
      p1.call('publishGrades', { params: { sittingId }, body: {} }),
      p2.call('publishGrades', { params: { sittingId }, body: {} }),
    ]);
    expect(corrections.map((r) => r.status)).toEqual(ids.map(() => 200));
    const rest = await p1.call('publishGrades', { params: { sittingId }, body: {} });
    expect(first.body.published + second.body.published + rest.body.published).toBe(12);
    const listed = (await p1.call('sittingGrades', { params: { sittingId } })).body as SittingGrades;
    expect(listed.unpublished).toBe(0);
    for (const [i, studentId] of ids.entries()) {
      expect(listed.rows.find((r) => r.studentId === studentId)?.grade?.percent).toBe(80 + i);
      const log = (await p1.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[];
      const told = log.filter((e) => e.type === 'grade_published');
      // What the student's log last told them is their grade now.
      expect([studentId, told.at(-1)?.evidence?.percent]).toEqual([studentId, 80 + i]);
      // Published first, then at most one correction told.
      expect(told.filter((e) => !e.evidence?.corrected)).toHaveLength(1);
    }
    const verify = await p1.call('verifyStudentLog', { params: { sittingId, studentId: ids[0] as string } });
    expect(verify.body.ok).toBe(true);
  });
});
