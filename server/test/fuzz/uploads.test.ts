/**
 * Every way a file reaches the server — answer-sheet photos over tus, identity photos, violation
 * snapshots, make-up evidence — sent other formats under a picture's name, decompression bombs,
 * broken and empty pictures and climbing file names. Each is refused with its code (and field),
 * never a 5xx, and leaves no file and no row behind. (answer-sheets.test.ts already covers plain
 * text, a PDF, fake HEIC, a too-small picture and the size limits.)
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { sittings } from '../../src/sittings/schema.js';
import { admit } from '../attempt-helpers.js';
import { dbFingerprint } from '../db-fingerprint.js';
import { sittingOf, userId } from '../fixtures.js';
import { TestClient } from '../http-client.js';
import { unreadIdentityCheck } from '../identity-body.js';
import { sheetPhoto } from '../sheet-images.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { TusClient } from '../tus-client.js';
import { errorShapeProblem, SETUP_MS } from './fuzz-run.js';
import {
  declaredPngBomb,
  flatPngBomb,
  HOSTILE_NAMES,
  IMPOSTORS,
  jpegClaiming,
  truncatedJpeg,
} from './hostile-files.js';

const DAY = 86_400_000;

/** Every file under a folder, relative to it. */
function filesUnder(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(root, full) : [path.relative(root, full)];
  });
}

describe('hostile uploads are refused and leave nothing behind', () => {
  let t: TestApp;
  let db: Db;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-fuzz-uploads-'));
  const sessions = new Map<string, TestClient>();
  const session = async (login: string) => {
    const known = sessions.get(login);
    if (known) return known;
    const c = await new TestClient(t.baseUrl).login(login);
    sessions.set(login, c);
    return c;
  };
  /** Pictures that are not what they claim (or too much of what they claim). */
  const bad: Record<string, Buffer> = { ...IMPOSTORS };

  beforeAll(async () => {
    t = await startTestApp({
      env: { DATA_DIR: dataDir, SFU_PUBLIC_URL: 'http://127.0.0.1:9', API_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    db = t.database.db;
    Object.assign(bad, {
      flatPngBomb: flatPngBomb(),
      declaredPngBomb: declaredPngBomb(),
      jpegClaiming60000: await jpegClaiming(60_000, 60_000),
      truncatedJpeg: await truncatedJpeg(1200, 1600, 0.5),
    });
  }, SETUP_MS);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs refusals and proves the database and the data folder are as they were. */
  async function unchangedBy(refusals: () => Promise<void>) {
    const files = filesUnder(dataDir).sort();
    const rows = await dbFingerprint(db);
    await refusals();
    expect(filesUnder(dataDir).sort()).toEqual(files);
    expect(await dbFingerprint(db)).toEqual(rows);
    // Nothing climbed out of the data folder either.
    expect(existsSync(path.resolve(dataDir, '../../etc/passwd.jpg'))).toBe(false);
  }

  const expectRefusal = (res: { status: number; body: unknown }, codes: string[], field?: string) => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(errorShapeProblem(res.body)).toBeNull();
    const error = (res.body as { error: { code: string; message: string; fields?: { path: string }[] } })
      .error;
    expect(codes).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(5);
    if (field) expect(error.fields?.map((f) => f.path)).toContain(field);
  };

  it('answer-sheet photos: other formats, bombs and broken JPEGs under any name get a 415', async () => {
    const written = sittingOf(t.seed, 'written');
    const studentId = await admit(db, written, 'student01');
    const tus = new TusClient(t.baseUrl, (await session('student01')).cookie);
    await unchangedBy(async () => {
      // A PDF and a JPEG header over junk are answer-sheets.test.ts's cases already.
      const cases = Object.entries(bad).filter(([label]) => label !== 'pdf' && label !== 'magicOnly');
      for (const [i, [label, bytes]] of cases.entries()) {
        const name = HOSTILE_NAMES[i % HOSTILE_NAMES.length] as string;
        const res = await tus.upload(written, 1, bytes, name);
        expect([label, res.status]).toEqual([label, 415]);
        expectRefusal(res, ['unsupported_media_type']);
      }
      const empty = await tus.create(written, 0, { pageNumber: '1', filename: 'page-1.jpg' });
      expectRefusal(empty, ['validation_failed']);
    });
    // A real photo under a climbing name is stored under the server's own key, nowhere else.
    const before = new Set(filesUnder(dataDir));
    const photo = await sheetPhoto({ width: 1000, noise: 2, seed: 5 });
    const stored = await tus.upload(written, 1, photo, '../../../etc/cron.d/page\u0000.jpg');
    expect(stored.status).toBe(204);
    // The finished upload's staging copy is removed just after the answer.
    const staged = () =>
      filesUnder(dataDir).filter((f) => f.startsWith('answer-sheets/uploads/') && !before.has(f));
    for (let i = 0; i < 50 && staged().length; i++) await new Promise((r) => setTimeout(r, 100));
    const added = filesUnder(dataDir).filter((f) => !before.has(f));
    expect(added.length).toBeGreaterThan(0);
    for (const file of added)
      expect(file).toMatch(
        new RegExp(`^answer-sheets/${written}/${studentId}/[0-9a-f-]{36}(\\.thumb)?\\.jpg$`),
      );
  });

  it('identity photos: anything but a readable camera-sized JPEG is refused by field', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const student = await session('student02');
    const face = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#9a8' } })
      .jpeg()
      .toBuffer();
    const document = await sheetPhoto({ width: 600, seed: 3 });
    const body = (over: Record<string, string>) => unreadIdentityCheck(face, document, over);
    const submit = (over: Record<string, string>) =>
      student.call('submitIdentityCheck', { params: { sittingId }, body: body(over) });
    // The body itself is sound: a real pair of photos is taken.
    await unchangedBy(async () => {
      for (const [label, bytes] of [...Object.entries(bad), ['empty', Buffer.alloc(0)] as const]) {
        for (const field of ['facePhotoBase64', 'documentPhotoBase64']) {
          const res = await submit({ [field]: bytes.toString('base64') });
          expect([label, field, res.status]).toEqual([label, field, res.status === 413 ? 413 : 400]);
          expectRefusal(res, ['validation_failed', 'payload_too_large'], `body.${field}`);
        }
      }
      const huge = await submit({ facePhotoBase64: (await jpegClaiming(5000, 3000)).toString('base64') });
      expectRefusal(huge, ['validation_failed'], 'body.facePhotoBase64');
    });
    expect((await submit({})).status).toBe(201);
  });

  it('violation snapshots: a proctor’s and the browser’s, refused by field with nothing kept', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const studentId = await userId(db, 'student03');
    const proctor = await session('proctor1');
    const student = await session('student03');
    const small = Object.entries(bad).filter(([, b]) => b.length <= 60_000);
    const report = (snapshot?: string) => ({
      episodeId: crypto.randomUUID(),
      type: 'no_face',
      startedAt: new Date(Date.now() - 5000).toISOString(),
      endedAt: new Date().toISOString(),
      confidence: 70,
      ...(snapshot ? { snapshot } : {}),
    });
    await unchangedBy(async () => {
      for (const [label, bytes] of small) {
        const raised = await proctor.call('raiseViolation', {
          params: { sittingId, studentId },
          body: {
            type: 'phone_or_device',
            severity: 'high',
            note: label,
            snapshot: bytes.toString('base64'),
          },
        });
        expect([label, raised.status]).toEqual([label, 400]);
        expectRefusal(raised, ['validation_failed'], 'body.snapshot');
        // A sound report first, the bad snapshot second: the batch is refused whole.
        const flagged = await student.call('reportFlags', {
          params: { sittingId },
          body: { reports: [report(), report(bytes.toString('base64'))] },
        });
        expect([label, flagged.status]).toEqual([label, 400]);
        expectRefusal(flagged, ['validation_failed'], 'body.reports.1.snapshot');
      }
    });
  });

  it('make-up evidence: other formats under a PDF or picture name, bombs and empty files are refused by field', async () => {
    const seedId = sittingOf(t.seed, 'written');
    const [seed] = await db.select().from(sittings).where(eq(sittings.id, seedId));
    const { id: _id, createdAt: _c, ...copy } = seed as typeof sittings.$inferSelect;
    // A written exam two days ago that student04 never came to.
    const [missed] = await db
      .insert(sittings)
      .values({ ...copy, startsAt: new Date(Date.now() - 2 * DAY) })
      .returning();
    const sittingId = missed?.id as string;
    const student = await session('student04');
    const apply = (bytes: Buffer, evidenceFileName: string) =>
      student.call('applyForMakeUp', {
        params: { sittingId },
        body: {
          reason: 'illness',
          explanation: 'I had a fever.',
          evidenceFileName,
          evidenceBase64: bytes.toString('base64'),
        },
      });
    const refusedEvidence = [
      'zip',
      'html',
      'exe',
      'svg',
      'flatPngBomb',
      'declaredPngBomb',
      'jpegClaiming60000',
    ];
    await unchangedBy(async () => {
      for (const [i, label] of refusedEvidence.entries()) {
        const res = await apply(bad[label] as Buffer, i % 2 ? 'certificate.pdf' : 'scan.jpg');
        expect([label, res.status]).toEqual([label, 400]);
        expectRefusal(res, ['validation_failed'], 'body.evidenceBase64');
      }
      expectRefusal(await apply(Buffer.alloc(0), 'empty.pdf'), ['validation_failed'], 'body.evidenceBase64');
    });
    // A NUL in the name cannot be stored: refused by field, not a 500.
    await unchangedBy(async () => {
      const nul = await apply(IMPOSTORS.pdf as Buffer, 'scan\u0000.exe.pdf');
      expectRefusal(nul, ['validation_failed'], 'body.evidenceFileName');
    });
    // A real PDF under a climbing name: stored under the server's key, offered under a clean name.
    const taken = await apply(IMPOSTORS.pdf as Buffer, '../../etc/passwd.pdf');
    expect(taken.status).toBe(201);
    const files = filesUnder(path.join(dataDir, 'make-up'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.pdf$/);
    const download = await fetch(
      `${t.baseUrl}/api/make-up-applications/${taken.body.applicationId}/evidence`,
      {
        headers: { cookie: student.cookie ?? '' },
      },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).not.toMatch(/\.\.|\/|\\|\u0000/);
  });
});
