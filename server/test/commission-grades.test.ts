import { randomUUID } from 'node:crypto';
import {
  type CommissionGrading,
  type CommissionRow,
  defaultPolicies,
  http,
  type LogEntry,
  pathFor,
  type StudentExamResult,
} from '@adal/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { commissionScores } from '../src/commission-grades/schema.js';
import type { Db } from '../src/db/database.js';
import { grades } from '../src/grades/schema.js';
import { commissionMembers, commissions, sittings } from '../src/sittings/schema.js';
import { academicGroups, disciplines } from '../src/university/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** The seed's first three students, as the university lists them (Kazakh letters on purpose). */
const NAMES = ['Абдрахманов Әли Серікұлы', 'Ахметова Аружан Болатқызы', 'Бекова Дана Ерланқызы'];
const MEMBER1_COMMENT = 'Екінші сұраққа толық жауап берді.';

/** Lines wrap anywhere in a PDF: compare without white space. */
const flat = (s: string) => s.replace(/\s+/g, '');

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number; size: number[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = '';
  const view = (await doc.getPage(1)).getViewport({ scale: 1 });
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += `${content.items.map((i) => ('str' in i ? i.str : '')).join(' ')}\n`;
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text, pages, size: [Math.round(view.width), Math.round(view.height)] };
}

describe('state exam: commission scores, final grades, announcement and the protocol PDF', () => {
  let t: TestApp;
  let db: Db;
  let stateExam: string;
  let chair: TestClient;
  let member1: TestClient;
  let member2: TestClient;
  let secretary: TestClient;
  let admin: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    stateExam = sittingOf(t.seed, 'state_exam');
    const login = (name: string) => new TestClient(t.baseUrl).login(name);
    chair = await login('chair');
    member1 = await login('member1');
    member2 = await login('member2');
    secretary = await login('secretary');
    admin = await login('admin');
    const logins = ['chair', 'member1', 'member2', 'secretary', 'student01', 'student02', 'student03'];
    for (const login of [...logins, 'student04', 'student05']) ids[login] = await userId(db, login);
  });
  afterAll(() => t?.close());

  const view = async (client: TestClient, sittingId = stateExam) => {
    const res = await client.call('commissionGrading', { params: { sittingId } });
    expect(res.status).toBe(200);
    return res.body as CommissionGrading;
  };
  const rowOf = async (client: TestClient, login: string) => {
    const row = (await view(client)).rows.find((r) => r.studentId === ids[login]);
    if (!row) throw new Error(`${login} is not on the list`);
    return row;
  };
  const score = (client: TestClient, login: string, body: unknown, sittingId = stateExam) =>
    client.call('scoreStudent', { params: { sittingId, studentId: ids[login] as string }, body });
  const fix = (client: TestClient, login: string, body: unknown = {}, sittingId = stateExam) =>
    client.call('fixCommissionGrade', { params: { sittingId, studentId: ids[login] as string }, body });
  const setProtocol = (client: TestClient, body: unknown, sittingId = stateExam) =>
    client.call('setCommissionProtocol', { params: { sittingId }, body });
  const announce = (client: TestClient, sittingId = stateExam) =>
    client.call('announceCommissionGrades', { params: { sittingId }, body: {} });
  const gradeRow = async (login: string) =>
    (
      await db
        .select()
        .from(grades)
        .where(and(eq(grades.sittingId, stateExam), eq(grades.studentId, ids[login] as string)))
    )[0];
  const audits = (action: string) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.subject, stateExam)))
      .orderBy(asc(auditLog.id));
  /** The protocol file, read as bytes (the test client reads text). */
  const download = async (client: TestClient, lang?: string, sittingId = stateExam) => {
    const path = pathFor(http.commissionProtocolFile.path, { sittingId });
    const res = await fetch(`${t.baseUrl}${path}${lang ? `?lang=${lang}` : ''}`, {
      headers: client.cookie ? { cookie: client.cookie } : {},
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('shows the commission in order, the list with drawn tickets, and nothing scored yet', async () => {
    await admit(db, stateExam, 'student01');
    const student = await new TestClient(t.baseUrl).login('student01');
    const drawn = await student.call('drawTicket', { params: { sittingId: stateExam }, body: { card: 0 } });
    expect(drawn.status).toBe(200);

    const grading = await view(chair);
    expect(grading.viewer).toBe('chair');
    expect(grading.protocol).toBeNull();
    expect(grading.commission.people.map((p) => [p.userId, p.seat])).toEqual([
      [ids.chair, 'chair'],
      // Members by name: Есімова before Петров.
      [ids.member1, 'member'],
      [ids.member2, 'member'],
      [ids.secretary, 'secretary'],
    ]);
    expect(grading.rows).toHaveLength(30);
    // In list order (by full name, as the university lists them).
    expect(grading.rows.slice(0, 2).map((r) => r.fullName)).toEqual(NAMES.slice(0, 2));
    expect(grading.rows[0]).toEqual({
      studentId: ids.student01,
      fullName: NAMES[0],
      ticketNumber: drawn.body.ticketNumber,
      myScore: null,
      scoredCount: 0,
      scores: [],
      mean: null,
      grade: null,
      fixedAt: null,
      fixReason: null,
      publishedAt: null,
    });
    expect((await view(member1)).viewer).toBe('member');
    expect((await view(secretary)).viewer).toBe('secretary');
    expect((await view(admin)).viewer).toBe('admin');
    // A thesis defence is graded the same way; it has no tickets.
    const defence = await view(chair, sittingOf(t.seed, 'thesis_defence'));
    expect(defence.rows.every((r) => r.ticketNumber === null)).toBe(true);
  });

  it('lets members score independently: each sees only their own score; the chair sees all and the mean', async () => {
    const saved = await score(member1, 'student01', { percent: 80, comment: `  ${MEMBER1_COMMENT} ` });
    expect(saved.status).toBe(200);
    expect(saved.body as CommissionRow).toMatchObject({
      myScore: { memberId: ids.member1, percent: 80, comment: MEMBER1_COMMENT },
      scoredCount: 1,
      scores: null,
      mean: null,
    });
    expect((await score(member2, 'student01', { percent: 71.5 })).status).toBe(200);
    expect((await score(chair, 'student01', { percent: 90, comment: 'Өте сенімді.' })).status).toBe(200);

    // Each member: their own score only, and how many have scored — nothing of the others'.
    for (const [client, own, others] of [
      [member1, 80, ['"percent":71.5', '"percent":90', 'Өте сенімді']],
      [member2, 71.5, ['"percent":80', '"percent":90', MEMBER1_COMMENT, 'Өте сенімді']],
    ] as const) {
      const grading = await view(client);
      const row = grading.rows[0] as CommissionRow;
      expect(row).toMatchObject({ myScore: { percent: own }, scoredCount: 3, scores: null, mean: null });
      const seen = JSON.stringify(grading);
      expect(others.filter((secret) => seen.includes(secret))).toEqual([]);
    }
    // The secretary does not score and sees no scores before the grade is fixed.
    expect(await rowOf(secretary, 'student01')).toMatchObject({
      myScore: null,
      scoredCount: 3,
      scores: null,
    });

    // The chair (and an admin) see every score in the commission's order, and the mean.
    for (const client of [chair, admin]) {
      const row = await rowOf(client, 'student01');
      expect(row.scores?.map((s) => [s.memberId, s.percent, s.comment])).toEqual([
        [ids.chair, 90, 'Өте сенімді.'],
        [ids.member1, 80, MEMBER1_COMMENT],
        [ids.member2, 71.5, ''],
      ]);
      expect(row.mean).toBe(80.5);
    }

    // A member changes their score: audited with the old and the new value; the same again changes nothing.
    expect((await score(member1, 'student01', { percent: 82, comment: MEMBER1_COMMENT })).status).toBe(200);
    expect((await score(member1, 'student01', { percent: 82, comment: MEMBER1_COMMENT })).status).toBe(200);
    const changes = await audits('commission.score_changed');
    expect(changes.map((a) => a.details)).toEqual([
      {
        studentId: ids.student01,
        old: { percent: 80, comment: MEMBER1_COMMENT },
        new: { percent: 82, comment: MEMBER1_COMMENT },
      },
    ]);
    expect((await audits('commission.scored')).map((a) => a.actorId)).toEqual([
      ids.member1,
      ids.member2,
      ids.chair,
    ]);
    // (90 + 82 + 71.5) / 3 = 81.1666… → 81.17
    expect((await rowOf(chair, 'student01')).mean).toBe(81.17);
  });

  it('fixes a grade only under a protocol; writes it to grades with the protocol and the scale; locks the scores', async () => {
    const early = await fix(chair, 'student01');
    expect([early.status, early.body.error.code]).toEqual([409, 'conflict']);
    expect(early.body.error.message).toMatch(/protocol/);
    expect(await gradeRow('student01')).toBeUndefined();

    // The chair or the secretary enters the protocol; a member may not.
    expect((await setProtocol(member1, { protocolNumber: '12', protocolDate: '2026-06-12' })).status).toBe(
      403,
    );
    const entered = await setProtocol(secretary, { protocolNumber: ' 12/МАК ', protocolDate: '2026-06-12' });
    expect(entered.status).toBe(200);
    expect(entered.body).toEqual({ protocolNumber: '12/МАК', protocolDate: '2026-06-12', announcedAt: null });

    // Members and the secretary may not fix.
    for (const client of [member1, member2, secretary])
      expect((await fix(client, 'student01')).status).toBe(403);
    const fixed = await fix(chair, 'student01');
    expect(fixed.status).toBe(200);
    expect(fixed.body as CommissionRow).toMatchObject({
      grade: { percent: 81.17, letter: 'B', gpaPoints: 3, traditional: 'good' },
      mean: 81.17,
      fixReason: null,
      publishedAt: null,
    });
    expect(await gradeRow('student01')).toMatchObject({
      percent: 81.17,
      letter: 'B',
      gpaPoints: 3,
      traditional: 'good',
      gradedBy: ids.chair,
      protocolNumber: '12/МАК',
      protocolDate: '2026-06-12',
      publishedAt: null,
    });

    // Fixed: every member now sees all the scores of this student; nobody may change one.
    const seenByMember = await rowOf(member2, 'student01');
    expect(seenByMember.scores?.map((s) => s.percent)).toEqual([90, 82, 71.5]);
    expect(seenByMember.mean).toBe(81.17);
    const locked = await score(member1, 'student01', { percent: 100 });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'conflict']);
    expect(locked.body.error.message).toMatch(/locked/);
    const stored = await db
      .select()
      .from(commissionScores)
      .where(
        and(
          eq(commissionScores.studentId, ids.student01 as string),
          eq(commissionScores.memberId, ids.member1 as string),
        ),
      );
    expect(stored.map((s) => s.percent)).toEqual([82]);

    // Nobody scored student02 yet: nothing to fix.
    const unscored = await fix(chair, 'student02');
    expect([unscored.status, unscored.body.error.message]).toEqual([409, expect.stringMatching(/scored/)]);
  });

  it('lets the chair fix another percent than the mean only with a reason, audited', async () => {
    for (const [client, percent] of [
      [member1, 50],
      [member2, 55],
      [chair, 52],
    ] as const)
      expect((await score(client, 'student02', { percent })).status).toBe(200);
    const noReason = await fix(chair, 'student02', { percent: 60 });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'validation_failed']);
    expect(noReason.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.reason']);
    expect(await gradeRow('student02')).toBeUndefined();

    const reason = 'Комиссия қосымша сұраққа берген жауабын ескерді.';
    const fixed = await fix(chair, 'student02', { percent: 60, reason });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      mean: 52.33,
      grade: { percent: 60, letter: 'C-', traditional: 'satisfactory' },
      fixReason: reason,
    });
    const [audit] = (await audits('commission.grade_fixed')).filter(
      (a) => a.details.studentId === ids.student02,
    );
    expect(audit?.actorId).toBe(ids.chair);
    expect(audit?.details).toMatchObject({
      mean: 52.33,
      percent: 60,
      letter: 'C-',
      reason,
      protocolNumber: '12/МАК',
      old: null,
    });
    // The mean itself needs no reason; the chair may fix again until the announcement.
    const back = await fix(chair, 'student02', {});
    expect(back.body).toMatchObject({ grade: { percent: 52.33, letter: 'D' }, fixReason: null });
    const again = await fix(chair, 'student02', { percent: 60, reason });
    expect(again.body).toMatchObject({ grade: { percent: 60 }, fixReason: reason });
    // The reason is shown with the scores: to the members once fixed.
    expect((await rowOf(member1, 'student02')).fixReason).toBe(reason);

    // A corrected protocol number reaches the grades already fixed under it.
    const corrected = await setProtocol(chair, { protocolNumber: '12/МАК-1', protocolDate: '2026-06-13' });
    expect(corrected.status).toBe(200);
    for (const login of ['student01', 'student02'])
      expect(await gradeRow(login)).toMatchObject({ protocolNumber: '12/МАК-1', protocolDate: '2026-06-13' });
    expect((await audits('commission.protocol_changed'))[0]?.details).toMatchObject({
      old: { protocolNumber: '12/МАК', protocolDate: '2026-06-12' },
      new: { protocolNumber: '12/МАК-1', protocolDate: '2026-06-13' },
      fixedGrades: 2,
    });

    // Before the announcement the student sees nothing of it.
    const student = await new TestClient(t.baseUrl).login('student02');
    const result = await student.call('studentExamResult', { params: { sittingId: stateExam } });
    expect(result.body).toEqual({
      sittingId: stateExam,
      published: false,
      grade: null,
      comment: null,
      publishedAt: null,
    });
  });

  it('announces the fixed grades to their students (route, log, socket) once; then they and the protocol are final', async () => {
    const student = await new TestClient(t.baseUrl).login('student01');
    const socket = await connectSocket(t.baseUrl, student.cookie);
    const told = nextEvent(socket, 'grade:published');
    for (const client of [member1, secretary, admin]) expect((await announce(client)).status).toBe(403);

    const res = await announce(chair);
    expect(res.status).toBe(200);
    expect(res.body.announced).toBe(2);
    const announcedAt = res.body.announcedAt as string;
    expect(await told).toEqual({ sittingId: stateExam });
    socket.close();

    const result = (await student.call('studentExamResult', { params: { sittingId: stateExam } }))
      .body as StudentExamResult;
    expect(result).toMatchObject({
      published: true,
      grade: { percent: 81.17, letter: 'B', gpaPoints: 3, traditional: 'good' },
      protocolNumber: '12/МАК-1',
      protocolDate: '2026-06-13',
    });
    const log = (await student.call('myLog', { params: { sittingId: stateExam } })).body as LogEntry[];
    const entries = log.filter((e) => e.type === 'grade_published');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source: 'system',
      evidence: { percent: 81.17, letter: 'B', protocolNumber: '12/МАК-1', protocolDate: '2026-06-13' },
    });
    // Not fixed, not announced.
    const third = await new TestClient(t.baseUrl).login('student03');
    expect((await third.call('studentExamResult', { params: { sittingId: stateExam } })).body).toMatchObject({
      published: false,
      grade: null,
    });
    const grading = await view(chair);
    expect(grading.protocol?.announcedAt).toBe(announcedAt);
    expect(grading.rows.filter((r) => r.publishedAt !== null).map((r) => r.studentId)).toEqual([
      ids.student01,
      ids.student02,
    ]);
    expect((await audits('commission.grades_announced')).map((a) => a.details.count)).toEqual([2]);

    // Idempotent: nothing new, nothing logged twice.
    expect((await announce(chair)).body).toEqual({ announced: 0, announcedAt });
    const after = (await student.call('myLog', { params: { sittingId: stateExam } })).body as LogEntry[];
    expect(after.filter((e) => e.type === 'grade_published')).toHaveLength(1);
    expect(await audits('commission.grades_announced')).toHaveLength(1);

    // Final: the protocol and the announced grades no longer change.
    const protocol = await setProtocol(secretary, { protocolNumber: '13', protocolDate: '2026-06-13' });
    expect([protocol.status, protocol.body.error.message]).toEqual([409, expect.stringMatching(/final/)]);
    const refix = await fix(chair, 'student01', { percent: 90, reason: 'Late change.' });
    expect([refix.status, refix.body.error.message]).toEqual([409, expect.stringMatching(/announced/)]);
    expect(await gradeRow('student01')).toMatchObject({ percent: 81.17, protocolNumber: '12/МАК-1' });

    // A student graded after the announcement goes out with the next one, under the same protocol.
    for (const client of [chair, member1, member2])
      expect((await score(client, 'student03', { percent: 95 })).status).toBe(200);
    expect((await fix(chair, 'student03')).status).toBe(200);
    expect((await announce(chair)).body).toEqual({ announced: 1, announcedAt });
    expect((await third.call('studentExamResult', { params: { sittingId: stateExam } })).body).toMatchObject({
      published: true,
      grade: { percent: 95, letter: 'A' },
      protocolNumber: '12/МАК-1',
    });
  });

  it('prints the protocol as an A4 PDF in Russian, Kazakh and English: commission, students, scores, grades, signatures', async () => {
    const ru = await download(member1);
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-type')).toBe('application/pdf');
    // The file is named by the protocol and the discipline code (UTF-8, as RFC 6266 allows).
    expect(ru.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('protocol-12_МАК-1-SA_4001.pdf')}`,
    );
    expect(ru.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await pdfText(ru.bytes);
    expect(pdf.size).toEqual([595, 842]);
    const text = flat(pdf.text);
    for (const expected of [
      'ПРОТОКОЛ№12/МАК-1',
      'заседанияГосударственнойаттестационнойкомиссии',
      '13.06.2026',
      'Мамандықбойыншамемлекеттікемтихан',
      'ИС-22-1',
      'Ақпараттықтехнологияларфакультеті',
      // The commission, then the members' columns by short name.
      'ТұрсыновБақытӘбдіұлы',
      'ЕсімоваГ.Н.',
      'ПетровА.В.',
      'ДәулетоваАйнұрСерікқызы',
      ...NAMES.map(flat),
      // Student 1: 90, 82, 71,5 → 81,17 B хорошо; student 2: 60 C- удовлетворительно; student 3: 95 A отлично.
      '908271,581,17Bхорошо',
      '60C-удовлетворительно',
      '95A',
      'отлично',
      'Председателькомиссии',
      'Членкомиссии',
      'Техническийсекретарь',
    ])
      expect(text).toContain(flat(expected));

    const kk = flat((await pdfText((await download(chair, 'kk')).bytes)).text);
    for (const expected of ['№12/МАК-1ХАТТАМА', 'Мемлекеттікаттестаттаукомиссиясыныңотырысы', '81,17Bжақсы'])
      expect(kk).toContain(expected);
    const en = flat((await pdfText((await download(admin, 'en')).bytes)).text);
    for (const expected of [
      'PROTOCOLNo.12/МАК-1',
      '81.17Bgood',
      'Chairofthecommission',
      flat(NAMES[2] as string),
    ])
      expect(en).toContain(expected);

    const downloads = await audits('commission.protocol_downloaded');
    expect(downloads.map((a) => [a.actorId, a.details.lang])).toEqual([
      [ids.member1, 'ru'],
      [ids.chair, 'kk'],
      [await userId(db, 'admin'), 'en'],
    ]);
  });

  it('refuses proctors, students, the dean’s office and other commissions, changing nothing', async () => {
    // A second commission, chaired by member2 (a member of the first one): their seat decides.
    const [group] = await db.select().from(academicGroups).limit(1);
    const [discipline] = await db.select().from(disciplines).where(eq(disciplines.code, 'SA 4001'));
    if (!group || !discipline) throw new Error('seed');
    const [other] = await db
      .insert(commissions)
      .values({ facultyId: group.facultyId, name: 'МАК: 6B06103 Есептеу техникасы' })
      .returning();
    if (!other) throw new Error('commission');
    await db
      .insert(commissionMembers)
      .values({ commissionId: other.id, userId: ids.member2 as string, role: 'chair' });
    const [otherSitting] = await db
      .insert(sittings)
      .values({
        kind: 'state_exam',
        disciplineId: discipline.id,
        groupId: group.id,
        startsAt: new Date('2026-06-20T05:00:00Z'),
        durationMinutes: 240,
        policies: defaultPolicies('state_exam'),
        commissionId: other.id,
      })
      .returning();
    const otherExam = otherSitting?.id as string;

    const count = async () =>
      (await db.select().from(commissionScores).where(eq(commissionScores.sittingId, otherExam))).length;
    const outsiders = await Promise.all(
      ['proctor1', 'student04', 'registrar'].map((l) => new TestClient(t.baseUrl).login(l)),
    );
    const refusals: [string, number][] = [];
    const tryAll = async (who: string, client: TestClient, sittingId: string) => {
      const calls = [
        client.call('commissionGrading', { params: { sittingId } }),
        score(client, 'student04', { percent: 70 }, sittingId),
        setProtocol(client, { protocolNumber: '1', protocolDate: '2026-06-20' }, sittingId),
        fix(client, 'student04', {}, sittingId),
        announce(client, sittingId),
        download(client, 'ru', sittingId),
      ];
      for (const res of await Promise.all(calls)) refusals.push([who, res.status]);
    };
    for (const [i, client] of outsiders.entries()) await tryAll(`outsider${i}`, client, stateExam);
    // The first commission's chair, member and secretary on the second commission's sitting.
    for (const [who, client] of [
      ['chair', chair],
      ['member1', member1],
      ['secretary', secretary],
    ] as const)
      await tryAll(who, client, otherExam);
    expect(refusals.filter(([, status]) => status !== 403)).toEqual([]);
    expect(await count()).toBe(0);
    expect(await db.select().from(grades).where(eq(grades.sittingId, otherExam))).toEqual([]);

    // member2 chairs the second commission: they score, enter the protocol and fix there.
    expect((await view(member2, otherExam)).viewer).toBe('chair');
    expect((await score(member2, 'student04', { percent: 70 }, otherExam)).status).toBe(200);
    expect(
      (await setProtocol(member2, { protocolNumber: '1', protocolDate: '2026-06-20' }, otherExam)).status,
    ).toBe(200);
    expect((await fix(member2, 'student04', {}, otherExam)).body.grade).toMatchObject({
      percent: 70,
      letter: 'C+',
    });
    // …while on the first commission they are a member: no fixing there.
    expect((await fix(member2, 'student04')).status).toBe(403);

    // Not a commission's sitting: the examiner grades it.
    const written = await admin.call('commissionGrading', {
      params: { sittingId: sittingOf(t.seed, 'written') },
    });
    expect([written.status, written.body.error.code]).toEqual([409, 'conflict']);
    // Not on the list: a proctor's id, or an unknown one.
    for (const stranger of [await userId(db, 'proctor1'), randomUUID()]) {
      const res = await chair.call('scoreStudent', {
        params: { sittingId: stateExam, studentId: stranger },
        body: { percent: 50 },
      });
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
    // A sitting with no protocol yet has no PDF.
    const [fresh] = await db
      .insert(sittings)
      .values({
        kind: 'thesis_defence',
        disciplineId: discipline.id,
        groupId: group.id,
        startsAt: new Date('2026-06-21T05:00:00Z'),
        durationMinutes: 240,
        policies: defaultPolicies('thesis_defence'),
        commissionId: other.id,
      })
      .returning();
    expect((await download(member2, 'ru', fresh?.id)).status).toBe(409);
  });

  it('answers bad bodies, params and queries with 400 naming the field', async () => {
    const cases: [() => Promise<{ status: number; body: any }>, string][] = [
      [() => score(chair, 'student05', { percent: 101 }), 'body.percent'],
      [() => score(chair, 'student05', { percent: '80' }), 'body.percent'],
      [() => score(chair, 'student05', { percent: 80.125 }), 'body.percent'],
      [() => score(chair, 'student05', { comment: 'No percent.' }), 'body.percent'],
      [() => score(chair, 'student05', { percent: 80, comment: 'x'.repeat(2001) }), 'body.comment'],
      [() => score(chair, 'student05', { percent: 80, memberId: ids.member1 }), 'body'],
      [
        () => setProtocol(chair, { protocolNumber: '   ', protocolDate: '2026-06-12' }),
        'body.protocolNumber',
      ],
      [
        () => setProtocol(chair, { protocolNumber: 'x'.repeat(41), protocolDate: '2026-06-12' }),
        'body.protocolNumber',
      ],
      [() => setProtocol(chair, { protocolNumber: '14', protocolDate: '12.06.2026' }), 'body.protocolDate'],
      [() => setProtocol(chair, { protocolNumber: '14', protocolDate: '2026-02-30' }), 'body.protocolDate'],
      [() => setProtocol(chair, { protocolNumber: '14' }), 'body.protocolDate'],
      [() => fix(chair, 'student05', { percent: 101 }), 'body.percent'],
      [() => fix(chair, 'student05', { percent: 70.001 }), 'body.percent'],
      [() => fix(chair, 'student05', { reason: 7 }), 'body.reason'],
      [() => fix(chair, 'student05', { percent: 70, letter: 'C+' }), 'body'],
      [
        () =>
          chair.call('scoreStudent', {
            params: { sittingId: stateExam, studentId: 'student05' },
            body: { percent: 1 },
          }),
        'params.studentId',
      ],
      [() => chair.call('commissionGrading', { params: { sittingId: 'state-exam' } }), 'params.sittingId'],
    ];
    for (const [call, field] of cases) {
      const res = await call();
      expect([field, res.status, res.body.error.code]).toEqual([field, 400, 'validation_failed']);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const badLang = await download(chair, 'de');
    expect(badLang.status).toBe(400);
    expect(
      JSON.parse(badLang.bytes.toString('utf8')).error.fields.map((f: { path: string }) => f.path),
    ).toEqual(['query.lang']);
    const student05 = await userId(db, 'student05');
    expect(await db.select().from(commissionScores).where(eq(commissionScores.studentId, student05))).toEqual(
      [],
    );
    expect(
      await db
        .select()
        .from(grades)
        .where(and(eq(grades.sittingId, stateExam), inArray(grades.studentId, [student05]))),
    ).toEqual([]);
  });
});
