import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  http,
  type IdentityCheckView,
  type LogEntry,
  MAX_DOCUMENT_PHOTO_BYTES,
  pathFor,
  type ScheduleEntry,
  type SubmitIdentityBody,
} from '@adal/shared';
import { toMrzLatin } from '@adal/shared/identity';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/accounts/schema.js';
import { auditLog } from '../src/audit/schema.js';
import type { Db } from '../src/db/database.js';
import { identityChecks } from '../src/identity/schema.js';
import { MAX_CHECKS_PER_SITTING } from '../src/identity/submit-check.js';
import { proctoringStates } from '../src/proctoring/schema.js';
import { proctorAssignments, sittings } from '../src/sittings/schema.js';
import { academicGroups, students } from '../src/university/schema.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { sheetPhoto } from './sheet-images.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const login = (n: number) => `student${String(n).padStart(2, '0')}`;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A plain camera frame as a JPEG (no metadata). */
const frame = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') => {
  const picture = sharp({ create: { width, height, channels: 3, background: '#8a6f5c' } });
  return (format === 'png' ? picture.png() : picture.jpeg({ quality: 80 })).toBuffer();
};

describe('identity checks (issue 7)', () => {
  let t: TestApp;
  let db: Db;
  /** The seed's computer test: proctor1 proctors it, the seed's group is its list. */
  let sittingId: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-identity-'));
  const sessions = new Map<string, TestClient>();
  const session = async (name: string) => {
    const known = sessions.get(name);
    if (known) return known;
    const c = await new TestClient(t.baseUrl).login(name);
    sessions.set(name, c);
    return c;
  };
  let face: Buffer;
  let documentPhoto: Buffer;

  /** The student's roster entry as a document's MRZ would print it. */
  const person = async (n: number) => {
    const [row] = await db
      .select({ id: users.id, fullName: users.fullName, iin: students.iin })
      .from(users)
      .innerJoin(students, eq(students.userId, users.id))
      .where(eq(users.login, login(n)));
    if (!row) throw new Error(`no ${login(n)}`);
    const [surname = '', ...given] = toMrzLatin(row.fullName).split(' ');
    return { ...row, surname, givenNames: given.join(' ') };
  };

  const body = (
    who: { iin: string; surname: string; givenNames: string },
    over: Partial<SubmitIdentityBody> = {},
  ): SubmitIdentityBody => ({
    facePhotoBase64: face.toString('base64'),
    documentPhotoBase64: documentPhoto.toString('base64'),
    liveness: {
      challenges: [
        { challenge: 'blink', passed: true },
        { challenge: 'turn_left', passed: false },
      ],
      passed: true,
    },
    document: {
      source: 'mrz',
      format: 'TD1',
      checkDigitsValid: true,
      invalidFields: [],
      documentNumber: 'N12345678',
      surname: who.surname,
      givenNames: who.givenNames,
      iin: who.iin,
      birthDate: '2004-01-01',
      expiryDate: '2034-05-11',
      ocrConfidence: 91,
    },
    faceMatch: { distance: 0.38, threshold: 0.6, verdict: 'same_person' },
    timings: { faceFrameMs: 42, ocrMs: 1800 },
    ...over,
  });

  const submit = async (who: string, payload: unknown, sitting = sittingId) =>
    (await session(who)).call('submitIdentityCheck', { params: { sittingId: sitting }, body: payload });
  const decide = async (who: string, check: IdentityCheckView, payload: unknown) =>
    (await session(who)).call('decideIdentityCheck', {
      params: { sittingId: check.sittingId, studentId: check.studentId, checkId: check.checkId },
      body: payload,
    });
  const photo = async (who: string, check: IdentityCheckView, which: 'face' | 'document') => {
    const c = await session(who);
    const res = await fetch(
      `${t.baseUrl}${pathFor(http.identityPhoto.path, {
        sittingId: check.sittingId,
        studentId: check.studentId,
        checkId: check.checkId,
      })}?photo=${which}`,
      c.cookie ? { headers: { cookie: c.cookie } } : {},
    );
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const logOf = async (studentId: string): Promise<LogEntry[]> =>
    (await (await session('proctor1')).call('studentLog', { params: { sittingId, studentId } })).body;
  const storedFiles = (studentId: string, sitting = sittingId) => {
    const dir = path.join(dataDir, 'identity', sitting, studentId);
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { DATA_DIR: dataDir, SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    sittingId = sittingOf(t.seed, 'computer_test');
    face = await frame(640, 480);
    // A phone-like photo: EXIF orientation 6 with GPS and camera data.
    documentPhoto = await sheetPhoto({ width: 600, seed: 3, orientation: 6, withGps: true, quality: 80 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores both photos stripped of metadata, compares the document with the list itself, logs and tells the proctor', async () => {
    const who = await person(1);
    const before = await sharp(documentPhoto).metadata();
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer
    const proctor = await session('proctor1');
    const watcher = await connectSocket(t.baseUrl, proctor.cookie);
    await new Promise((r) => watcher.emit('sitting:watch', { sittingId }, r));
    const changed = nextEvent(watcher, 'identity:changed');

    const res = await submit(login(1), body(who));
    expect(res.status).toBe(201);
    const view = res.body as IdentityCheckView;
    expect(view).toMatchObject({
      sittingId,
      studentId: who.id,
      fullName: who.fullName,
      roster: { verdict: 'match', reasons: ['iin_matches', 'name_matches'] },
      faceMatch: { verdict: 'same_person' },
      decision: null,
      decidedBy: null,
    });
    expect(await changed).toEqual({ sittingId, studentId: who.id, checkId: view.checkId });
    watcher.close();

    const [row] = await db.select().from(identityChecks).where(eq(identityChecks.id, view.checkId));
    if (!row) throw new Error('no row');
    expect(storedFiles(who.id)).toEqual([`${view.checkId}-document.jpg`, `${view.checkId}-face.jpg`]);
    const storedFace = readFileSync(path.join(dataDir, 'identity', row.faceStorageKey));
    const storedDocument = readFileSync(path.join(dataDir, 'identity', row.documentStorageKey));
    expect(row.faceSha256).toBe(sha256(storedFace));
    expect(row.documentSha256).toBe(sha256(storedDocument));
    // Upright, and no EXIF (GPS, camera), XMP or ICC data left.
    const after = await sharp(storedDocument).metadata();
    expect([after.format, after.width, after.height, after.orientation]).toEqual([
      'jpeg',
      600,
      849,
      undefined,
    ]);
    expect([after.exif, after.xmp, after.icc]).toEqual([undefined, undefined, undefined]);
    expect(storedDocument.includes(Buffer.from('PhoneMaker'))).toBe(false);

    const logged = (await logOf(who.id)).filter((e) => e.type === 'identity_checked');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      source: 'system',
      severity: 'info',
      evidence: { checkId: view.checkId, roster: 'match', livenessPassed: true, faceMatch: 'same_person' },
    });
    expect(JSON.stringify(logged[0])).not.toContain(face.toString('base64').slice(0, 40));
    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, view.checkId));
    expect(audit.map((a) => a.action)).toEqual(['identity.checked']);
  });

  it('finds a mismatch for another IIN and refuses any verdict the body brings', async () => {
    const who = await person(2);
    const other = await person(3);
    const res = await submit(login(2), body({ ...who, iin: other.iin }));
    expect(res.status).toBe(201);
    expect(res.body.roster).toEqual({ verdict: 'mismatch', reasons: ['iin_differs', 'name_matches'] });

    const withVerdict = await submit(login(2), {
      ...body({ ...who, iin: other.iin }),
      roster: { verdict: 'match', reasons: ['iin_matches', 'name_matches'] },
    });
    expect(withVerdict.status).toBe(400);
    expect(withVerdict.body.error.code).toBe('validation_failed');
    expect(
      (await (await session(login(2))).call('studentIdentityChecks', { params: { sittingId } })).body,
    ).toHaveLength(1);
  });

  it('judges the photos by their bytes and size, and keeps nothing of a refused check', async () => {
    const who = await person(4);
    const png = await frame(640, 480, 'png');
    const asPng = await submit(login(4), body(who, { facePhotoBase64: png.toString('base64') }));
    expect(asPng.status).toBe(400);
    expect(asPng.body.error.fields).toEqual([expect.objectContaining({ path: 'body.facePhotoBase64' })]);

    const text = Buffer.from('Here is my passport, trust me.').toString('base64');
    const asText = await submit(login(4), body(who, { documentPhotoBase64: text }));
    expect(asText.status).toBe(400);
    expect(asText.body.error.fields).toEqual([expect.objectContaining({ path: 'body.documentPhotoBase64' })]);

    // JPEG magic and then garbage: not readable.
    const broken = Buffer.concat([face.subarray(0, 200), Buffer.alloc(400, 1)]).toString('base64');
    const asBroken = await submit(login(4), body(who, { facePhotoBase64: broken }));
    expect(asBroken.status).toBe(400);
    expect(asBroken.body.error.fields).toEqual([expect.objectContaining({ path: 'body.facePhotoBase64' })]);

    const tiny = (await frame(100, 80)).toString('base64');
    const asTiny = await submit(login(4), body(who, { facePhotoBase64: tiny }));
    expect(asTiny.status).toBe(400);
    expect(asTiny.body.error.fields).toEqual([expect.objectContaining({ path: 'body.facePhotoBase64' })]);

    // One byte over the limit (its base64 is as long as the limit's own): refused after decoding.
    const big = Buffer.concat([
      documentPhoto,
      Buffer.alloc(MAX_DOCUMENT_PHOTO_BYTES + 1 - documentPhoto.length),
    ]);
    const asBig = await submit(login(4), body(who, { documentPhotoBase64: big.toString('base64') }));
    expect(asBig.status).toBe(413);
    expect(asBig.body.error.fields).toEqual([expect.objectContaining({ path: 'body.documentPhotoBase64' })]);
    // Far over: the schema refuses the field's length.
    const huge = Buffer.alloc(MAX_DOCUMENT_PHOTO_BYTES + 4096).toString('base64');
    expect((await submit(login(4), body(who, { documentPhotoBase64: huge }))).status).toBe(400);

    expect(storedFiles(who.id)).toEqual([]);
    expect(await db.select().from(identityChecks).where(eq(identityChecks.studentId, who.id))).toEqual([]);
  });

  it('refuses another group’s sitting (404), a sitting that is over for the student (409), and the eleventh check (429)', async () => {
    const who = await person(5);
    const [seed] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
    const [seedGroup] = await db.select().from(academicGroups);
    if (!seed || !seedGroup) throw new Error('no seed');
    const [group] = await db
      .insert(academicGroups)
      .values({ facultyId: seedGroup.facultyId, name: 'ИС-23-7' })
      .returning();
    const { id: _id, createdAt: _c, ...copy } = seed;
    const [elsewhere] = await db
      .insert(sittings)
      .values({ ...copy, groupId: group?.id as string })
      .returning();
    const foreign = await submit(login(5), body(who), elsewhere?.id);
    expect(foreign.status).toBe(404);

    for (let i = 0; i < MAX_CHECKS_PER_SITTING; i++)
      expect((await submit(login(5), body(who))).status).toBe(201);
    const eleventh = await submit(login(5), body(who));
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.message).toMatch(/10 identity checks/);
    expect(storedFiles(who.id)).toHaveLength(2 * MAX_CHECKS_PER_SITTING);

    const ended = await person(6);
    await db
      .insert(proctoringStates)
      .values({ sittingId, studentId: ended.id, endedAs: 'terminated', endedAt: new Date() });
    const over = await submit(login(6), body(ended));
    expect(over.status).toBe(409);
    expect(over.body.error.message).toMatch(/sitting is over/);
    expect(storedFiles(ended.id)).toEqual([]);
  });

  it('shows the staff each student’s latest check, and the student their own checks newest first', async () => {
    const who = await person(7);
    const first = (await submit(login(7), body(who))).body as IdentityCheckView;
    const second = (
      await submit(
        login(7),
        body(who, { faceMatch: { distance: 0.7, threshold: 0.6, verdict: 'different_person' } }),
      )
    ).body as IdentityCheckView;
    const staff = await (await session('proctor1')).call('sittingIdentityChecks', { params: { sittingId } });
    expect(staff.status).toBe(200);
    const list = staff.body as IdentityCheckView[];
    expect(list.filter((c) => c.studentId === who.id).map((c) => c.checkId)).toEqual([second.checkId]);
    // One per student.
    expect(new Set(list.map((c) => c.studentId)).size).toBe(list.length);
    const mine = await (await session(login(7))).call('studentIdentityChecks', { params: { sittingId } });
    expect((mine.body as IdentityCheckView[]).map((c) => c.checkId)).toEqual([second.checkId, first.checkId]);
    // The commission of another sitting and the dean's office see none of it.
    expect(
      (await (await session('member1')).call('sittingIdentityChecks', { params: { sittingId } })).status,
    ).toBe(403);
    expect(
      (await (await session('registrar')).call('sittingIdentityChecks', { params: { sittingId } })).status,
    ).toBe(403);
  });

  it('serves the photos to the student and the sitting’s staff only, never cached', async () => {
    const who = await person(8);
    const check = (await submit(login(8), body(who))).body as IdentityCheckView;
    const [row] = await db.select().from(identityChecks).where(eq(identityChecks.id, check.checkId));
    const own = await photo(login(8), check, 'face');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(own.bytes)).toBe(row?.faceSha256);
    const staff = await photo('proctor1', check, 'document');
    expect(staff.status).toBe(200);
    expect(sha256(staff.bytes)).toBe(row?.documentSha256);

    expect((await photo(login(9), check, 'face')).status).toBe(403);
    // proctor2 does not proctor this sitting.
    expect((await photo('proctor2', check, 'face')).status).toBe(403);
    expect((await photo('registrar', check, 'face')).status).toBe(403);
    // The ids must belong together: another student's path with this check is not found.
    const wrongStudent = { ...check, studentId: (await person(9)).id };
    expect((await photo('proctor1', wrongStudent, 'face')).status).toBe(404);
  });

  it('lets the proctor verify, ask for a retake with a note, reject, and change the decision; the student hears of it', async () => {
    const who = await person(10);
    const student = await session(login(10));
    const check = (await submit(login(10), body(who))).body as IdentityCheckView;

    const noNote = await decide('proctor1', check, { decision: 'retake' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields).toEqual([expect.objectContaining({ path: 'body.note' })]);
    expect((await decide('proctor1', check, { decision: 'rejected', note: '   ' })).status).toBe(400);

    const mine = await connectSocket(t.baseUrl, student.cookie);
    const told = nextEvent(mine, 'identity:changed');
    const verified = await decide('proctor1', check, { decision: 'verified' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      checkId: check.checkId,
      decision: 'verified',
      decisionNote: null,
      decidedBy: 'Қожахметов Ержан Болатұлы',
    });
    expect(verified.body.decidedAt).not.toBeNull();
    expect(await told).toEqual({ sittingId, studentId: who.id, checkId: check.checkId });
    mine.close();

    // A double click changes and logs nothing more.
    expect((await decide('proctor1', check, { decision: 'verified' })).status).toBe(200);
    const retake = await decide('proctor1', check, { decision: 'retake', note: 'The document is blurred.' });
    expect(retake.body).toMatchObject({ decision: 'retake', decisionNote: 'The document is blurred.' });

    const log = (await logOf(who.id)).filter((e) => e.type.startsWith('identity_'));
    expect(log.map((e) => [e.type, e.text])).toEqual([
      ['identity_checked', ''],
      ['identity_verified', ''],
      ['identity_retake', 'The document is blurred.'],
    ]);
    expect(log[2]?.evidence).toMatchObject({ checkId: check.checkId, byName: 'Қожахметов Ержан Болатұлы' });

    // The retake: a new check; the old one can no longer be decided.
    const again = (await submit(login(10), body(who))).body as IdentityCheckView;
    const stale = await decide('proctor1', check, { decision: 'rejected', note: 'Someone else.' });
    expect(stale.status).toBe(409);
    const rejected = await decide('proctor1', again, {
      decision: 'rejected',
      note: 'Someone else on the photo.',
    });
    expect(rejected.body).toMatchObject({ decision: 'rejected', decisionNote: 'Someone else on the photo.' });
    const rows = await db
      .select({ decision: identityChecks.decision })
      .from(identityChecks)
      .where(and(eq(identityChecks.sittingId, sittingId), eq(identityChecks.studentId, who.id)));
    expect(rows.map((r) => r.decision).sort()).toEqual(['rejected', 'retake']);
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, check.checkId))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['identity.checked', 'identity.verified', 'identity.retake']);
  });

  it('leaves the decision to those who admit, on their own sitting', async () => {
    const who = await person(11);
    const check = (await submit(login(11), body(who))).body as IdentityCheckView;
    for (const staff of ['member1', 'chair', 'registrar'])
      expect((await decide(staff, check, { decision: 'verified' })).status).toBe(403);
    // proctor2 admits, but not in this sitting.
    expect((await decide('proctor2', check, { decision: 'verified' })).status).toBe(403);
    expect((await decide(login(11), check, { decision: 'verified' })).status).toBe(403);
    await db.insert(proctorAssignments).values({ sittingId, proctorId: await userId(db, 'proctor2') });
    expect((await decide('proctor2', check, { decision: 'verified' })).status).toBe(200);
  });

  it('hands the student’s device the sitting’s liveness challenges and monitoring settings', async () => {
    const registrar = await session('registrar');
    const sitting = (await registrar.call('getSitting', { params: { sittingId } })).body;
    const created = await registrar.call('createSitting', {
      body: {
        disciplineId: sitting.discipline.id,
        groupId: sitting.group.id,
        kind: 'oral',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        durationMinutes: 60,
        policies: { livenessChallenges: ['turn_left', 'turn_right'], lookingAwaySeconds: 9 },
      },
    });
    expect(created.status).toBe(201);
    const refused = await registrar.call('createSitting', {
      body: {
        disciplineId: sitting.discipline.id,
        groupId: sitting.group.id,
        kind: 'oral',
        startsAt: new Date().toISOString(),
        durationMinutes: 60,
        policies: { livenessChallenges: [] },
      },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('livenessChallenges');

    const schedule = (await (await session(login(12))).call('studentSchedule', {})).body as ScheduleEntry[];
    const own = schedule.find((e) => e.sittingId === created.body.sittingId);
    expect(own?.deviceChecks).toEqual({
      livenessChallenges: ['turn_left', 'turn_right'],
      lookingAwaySeconds: 9,
      monitoringFramesPerSecond: 2,
      faceRecheckMinutes: 3,
      extensionRequired: false,
    });
    // The seed's sitting keeps the defaults: every challenge allowed.
    expect(schedule.find((e) => e.sittingId === sittingId)?.deviceChecks.livenessChallenges).toEqual([
      'blink',
      'turn_left',
      'turn_right',
    ]);
  });
});
