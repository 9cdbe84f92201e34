import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AnswerSheet,
  type AnswerSheetSet,
  http,
  type LogEntry,
  pathFor,
  SHARPNESS_THRESHOLD,
  SHEET_MAX_BYTES,
  type SittingSheetRow,
} from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerSheets } from '../src/answer-sheets/schema.js';
import { SHEET_UPLOAD_CREATIONS } from '../src/answer-sheets/sheet-uploads.js';
import { auditLog } from '../src/audit/schema.js';
import type { Db } from '../src/db/database.js';
import { sittings } from '../src/sittings/schema.js';
import { academicGroups, students } from '../src/university/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { sheetPhoto } from './sheet-images.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { TusClient } from './tus-client.js';

const login = (n: number) => `student${String(n).padStart(2, '0')}`;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Mean absolute difference of two pictures (upright per EXIF) at 100 × 141 greyscale. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const grey = (x: Buffer) =>
    sharp(x).rotate().resize(100, 141, { fit: 'fill' }).greyscale().raw().toBuffer();
  const [x, y] = await Promise.all([grey(a), grey(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] as number) - (y[i] as number));
  return sum / x.length;
}

describe('answer-sheet photos', () => {
  let t: TestApp;
  let db: Db;
  let written: string;
  let proctor: TestClient;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-sheets-'));
  const staging = path.join(dataDir, 'answer-sheets', 'uploads');
  const sessions = new Map<string, TestClient>();
  const session = async (name: string) => {
    const known = sessions.get(name);
    if (known) return known;
    const c = await new TestClient(t.baseUrl).login(name);
    sessions.set(name, c);
    return c;
  };
  /** An admitted student of the written exam with their tus client. */
  const student = async (n: number) => {
    const id = await admit(db, written, login(n));
    const c = await session(login(n));
    return { id, c, tus: new TusClient(t.baseUrl, c.cookie) };
  };
  const sheetsOf = async (c: TestClient, sittingId = written): Promise<AnswerSheetSet> => {
    const res = await c.call('studentSheets', { params: { sittingId } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const logOf = async (studentId: string): Promise<LogEntry[]> =>
    (await proctor.call('studentLog', { params: { sittingId: written, studentId } })).body;
  const rowsOf = (studentId: string) =>
    db
      .select()
      .from(answerSheets)
      .where(and(eq(answerSheets.sittingId, written), eq(answerSheets.studentId, studentId)));
  const storedFiles = (studentId: string) => {
    const dir = path.join(dataDir, 'answer-sheets', written, studentId);
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };
  /** Unfinished uploads kept for resuming (each is a file and its `.json` info). */
  const stagedUploads = () => (existsSync(staging) ? readdirSync(staging).sort() : []);
  const review = (c: TestClient, sheet: { studentId: string; id: string }, body: unknown) =>
    c.call('reviewSheet', {
      params: { sittingId: written, studentId: sheet.studentId, sheetId: sheet.id },
      body,
    });

  let sharpJpeg: Buffer;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATA_DIR: dataDir, SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    written = sittingOf(t.seed, 'written');
    proctor = await session('proctor1');
    sharpJpeg = await sheetPhoto({ width: 1000, noise: 2, seed: 11 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a phone JPEG upright with no EXIF or GPS left, thumbnails it, and tells the student and the watchers', async () => {
    const { id: studentId, c, tus } = await student(1);
    // A landscape sensor picture of a portrait page, EXIF orientation 6, with GPS and camera data.
    const photo = await sheetPhoto({ width: 1200, noise: 3, seed: 1, orientation: 6, withGps: true });
    const before = await sharp(photo).metadata();
    expect([before.width, before.height, before.orientation]).toEqual([1697, 1200, 6]);
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer

    const mine = await connectSocket(t.baseUrl, c.cookie);
    const watcher = await connectSocket(t.baseUrl, proctor.cookie);
    await new Promise((r) => watcher.emit('sitting:watch', { sittingId: written }, r));
    const toStudent = nextEvent(mine, 'sheet:changed');
    const toWatcher = nextEvent(watcher, 'sheet:changed');
    const logged = nextEvent(mine, 'log:appended');

    const done = await tus.upload(written, 1, photo);
    expect(done.status).toBe(204);
    const sheetId = done.headers.get('sheet-id') as string;
    expect(done.headers.get('sheet-page')).toBe('1');
    expect(done.headers.get('sheet-duplicate')).toBeNull();

    const set = await sheetsOf(c);
    expect(set).toMatchObject({ studentId, open: true, allAccepted: false, replaced: [] });
    const [page] = set.pages;
    expect(page).toMatchObject({
      id: sheetId,
      pageNumber: 1,
      status: 'pending',
      mimeType: 'image/jpeg',
      width: 1200,
      height: 1697,
      blurred: false,
      converted: false,
      reviewedAt: null,
    });
    expect((await toStudent).sheet).toEqual(page);
    expect((await toWatcher).sheet).toEqual(page);
    expect((await logged).entry).toMatchObject({
      type: 'sheet_uploaded',
      source: 'system',
      evidence: { page: 1, sheetId, sha256: page?.sha256, sharpness: page?.sharpness, blurred: false },
    });
    mine.close();
    watcher.close();

    // The stored image: upright, JPEG, no metadata at all, the hash the row names.
    const image = await fetch(t.baseUrl + page?.imageUrl, { headers: { cookie: c.cookie ?? '' } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cache-control')).toMatch(/^private/);
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(sha256(bytes)).toBe(page?.sha256);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 1697]);
    expect([meta.orientation, meta.exif, meta.xmp, meta.icc, meta.iptc]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // Turned the right way (not upside down): close to the page as written.
    const upright = await sheetPhoto({ width: 1200, noise: 3, seed: 1 });
    const turned = await sharp(upright).rotate(180).toBuffer();
    expect(await difference(bytes, upright)).toBeLessThan(8);
    expect(await difference(bytes, turned)).toBeGreaterThan(2 * (await difference(bytes, upright)));

    const [row] = await rowsOf(studentId);
    expect(row?.originalSha256).toBe(sha256(photo));
    expect(storedFiles(studentId)).toEqual([`${sheetId}.jpg`, `${sheetId}.thumb.jpg`]);
    await vi.waitFor(() => expect(stagedUploads()).toEqual([]));

    // The thumbnail: ~320 px wide, also for the proctor; not for another student.
    const thumb = await fetch(t.baseUrl + page?.thumbnailUrl, { headers: { cookie: proctor.cookie ?? '' } });
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([320, 452]);
    const other = await session(login(2));
    expect((await other.raw('GET', page?.thumbnailUrl as string)).status).toBe(403);
    expect((await (await session('secretary')).raw('GET', page?.imageUrl as string)).status).toBe(403);
    expect((await (await session('registrar')).raw('GET', page?.imageUrl as string)).status).toBe(403);

    const entries = await logOf(studentId);
    expect(entries.filter((e) => e.type === 'sheet_uploaded')).toHaveLength(1);
  });

  it('accepts PNG and WebP (stored as JPEG) and HEIC (converted)', async () => {
    const { id: studentId, c, tus } = await student(3);
    const png = await sheetPhoto({ width: 900, seed: 3, format: 'png' });
    const webp = await sheetPhoto({ width: 900, seed: 4, format: 'webp' });
    // A real HEIC (HEVC) picture of a page, 480 × 679, made with libheif's heif-enc.
    const heic = readFileSync(path.join(import.meta.dirname, 'fixtures', 'answer-sheet.heic'));
    expect((await tus.upload(written, 1, png, 'page.png')).status).toBe(204);
    expect((await tus.upload(written, 2, webp, 'page.webp')).status).toBe(204);
    expect((await tus.upload(written, 3, heic, 'IMG_0001.HEIC')).status).toBe(204);
    const { pages } = await sheetsOf(c);
    expect(pages.map((p) => [p.pageNumber, p.mimeType, p.width, p.height, p.converted])).toEqual([
      [1, 'image/jpeg', 900, 1273, false],
      [2, 'image/jpeg', 900, 1273, false],
      [3, 'image/jpeg', 480, 679, true],
    ]);
    const converted = await fetch(t.baseUrl + pages[2]?.imageUrl, { headers: { cookie: c.cookie ?? '' } });
    expect((await sharp(Buffer.from(await converted.arrayBuffer())).metadata()).format).toBe('jpeg');
    expect(storedFiles(studentId)).toHaveLength(6);
  });

  it('refuses what is not a photo by its content, whatever its name, and keeps nothing of it', async () => {
    const { id: studentId, tus } = await student(4);
    const staged = stagedUploads();
    const text = Buffer.from('These are my answers, honest.\n'.repeat(40));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), Buffer.alloc(2000, 0x20)]);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x41)]);
    for (const [bytes, name] of [
      [text, 'page-1.jpg'],
      [pdf, 'scan.pdf'],
    ] as const) {
      const res = await tus.upload(written, 1, bytes, name);
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
        415,
        'unsupported_media_type',
        'This file is not a photo: send a JPEG, PNG, WebP or HEIC picture of the answer sheet.',
      ]);
    }
    const damaged = await tus.upload(written, 1, broken, 'page-1.jpg');
    expect([damaged.status, damaged.body.error.message]).toEqual([
      415,
      'The photo could not be read (the file is damaged or incomplete). Take the photo again.',
    ]);
    // An iPhone file that is HEIC by its header but not inside.
    const fakeHeic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(3000, 7),
    ]);
    const heic = await tus.upload(written, 1, fakeHeic, 'IMG_0002.HEIC');
    expect([heic.status, heic.body.error.message]).toEqual([
      415,
      'This HEIC photo could not be converted. Set the camera to "Most Compatible" (JPEG) or send a screenshot of the photo.',
    ]);
    const tiny = await tus.upload(written, 1, await sharp(sharpJpeg).resize(200).toBuffer());
    expect([tiny.status, tiny.body.error.message]).toEqual([
      415,
      "The picture is too small to read (200×282 px); send the camera's full-size photo.",
    ]);
    // Nothing of any of them: no row, no file, no upload left to resume, no log entry.
    expect(await rowsOf(studentId)).toEqual([]);
    expect(storedFiles(studentId)).toEqual([]);
    expect(stagedUploads()).toEqual(staged);
    expect((await logOf(studentId)).filter((e) => e.type.startsWith('sheet_'))).toEqual([]);
    const gone = await tus.head(damaged.location as string);
    expect(gone.status).toBe(404);
  });

  it('refuses a photo over the size limit with 413 before any byte is stored, and one that outgrows its length', async () => {
    const { id: studentId, tus } = await student(5);
    const staged = stagedUploads();
    const huge = await tus.create(written, SHEET_MAX_BYTES + 1, { pageNumber: '1' });
    expect([huge.status, huge.body.error.code, huge.body.error.message]).toEqual([
      413,
      'payload_too_large',
      'The photo is larger than 25 MB; send a smaller one.',
    ]);
    expect(huge.headers.get('location')).toBeNull();
    expect(stagedUploads()).toEqual(staged);

    // Declares 1,000 bytes, then sends 2,000.
    const small = await tus.create(written, 1000, { pageNumber: '1' });
    expect(small.status).toBe(201);
    const over = await tus.patch(small.headers.get('location') as string, 0, Buffer.alloc(2000, 1));
    expect([over.status, over.body.error.code]).toEqual([413, 'payload_too_large']);
    expect(await rowsOf(studentId)).toEqual([]);
  });

  it('checks the page number and the metadata with the contract', async () => {
    const { tus } = await student(6);
    const staged = stagedUploads();
    for (const [meta, field] of [
      [{ filename: 'a.jpg' }, 'metadata.pageNumber'],
      [{ pageNumber: '0' }, 'metadata.pageNumber'],
      [{ pageNumber: '31' }, 'metadata.pageNumber'],
      [{ pageNumber: 'two' }, 'metadata.pageNumber'],
      [{ pageNumber: '2', studentId: randomUUID() }, 'metadata'],
    ] as const) {
      const res = await tus.create(written, 1000, meta);
      expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
    }
    const deferred = await tus.send('POST', `/api/student/sittings/${written}/sheets/uploads`, {
      'Upload-Defer-Length': '1',
      'Upload-Metadata': 'pageNumber Mg==',
    });
    expect(deferred.status).toBe(400);
    expect(stagedUploads()).toEqual(staged);
  });

  it('continues an upload whose connection dropped halfway from the offset the server kept', async () => {
    const { id: studentId, c, tus } = await student(7);
    const photo = await sheetPhoto({ width: 1400, noise: 4, seed: 7, orientation: 6, quality: 95 });
    const created = await tus.create(written, photo.length, { pageNumber: '2', filename: 'IMG_2.jpg' });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') as string;
    expect(location).toMatch(new RegExp(`^/api/student/sittings/${written}/sheets/uploads/[0-9a-f]{32}$`));
    const staged = path.join(staging, location.split('/').pop() as string);

    const half = Math.floor(photo.length / 2);
    await tus.patchAndDrop(location, 0, photo, half, () => statSync(staged).size >= half);
    const after = await tus.head(location);
    expect(after.status).toBe(200);
    const offset = Number(after.headers.get('upload-offset'));
    expect(offset).toBe(half);
    expect(after.headers.get('upload-length')).toBe(String(photo.length));
    expect(await rowsOf(studentId)).toEqual([]);

    // Another student cannot see or continue it.
    const stranger = (await student(8)).tus;
    expect((await stranger.head(location)).status).toBe(404);
    expect((await stranger.patch(location, offset, photo.subarray(offset))).status).toBe(404);
    // A wrong offset is refused without touching it.
    expect((await tus.patch(location, 0, photo)).status).toBe(409);

    const done = await tus.patch(location, offset, photo.subarray(offset));
    expect(done.status).toBe(204);
    const [row] = await rowsOf(studentId);
    expect(row?.originalSha256).toBe(sha256(photo));
    expect((await sheetsOf(c)).pages.map((p) => [p.pageNumber, p.width, p.height])).toEqual([
      [2, 1400, 1980],
    ]);
  });

  it('stores the same photo once, and refuses it as another page', async () => {
    const { id: studentId, tus } = await student(9);
    const staged = stagedUploads();
    const first = await tus.upload(written, 1, sharpJpeg);
    expect(first.status).toBe(204);
    const again = await tus.upload(written, 1, sharpJpeg, 'copy.jpg');
    expect(again.status).toBe(204);
    expect(again.headers.get('sheet-id')).toBe(first.headers.get('sheet-id'));
    expect(again.headers.get('sheet-duplicate')).toBe('1');
    const elsewhere = await tus.upload(written, 2, sharpJpeg);
    expect([elsewhere.status, elsewhere.body.error.message]).toEqual([
      409,
      'This photo is already page 1; photograph sheet 2 and send that.',
    ]);
    expect(await rowsOf(studentId)).toHaveLength(1);
    expect(storedFiles(studentId)).toHaveLength(2);
    expect((await logOf(studentId)).filter((e) => e.type === 'sheet_uploaded')).toHaveLength(1);
    await vi.waitFor(() => expect(stagedUploads()).toEqual(staged));
  });

  it('flags a blurred page and not a sharp one', async () => {
    const { id: studentId, c, tus } = await student(10);
    const blurred = await sheetPhoto({ width: 1000, blurSigma: 3, noise: 2, seed: 10 });
    expect((await tus.upload(written, 1, sharpJpeg)).status).toBe(204);
    expect((await tus.upload(written, 2, blurred)).status).toBe(204);
    const [sharpPage, blurredPage] = (await sheetsOf(c)).pages;
    expect(sharpPage).toMatchObject({ pageNumber: 1, blurred: false });
    expect(blurredPage).toMatchObject({ pageNumber: 2, blurred: true });
    expect(sharpPage?.sharpness).toBeGreaterThan(5 * SHARPNESS_THRESHOLD);
    expect(blurredPage?.sharpness).toBeLessThan(SHARPNESS_THRESHOLD);
    const list: SittingSheetRow[] = (await proctor.call('sittingSheets', { params: { sittingId: written } }))
      .body;
    expect(list.find((r) => r.studentId === studentId)).toMatchObject({ pages: 2, pending: 2, blurred: 1 });
  });

  it('reviews pages: accept, reject with a reason the student is told, re-upload keeps the rejected photo as replaced', async () => {
    const { id: studentId, c, tus } = await student(11);
    const first = await sheetPhoto({ width: 1000, blurSigma: 2, seed: 21 });
    expect((await tus.upload(written, 1, first)).status).toBe(204);
    expect((await tus.upload(written, 2, sharpJpeg)).status).toBe(204);
    const [p1, p2] = (await sheetsOf(c)).pages as [AnswerSheet, AnswerSheet];
    const ref1 = { studentId, id: p1.id };

    const noNote = await review(proctor, ref1, { decision: 'reject', reason: 'other' });
    expect([noNote.status, noNote.body.error.fields]).toEqual([
      400,
      [{ path: 'body.note', message: 'a note is required when the reason is "other"' }],
    ]);
    const rejected = await review(proctor, ref1, {
      decision: 'reject',
      reason: 'blurred',
      note: 'The bottom half is out of focus.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectReason: 'blurred',
      rejectNote: 'The bottom half is out of focus.',
      reviewedByName: expect.any(String),
    });
    // The second click changes nothing and logs nothing.
    expect(
      (
        await review(proctor, ref1, {
          decision: 'reject',
          reason: 'blurred',
          note: 'The bottom half is out of focus.',
        })
      ).status,
    ).toBe(200);
    const proctor2 = await session('proctor2');
    expect((await review(proctor2, { studentId, id: p2.id }, { decision: 'accept' })).body.status).toBe(
      'accepted',
    );
    // Only the sitting's own staff: another student, the dean's office, another commission.
    for (const who of [login(12), 'registrar', 'secretary'])
      expect(
        (await review(await session(who), { studentId, id: p2.id }, { decision: 'reject', reason: 'dark' }))
          .status,
      ).toBe(403);
    // Not a sheet of this student: not found.
    expect(
      (await review(proctor, { studentId: await userId(db, login(12)), id: p2.id }, { decision: 'accept' }))
        .status,
    ).toBe(404);

    const reviews: LogEntry[] = (await c.call('myLog', { params: { sittingId: written } })).body;
    const sheetEntries = reviews.filter((e) => e.type === 'sheet_rejected' || e.type === 'sheet_accepted');
    expect(sheetEntries.map((e) => [e.type, e.text, e.evidence?.page, e.evidence?.reason])).toEqual([
      ['sheet_rejected', 'The bottom half is out of focus.', 1, 'blurred'],
      ['sheet_accepted', '', 2, null],
    ]);
    const audited = await db.select().from(auditLog).where(eq(auditLog.subject, written));
    expect(audited.filter((a) => a.action.startsWith('sheet.')).map((a) => a.action)).toEqual([
      'sheet.rejected',
      'sheet.accepted',
    ]);

    // The accepted page cannot be replaced; the rejected one is uploaded again.
    const retake = await tus.create(written, sharpJpeg.length, { pageNumber: '2' });
    expect([retake.status, retake.body.error.message]).toEqual([
      409,
      'Page 2 was accepted by the proctor; it cannot be replaced.',
    ]);
    const second = await sheetPhoto({ width: 1000, seed: 22 });
    const redo = await tus.upload(written, 1, second);
    expect(redo.status).toBe(204);
    const set = await sheetsOf(c);
    expect(set.pages.map((p) => [p.pageNumber, p.status])).toEqual([
      [1, 'pending'],
      [2, 'accepted'],
    ]);
    expect(set.replaced.map((p) => [p.id, p.status, p.rejectReason])).toEqual([
      [p1.id, 'rejected', 'blurred'],
    ]);
    const [old] = (await rowsOf(studentId)).filter((r) => r.id === p1.id);
    expect(old?.replacedAt).toBeInstanceOf(Date);
    expect((await c.raw('GET', p1.imageUrl)).status).toBe(200);
    // The replaced photo is not reviewed any more; the new one is.
    expect((await review(proctor, ref1, { decision: 'accept' })).status).toBe(409);
    const newId = redo.headers.get('sheet-id') as string;
    expect((await review(proctor, { studentId, id: newId }, { decision: 'accept' })).status).toBe(200);
    expect((await sheetsOf(c)).allAccepted).toBe(true);
    const forStaff: AnswerSheetSet = (
      await proctor.call('studentSheetsForStaff', { params: { sittingId: written, studentId } })
    ).body;
    expect([forStaff.pages.length, forStaff.replaced.length, forStaff.allAccepted]).toEqual([2, 1, true]);
    const row = (
      (await proctor.call('sittingSheets', { params: { sittingId: written } })).body as SittingSheetRow[]
    ).find((r) => r.studentId === studentId);
    expect(row).toMatchObject({ pages: 2, pending: 0, accepted: 2, rejected: 0 });
  });

  it('refuses another group, a student not admitted, a sitting over, staff and strangers', async () => {
    const staged = stagedUploads();
    const s13 = await session(login(13));
    const tus13 = new TusClient(t.baseUrl, s13.cookie);
    const notAdmitted = await tus13.create(written, 1000, { pageNumber: '1' });
    expect([notAdmitted.status, notAdmitted.body.error.message]).toEqual([
      409,
      'The proctor has not admitted you yet: answer sheets can be uploaded once you are admitted.',
    ]);
    expect((await sheetsOf(s13)).open).toBe(false);

    // Another group's written exam: not found.
    const [sitting] = await db.select().from(sittings).where(eq(sittings.id, written));
    const [group] = await db
      .insert(academicGroups)
      .values({
        facultyId: (await db.select().from(academicGroups))[0]?.facultyId as string,
        name: 'ИС-23-9',
      })
      .returning();
    const { id: _id, createdAt: _c, ...copy } = sitting as typeof sittings.$inferSelect;
    const [other] = await db
      .insert(sittings)
      .values({ ...copy, groupId: group?.id as string })
      .returning();
    const { tus } = await student(14);
    expect((await tus.create(other?.id as string, 1000, { pageNumber: '1' })).status).toBe(404);
    expect((await s13.call('studentSheets', { params: { sittingId: other?.id as string } })).status).toBe(
      404,
    );
    // A computer test has no answer sheets.
    expect((await tus.create(sittingOf(t.seed, 'computer_test'), 1000, { pageNumber: '1' })).status).toBe(
      400,
    );

    // Sitting over: the proctor let the student go with a page still pending (allowed: the
    // console shows the counts); nothing more can be uploaded.
    const { id: s15, c: c15, tus: tus15 } = await student(15);
    const started = await tus15.create(written, sharpJpeg.length, { pageNumber: '1' });
    expect(started.status).toBe(201);
    const left = await proctor.call('intervene', {
      params: { sittingId: written, studentId: s15 },
      body: { action: 'permit_leave' },
    });
    expect(left.status).toBe(200);
    const over = await tus15.patch(started.headers.get('location') as string, 0, sharpJpeg);
    expect([over.status, over.body.error.message]).toEqual([
      409,
      'Your sitting is over (the proctor let you go or ended it): no more answer sheets can be uploaded.',
    ]);
    expect((await tus15.create(written, 1000, { pageNumber: '2' })).status).toBe(409);
    expect((await sheetsOf(c15)).open).toBe(false);
    expect(await rowsOf(s15)).toEqual([]);

    // Staff do not upload; nobody without a session; no other site.
    expect(
      (await new TusClient(t.baseUrl, proctor.cookie).create(written, 1000, { pageNumber: '1' })).status,
    ).toBe(403);
    const anonymous = await new TusClient(t.baseUrl, undefined).create(written, 1000, { pageNumber: '1' });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'unauthenticated']);
    const crossSite = await tus.create(
      written,
      1000,
      { pageNumber: '1' },
      { Origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
    // student 15's upload, cut off by the end of the sitting, is all that is left to resume.
    expect(stagedUploads().filter((f) => !staged.includes(f))).toHaveLength(2);
  });

  it('lets no id climb out of its folder or reach another student', async () => {
    const { id: studentId, c, tus } = await student(16);
    expect((await tus.upload(written, 1, sharpJpeg)).status).toBe(204);
    const [page] = (await sheetsOf(c)).pages as [AnswerSheet];
    const uploads = `/api/student/sittings/${written}/sheets/uploads`;
    // Sent as they are (fetch would tidy the dot segments away before they reach the server).
    for (const id of ['..%2F..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e', '..%5c..%5cx', 'g'.repeat(32)])
      expect((await tus.rawHead(`${uploads}/${id}`)).status).toBe(404);
    expect((await tus.rawHead(`${uploads}/../../../../../etc/passwd`)).status).toBe(404);
    expect((await tus.create('..%2F..', 1000, { pageNumber: '1' })).status).toBe(400);
    const file = (p: Record<string, string>) => c.raw('GET', pathFor(http.sheetFile.path, p));
    expect((await file({ sittingId: written, studentId, sheetId: '../../../../etc/passwd' })).status).toBe(
      400,
    );
    expect((await tus.rawHead(`${page.imageUrl}/../../../../../../etc/passwd`)).status).toBe(404);
    // The right sheet id under another student or sitting is not found.
    const s17 = await userId(db, login(17));
    expect(
      (await proctor.call('sheetFile', { params: { sittingId: written, studentId: s17, sheetId: page.id } }))
        .status,
    ).toBe(404);
    expect(
      (
        await proctor.call('sheetFile', {
          params: { sittingId: sittingOf(t.seed, 'oral'), studentId, sheetId: page.id },
        })
      ).status,
    ).toBe(404);
    expect((await c.raw('GET', `${page.imageUrl}?size=../../x`)).status).toBe(400);
    const row = (await rowsOf(studentId))[0];
    expect(row?.storageKey).toBe(`${written}/${studentId}/${page.id}.jpg`);
  });

  it('limits how many uploads a student may start', async () => {
    const { tus } = await student(18);
    for (let i = 0; i < SHEET_UPLOAD_CREATIONS; i++)
      expect((await tus.create(written, 1000, { pageNumber: String((i % 30) + 1) })).status).toBe(201);
    const limited = await tus.create(written, 1000, { pageNumber: '1' });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another student is not slowed down by it.
    expect((await (await student(19)).tus.create(written, 1000, { pageNumber: '1' })).status).toBe(201);
  });

  it('lists every student of the sitting with page counts for the gallery', async () => {
    const list: SittingSheetRow[] = (await proctor.call('sittingSheets', { params: { sittingId: written } }))
      .body;
    const roster = await db
      .select({ id: students.userId })
      .from(students)
      .innerJoin(sittings, eq(sittings.groupId, students.groupId))
      .where(eq(sittings.id, written));
    expect(list.map((r) => r.studentId).sort()).toEqual(roster.map((r) => r.id).sort());
    const s3 = await userId(db, login(3));
    expect(list.find((r) => r.studentId === s3)).toMatchObject({ pages: 3, pending: 3, blurred: 0 });
    expect(list.find((r) => r.studentId === s3)?.lastUploadAt).toMatch(/^\d{4}-/);
    const nobody = list.find((r) => r.pages === 0);
    expect(nobody).toMatchObject({ pending: 0, accepted: 0, rejected: 0, blurred: 0, lastUploadAt: null });
    expect(
      (await (await session('secretary')).call('sittingSheets', { params: { sittingId: written } })).status,
    ).toBe(403);
  });
});
