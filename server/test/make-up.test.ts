import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  http,
  MAX_EVIDENCE_BYTES,
  type MakeUpApplicationView,
  type MissedSitting,
  pathFor,
  type ScheduleEntry,
  type SittingWithRoster,
} from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import type { Db } from '../src/db/database.js';
import { makeUpApplications } from '../src/make-up/schema.js';
import { admissions, proctorAssignments, sittings } from '../src/sittings/schema.js';
import { academicGroups } from '../src/university/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { type StorageMode, startTestApp, type TestApp } from './test-app.js';

const login = (n: number) => `student${String(n).padStart(2, '0')}`;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const DAY = 86_400_000;

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const text = Buffer.from('I was ill, here is my certificate.');

const application = (file: Buffer, fileName = 'certificate.pdf') => ({
  reason: 'illness',
  explanation: 'I had a fever and a doctor’s certificate.',
  evidenceFileName: fileName,
  evidenceBase64: file.toString('base64'),
});

// PostgreSQL too: two applications at once really race there (PGlite runs one query at a time).
describe.each<StorageMode>(['pglite', 'postgres'])('absence and make-up sittings on %s', (storage) => {
  let t: TestApp;
  let db: Db;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-make-up-'));
  /** Past sittings of the seed's group: a written exam (two days ago) and a state exam (yesterday). */
  let pastWritten: string;
  let pastState: string;
  /** Started ten minutes ago and still running. */
  let running: string;
  /** A past written exam of another group. */
  let otherGroup: string;
  const sessions = new Map<string, TestClient>();
  const session = async (name: string) => {
    const known = sessions.get(name);
    if (known) return known;
    const c = await new TestClient(t.baseUrl).login(name);
    sessions.set(name, c);
    return c;
  };
  const apply = async (who: string, sittingId: string, body: unknown) =>
    (await session(who)).call('applyForMakeUp', { params: { sittingId }, body });
  const missed = async (who: string): Promise<MissedSitting[]> => {
    const res = await (await session(who)).call('missedSittings');
    expect(res.status).toBe(200);
    return res.body;
  };
  const decide = async (who: string, applicationId: string, body: unknown) =>
    (await session(who)).call('decideMakeUp', { params: { applicationId }, body });
  const list = async (who: string, query = ''): Promise<MakeUpApplicationView[]> => {
    const res = await (await session(who)).call('makeUpApplications', { query });
    expect(res.status).toBe(200);
    return res.body;
  };
  /** The evidence download as bytes, with its headers. */
  const download = async (who: string, applicationId: string) => {
    const c = await session(who);
    const res = await fetch(
      t.baseUrl + pathFor(http.makeUpEvidence.path, { applicationId }),
      c.cookie ? { headers: { cookie: c.cookie } } : {},
    );
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const evidenceFiles = (sittingId: string, studentId: string) => {
    const dir = path.join(dataDir, 'make-up', sittingId, studentId);
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  /** A copy of a seed sitting (same group, pool, commission and proctors) at another time. */
  const copyOf = async (kind: 'written' | 'state_exam', startsAt: Date, groupId?: string) => {
    const seedId = sittingOf(t.seed, kind);
    const [seed] = await db.select().from(sittings).where(eq(sittings.id, seedId));
    if (!seed) throw new Error('no seed sitting');
    const { id: _id, createdAt: _c, ...copy } = seed;
    const [row] = await db
      .insert(sittings)
      .values({ ...copy, startsAt, ...(groupId ? { groupId } : {}) })
      .returning();
    if (!row) throw new Error('no copy');
    const proctors = await db
      .select()
      .from(proctorAssignments)
      .where(eq(proctorAssignments.sittingId, seedId));
    if (proctors.length)
      await db
        .insert(proctorAssignments)
        .values(proctors.map((p) => ({ sittingId: row.id, proctorId: p.proctorId })));
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ storage, env: { DATA_DIR: dataDir, SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    const now = Date.now();
    pastWritten = await copyOf('written', new Date(now - 2 * DAY));
    pastState = await copyOf('state_exam', new Date(now - DAY));
    running = await copyOf('written', new Date(now - 10 * 60_000));
    const [seedGroup] = await db.select().from(academicGroups);
    const [group] = await db
      .insert(academicGroups)
      .values({ facultyId: seedGroup?.facultyId as string, name: 'ИС-23-9' })
      .returning();
    otherGroup = await copyOf('written', new Date(now - DAY), group?.id);
    // student03 sat the written exam; access taken back afterwards still counts as having sat.
    await admit(db, pastWritten, login(3));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the sittings that are over and a student was never admitted to, newest first, with who decides', async () => {
    const mine = await missed(login(2));
    // Still running: the student may yet be admitted, so it is not missed.
    expect(mine.map((m) => m.sittingId)).not.toContain(running);
    expect(mine.map((m) => [m.sittingId, m.kind, m.reviewer, m.application])).toEqual([
      [pastState, 'state_exam', 'commission_chair', null],
      [pastWritten, 'written', 'dean_office', null],
    ]);
    // Admitted (then sent out) is not missed; another group's sitting and future sittings are not theirs.
    await db.update(admissions).set({ access: 'red' }).where(eq(admissions.sittingId, pastWritten));
    expect((await missed(login(3))).map((m) => m.sittingId)).toEqual([pastState]);
  });

  it('takes an application with a PDF, stores it by content and refuses a second open one', async () => {
    const studentId = await userId(db, login(2));
    const res = await apply(login(2), pastWritten, application(pdf));
    expect(res.status).toBe(201);
    const view = res.body as MakeUpApplicationView;
    expect(view).toMatchObject({
      sitting: { sittingId: pastWritten, kind: 'written' },
      student: { studentId },
      reason: 'illness',
      evidence: { fileName: 'certificate.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length },
      reviewer: 'dean_office',
      status: 'pending',
      decidedAt: null,
      makeUpSitting: null,
    });
    const [row] = await db
      .select()
      .from(makeUpApplications)
      .where(eq(makeUpApplications.id, view.applicationId));
    expect(row?.evidenceSha256).toBe(sha256(pdf));
    expect(readFileSync(path.join(dataDir, 'make-up', row?.evidenceStorageKey as string))).toEqual(pdf);
    expect(evidenceFiles(pastWritten, studentId)).toEqual([`${view.applicationId}.pdf`]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, view.applicationId));
    expect(audit.map((a) => a.action)).toEqual(['make_up.applied']);

    const again = await apply(login(2), pastWritten, application(pdf));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already applied/);
    expect(evidenceFiles(pastWritten, studentId)).toHaveLength(1);
    expect(
      (await missed(login(2))).find((m) => m.sittingId === pastWritten)?.application?.applicationId,
    ).toBe(view.applicationId);
  });

  it('judges the evidence by its bytes, not its name, and refuses files over 5 MB', async () => {
    // A PNG named .pdf is a PNG.
    const asPng = await apply(login(4), pastWritten, application(png, 'scan.pdf'));
    expect(asPng.status).toBe(201);
    expect(asPng.body.evidence).toMatchObject({ mimeType: 'image/png', fileName: 'scan.pdf' });
    const got = await download(login(4), asPng.body.applicationId);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="scan\.png"/);

    // Text named .pdf is refused, and nothing is kept.
    const student5 = await userId(db, login(5));
    const refused = await apply(login(5), pastWritten, application(text, 'certificate.pdf'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'body.evidenceBase64' })]);

    // One byte over the limit (its base64 is as long as the limit's own): refused after decoding.
    const tooBig = Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - pdf.length, 0x20)]);
    const big = await apply(login(5), pastWritten, application(tooBig));
    expect(big.status).toBe(413);
    expect(big.body.error.fields).toEqual([expect.objectContaining({ path: 'body.evidenceBase64' })]);
    expect(evidenceFiles(pastWritten, student5)).toEqual([]);
    expect(
      await db.select().from(makeUpApplications).where(eq(makeUpApplications.studentId, student5)),
    ).toEqual([]);

    // Exactly 5 MB fits through the body limit.
    const full = Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES - pdf.length, 0x20)]);
    const fits = await apply(login(5), pastWritten, application(full));
    expect(fits.status).toBe(201);
    expect(fits.body.evidence.sizeBytes).toBe(MAX_EVIDENCE_BYTES);
  });

  it('refuses sittings that were not missed (409) or are not on the student’s list (404)', async () => {
    const future = await apply(login(2), sittingOf(t.seed, 'written'), application(pdf));
    expect(future.status).toBe(409);
    expect(future.body.error.message).toMatch(/missed/);
    expect((await apply(login(3), pastWritten, application(pdf))).status).toBe(409);
    expect((await apply(login(2), otherGroup, application(pdf))).status).toBe(404);
  });

  it('keeps one of two applications sent at the same moment', async () => {
    const studentId = await userId(db, login(8));
    const results = await Promise.all([
      apply(login(8), pastWritten, application(pdf)),
      apply(login(8), pastWritten, application(png, 'photo.png')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const kept = results.find((r) => r.status === 201)?.body as MakeUpApplicationView;
    expect(evidenceFiles(pastWritten, studentId)).toEqual([
      `${kept.applicationId}.${kept.evidence.mimeType === 'image/png' ? 'png' : 'pdf'}`,
    ]);
  });

  it('gives the evidence to its reviewer and its student only', async () => {
    const [mine] = (await missed(login(2))).filter((m) => m.sittingId === pastWritten);
    const applicationId = mine?.application?.applicationId as string;
    for (const who of [login(2), 'registrar', 'admin']) {
      const got = await download(who, applicationId);
      expect(got.status).toBe(200);
      expect(got.bytes).toEqual(pdf);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="certificate\.pdf"/);
    }
    expect((await download(login(3), applicationId)).status).toBe(404);
    // The chair decides state attestation only; proctors decide nothing.
    expect((await download('chair', applicationId)).status).toBe(403);
    expect((await download('proctor1', applicationId)).status).toBe(403);
  });

  it('rejects with a note, tells the student, and lets them apply again', async () => {
    const studentId = await userId(db, login(4));
    const [mine] = (await missed(login(4))).filter((m) => m.sittingId === pastWritten);
    const applicationId = mine?.application?.applicationId as string;
    expect((await decide('registrar', applicationId, { decision: 'reject' })).status).toBe(400);
    const socket = await connectSocket(t.baseUrl, (await session(login(4))).cookie);
    const told = nextEvent(socket, 'makeUp:decided');
    const rejected = await decide('registrar', applicationId, {
      decision: 'reject',
      note: 'The certificate does not cover the exam day.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionNote: 'The certificate does not cover the exam day.',
      decidedBy: t.seed.logins.find((l) => l.login === 'registrar')?.fullName,
      makeUpSitting: null,
    });
    expect(await told).toEqual({ applicationId, status: 'rejected' });
    socket.close();
    expect((await decide('registrar', applicationId, { decision: 'reject', note: 'Again.' })).status).toBe(
      409,
    );

    const again = await apply(login(4), pastWritten, application(pdf));
    expect(again.status).toBe(201);
    const latest = (await missed(login(4))).find((m) => m.sittingId === pastWritten)?.application;
    expect(latest).toMatchObject({ applicationId: again.body.applicationId, status: 'pending' });
    expect(evidenceFiles(pastWritten, studentId)).toHaveLength(2);
  });

  it('approves: a make-up sitting for that one student, with the pool, proctors and a socket notice', async () => {
    const studentId = await userId(db, login(2));
    const [mine] = (await missed(login(2))).filter((m) => m.sittingId === pastWritten);
    const applicationId = mine?.application?.applicationId as string;

    // The list is oldest pending first; the dean's office sees no state exam applications.
    const queue = await list('registrar', '?status=pending');
    expect(queue.map((a) => a.submittedAt)).toEqual([...queue.map((a) => a.submittedAt)].sort());
    expect(queue.every((a) => a.status === 'pending' && a.reviewer === 'dean_office')).toBe(true);
    expect(queue.map((a) => a.applicationId)).toContain(applicationId);

    const past = await decide('registrar', applicationId, {
      decision: 'approve',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual([expect.objectContaining({ path: 'body.startsAt' })]);

    const socket = await connectSocket(t.baseUrl, (await session(login(2))).cookie);
    const told = nextEvent(socket, 'makeUp:decided');
    const startsAt = new Date(Date.now() + 3 * DAY);
    startsAt.setUTCSeconds(0, 0);
    const approved = await decide('registrar', applicationId, {
      decision: 'approve',
      startsAt: startsAt.toISOString(),
      note: 'Order № 14-к: additional exam schedule.',
    });
    expect(approved.status).toBe(200);
    const view = approved.body as MakeUpApplicationView;
    expect(view).toMatchObject({
      status: 'approved',
      decisionNote: 'Order № 14-к: additional exam schedule.',
    });
    expect(view.makeUpSitting?.startsAt).toBe(startsAt.toISOString());
    expect(await told).toEqual({ applicationId, status: 'approved' });
    socket.close();

    const makeUpId = view.makeUpSitting?.sittingId as string;
    const [made] = await db.select().from(sittings).where(eq(sittings.id, makeUpId));
    const [missedRow] = await db.select().from(sittings).where(eq(sittings.id, pastWritten));
    expect(made).toMatchObject({
      kind: 'written',
      disciplineId: missedRow?.disciplineId,
      groupId: missedRow?.groupId,
      durationMinutes: missedRow?.durationMinutes,
      policies: missedRow?.policies,
      ticketPoolId: missedRow?.ticketPoolId,
      makeUpForStudentId: studentId,
      makeUpOfSittingId: pastWritten,
    });
    const proctors = await db
      .select()
      .from(proctorAssignments)
      .where(eq(proctorAssignments.sittingId, makeUpId));
    expect(proctors).toHaveLength(2);

    // On the student's schedule, marked; not on a groupmate's; its list is the one student.
    const schedule = (await (await session(login(2))).call('studentSchedule')).body as ScheduleEntry[];
    expect(schedule.find((e) => e.sittingId === makeUpId)).toMatchObject({ makeUpOf: pastWritten });
    const other = (await (await session(login(3))).call('studentSchedule')).body as ScheduleEntry[];
    expect(other.map((e) => e.sittingId)).not.toContain(makeUpId);
    const staffView = (
      await (await session('proctor1')).call('getSitting', { params: { sittingId: makeUpId } })
    ).body as SittingWithRoster;
    expect(staffView.makeUpOf).toBe(pastWritten);
    expect(staffView.students.map((s) => s.studentId)).toEqual([studentId]);

    // Its ticket draw is its own, dealt for a list of one.
    await admit(db, makeUpId, login(2));
    const board = await (await session(login(2))).call('ticketBoard', { params: { sittingId: makeUpId } });
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ rounds: 1, poolSize: 10 });
    expect(
      (await (await session(login(3))).call('ticketBoard', { params: { sittingId: makeUpId } })).status,
    ).toBe(404);

    // Approved: no second application; the missed list shows the make-up sitting.
    const again = await apply(login(2), pastWritten, application(pdf));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/approved/);
    expect(
      (await missed(login(2))).find((m) => m.sittingId === pastWritten)?.application?.makeUpSitting,
    ).toEqual({
      sittingId: makeUpId,
      startsAt: startsAt.toISOString(),
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, applicationId), eq(auditLog.action, 'make_up.approved')));
    expect(audit).toHaveLength(1);
  });

  it('sends state exam applications to the commission chair, not the dean’s office', async () => {
    const res = await apply(login(7), pastState, application(pdf));
    expect(res.status).toBe(201);
    const applicationId = res.body.applicationId as string;
    expect(res.body.reviewer).toBe('commission_chair');

    expect((await list('registrar')).map((a) => a.applicationId)).not.toContain(applicationId);
    const chairs = await list('chair');
    expect(chairs.map((a) => a.applicationId)).toEqual([applicationId]);
    expect((await list('admin')).map((a) => a.applicationId)).toContain(applicationId);
    expect((await (await session('member1')).call('makeUpApplications')).status).toBe(403);

    const byRegistrar = await decide('registrar', applicationId, {
      decision: 'reject',
      note: 'Not ours to decide.',
    });
    expect(byRegistrar.status).toBe(403);
    expect((await download('registrar', applicationId)).status).toBe(403);
    expect((await download('chair', applicationId)).status).toBe(200);

    const startsAt = new Date(Date.now() + 5 * DAY).toISOString();
    const approved = await decide('chair', applicationId, { decision: 'approve', startsAt });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionNote: null });
    const [made] = await db
      .select()
      .from(sittings)
      .where(eq(sittings.id, approved.body.makeUpSitting.sittingId));
    const [missedRow] = await db.select().from(sittings).where(eq(sittings.id, pastState));
    expect(made).toMatchObject({ kind: 'state_exam', commissionId: missedRow?.commissionId });
    expect((await list('chair', '?status=approved')).map((a) => a.applicationId)).toEqual([applicationId]);
    expect((await list('chair', '?status=pending')).map((a) => a.applicationId)).toEqual([]);
  });
});
