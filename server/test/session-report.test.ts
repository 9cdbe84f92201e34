import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  http,
  type LogEntry,
  pathFor,
  type RecordingSegment,
  type SessionReport as Report,
  SessionReport,
} from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/accounts/schema.js';
import { answerSaves } from '../src/attempts/schema.js';
import { auditLog } from '../src/audit/schema.js';
import { academicGroups, students } from '../src/university/schema.js';
import { appendEntry, type NewEntry } from '../src/violations/append-entry.js';
import { answerAll, answerKey, setPolicy, startTest } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, emitAck } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'session-report-secret-for-the-tests-0123456789';
const STUDENT = 'student12';
const FULL_NAME = 'Мұхтаров Дәурен Ғалымұлы';
const DISCIPLINE = 'Деректер қоры жүйелері';
/** Every Kazakh letter the PDF font must carry: ә ғ қ ң ө ұ ү һ і. */
const CHAT = 'Камерам бір сәтке өшіп қалды, интернет үзілді. Қазір бәрі жұмыс істеп тұр, бағдарлама ашық, һ.';
const DISMISS_REASON = 'Интернет үзілді, студент кінәлі емес.';
const sec = 1000;

/**
 * A stand-in media server: answers the server's internal "list a sitting's recordings" call with
 * the segments the test sets, or fails when told to (an unreachable node).
 */
function fakeSfu() {
  const state: { segments: RecordingSegment[]; fail: boolean } = { segments: [], fail: false };
  const server: Server = createServer((req, res) => {
    const sittingId = req.url?.match(/^\/internal\/sittings\/([^/]+)\/recordings$/)?.[1];
    if (state.fail || req.method !== 'GET' || !sittingId || !req.headers.authorization) {
      res.writeHead(state.fail ? 500 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ recordings: state.segments.filter((s) => s.sittingId === sittingId) }));
  });
  return {
    state,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const compact = (iso: string) => iso.replace(/[-:.]/g, '');

describe('the per-student session report', () => {
  const sfu = fakeSfu();
  let t: TestApp;
  let sittingId: string;
  let studentId: string;
  let proctor: TestClient;
  let T0: number;
  let seg1: RecordingSegment;
  let seg2: RecordingSegment;
  let saves: number;
  let questions: number;
  const iso = (ms: number) => new Date(ms).toISOString();

  const segment = (
    student: string,
    source: RecordingSegment['source'],
    from: number,
    to: number | null,
  ): RecordingSegment => ({
    id: `${sittingId}.${student}.${source}.${compact(iso(from))}.a1b2c3`,
    sittingId,
    studentId: student,
    source,
    kind: source === 'microphone' ? 'audio' : 'video',
    start: iso(from),
    end: to === null ? null : iso(to),
    bytes: 1000,
    status: to === null ? 'recording' : 'complete',
    combinedWith: [],
  });

  const append = (e: Omit<NewEntry, 'sittingId' | 'studentId'>) =>
    t.database.db.transaction((tx) => appendEntry(tx, { sittingId, studentId, ...e }));
  const logOf = async () =>
    (await proctor.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[];
  const report = async (client = proctor, student = studentId) =>
    client.call('sessionReport', { params: { sittingId, studentId: student } });

  /** The file route, read as bytes (the test client only reads JSON). */
  async function download(client: TestClient, format: string, student = studentId) {
    const path = pathFor(http.sessionReportFile.path, { sittingId, studentId: student });
    const res = await fetch(`${t.baseUrl}${path}?format=${format}`, {
      headers: client.cookie ? { cookie: client.cookie } : {},
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    const sfuUrl = await sfu.start();
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET, SFU_PUBLIC_URL: sfuUrl } });
    const db = t.database.db;
    sittingId = sittingOf(t.seed, 'computer_test');
    studentId = await userId(db, STUDENT);
    proctor = await new TestClient(t.baseUrl).login('proctor1');
    await setPolicy(db, sittingId, { trustWeights: { no_face: 2 } });

    // Ten minutes ago the webcam went live, dropped at +60 s and was back at +75 s.
    T0 = Math.floor((Date.now() - 10 * 60 * sec) / 1000) * 1000;
    const media = (state: 'live' | 'stopped', at: number, reason: string | null = null) => ({
      sittingId,
      studentId,
      source: 'webcam',
      state,
      reason,
      at: iso(at),
    });
    const posted = await new TestClient(t.baseUrl).raw(
      'POST',
      '/api/internal/media-events',
      {
        events: [
          media('live', T0),
          media('stopped', T0 + 60 * sec, 'transport_closed'),
          media('live', T0 + 75 * sec),
        ],
      },
      { authorization: `Bearer ${await signServiceToken('sfu', SECRET)}` },
    );
    expect(posted.status).toBe(200);
    // The recordings on the media server: the webcam before and after the drop, the microphone
    // (never linked: the report links the webcam) and another student's webcam.
    seg1 = segment(studentId, 'webcam', T0, T0 + 60 * sec);
    seg2 = segment(studentId, 'webcam', T0 + 75 * sec, null);
    const other = await userId(db, 'student13');
    sfu.state.segments = [
      seg1,
      seg2,
      segment(studentId, 'microphone', T0 + 20 * sec, null),
      segment(other, 'webcam', T0 + 100 * sec, null),
    ];

    // The test: every question answered, the first one changed once more, then finished.
    const { client, view } = await startTest(t.baseUrl, db, sittingId, STUDENT);
    const key = await answerKey(db, view);
    const socket = await connectSocket(t.baseUrl, client.cookie);
    await answerAll(socket, view, (id) => key.get(id) ?? []);
    const first = view.questions[0];
    if (!first) throw new Error('empty paper');
    const again = await emitAck(socket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId: first.questionId,
      response: key.get(first.questionId) ?? [],
      revision: 2,
    });
    expect(again.ok).toBe(true);
    socket.close();
    questions = view.questions.length;
    saves = questions + 1;
    const finished = await client.call('finishAttempt', {
      params: { attemptId: view.attemptId },
      body: { confirmAllAnswered: true },
    });
    expect(finished.status).toBe(200);

    // Automatic flags as the episode logger writes them: one in each webcam segment, one in the gap.
    const flag = (type: string, severity: 'low' | 'medium', from: number, to: number, confidence: number) =>
      append({
        source: 'auto_flag',
        type,
        severity,
        durationMs: to - from,
        confidence,
        evidence: { startedAt: iso(from), endedAt: iso(to), count: 1 },
      });
    await flag('looking_away', 'low', T0 + 30 * sec, T0 + 40 * sec, 60);
    await flag('focus_lost', 'medium', T0 + 65 * sec, T0 + 70 * sec, 100);
    await flag('no_face', 'medium', T0 + 120 * sec, T0 + 150 * sec, 87);
    await flag('tab_switch', 'medium', T0 + 200 * sec, T0 + 201 * sec, 100);

    const raised = await proctor.call('raiseViolation', {
      params: { sittingId, studentId },
      body: { type: 'talking', severity: 'medium', note: 'Студент біреумен сөйлесті.' },
    });
    expect(raised.status).toBe(201);
    expect(
      (await client.call('messageProctor', { params: { sittingId }, body: { text: CHAT } })).status,
    ).toBe(201);

    // Reviews are log entries pointing at the flag they decide.
    const log = await logOf();
    const seqOf = (type: string) => {
      const e = log.find((x) => x.type === type);
      if (!e) throw new Error(`no ${type} in the log`);
      return e.seq;
    };
    const byName = 'Қожахметов Ержан Болатұлы';
    await append({
      source: 'proctor',
      type: 'flag_dismissed',
      severity: 'info',
      text: DISMISS_REASON,
      evidence: { refSeq: seqOf('source_stopped'), byName },
    });
    await append({
      source: 'proctor',
      type: 'flag_confirmed',
      severity: 'info',
      text: 'Switched to another tab.',
      evidence: { refSeq: seqOf('tab_switch'), byName },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sfu.close();
  });

  it('puts the sitting, the student, the connection, the attempt and every save of an answer in the report', async () => {
    const res = await report();
    expect(res.status).toBe(200);
    const r: Report = SessionReport.parse(res.body);
    const [row] = await t.database.db
      .select({ iin: students.iin })
      .from(students)
      .where(eq(students.userId, studentId));
    expect(r.sitting).toMatchObject({
      sittingId,
      kind: 'computer_test',
      discipline: { code: 'DB 3301', name: DISCIPLINE },
      group: { name: 'ИС-22-1' },
      durationMinutes: 40,
    });
    expect(r.student).toEqual({ studentId, fullName: FULL_NAME, iin: row?.iin });
    expect(r.connection.firstConnectedAt).toBe(iso(T0));
    expect(r.connection.gaps).toEqual([
      { source: 'webcam', from: iso(T0 + 60 * sec), to: iso(T0 + 75 * sec), reason: 'transport_closed' },
    ]);
    const log = await logOf();
    expect(r.connection.lastEventAt).toBe(log.at(-1)?.at);

    expect(r.attempts).toHaveLength(1);
    const [attempt] = r.attempts;
    expect(attempt).toMatchObject({
      number: 1,
      status: 'finished',
      questions,
      answered: questions,
      percent: 100,
    });
    const stored = await t.database.db
      .select()
      .from(answerSaves)
      .where(eq(answerSaves.attemptId, attempt?.attemptId ?? ''));
    expect(stored).toHaveLength(saves);
    expect(attempt?.answerEvents).toHaveLength(saves);
    // Question numbers follow the student's paper; the change of the first one is revision 2.
    expect(new Set(attempt?.answerEvents.map((e) => e.questionNumber))).toEqual(
      new Set(Array.from({ length: questions }, (_, i) => i + 1)),
    );
    expect(attempt?.answerEvents.at(-1)).toMatchObject({ questionNumber: 1, revision: 2 });
    const times = attempt?.answerEvents.map((e) => e.at) ?? [];
    expect(times).toEqual([...times].sort());
  });

  it('lists every log entry with its review and a link into the webcam recording at that moment', async () => {
    const r = SessionReport.parse((await report()).body);
    const log = await logOf();
    expect(r.timeline).toHaveLength(log.length);
    expect(r.timeline.map((i) => [i.seq, i.at, i.type, i.text])).toEqual(
      log.map((e) => [e.seq, e.at, e.type, e.text]),
    );
    const item = (type: string) => r.timeline.find((i) => i.type === type);

    expect(item('source_stopped')?.review).toMatchObject({
      decision: 'dismissed',
      reason: DISMISS_REASON,
      byName: 'Қожахметов Ержан Болатұлы',
    });
    expect(item('tab_switch')?.review?.decision).toBe('confirmed');
    expect(item('no_face')).toMatchObject({
      source: 'auto_flag',
      startedAt: iso(T0 + 120 * sec),
      durationMs: 30_000,
      confidence: 87,
      review: null,
      // 45 s into the segment that started after the drop.
      recording: {
        recordingId: seg2.id,
        source: 'webcam',
        offsetSeconds: 45,
        href: `/proctor/sittings/${sittingId}/recordings?recording=${encodeURIComponent(seg2.id)}&t=45`,
      },
    });
    expect(item('looking_away')?.recording).toMatchObject({ recordingId: seg1.id, offsetSeconds: 30 });
    // In the gap nothing was recording.
    expect(item('focus_lost')?.recording).toBeNull();
    expect(item('to_proctor')).toMatchObject({ source: 'chat', text: CHAT });
    expect(r.unreachableNodes).toBe(0);
  });

  it('counts violations and reviews, scores trust with the sitting weights, and checks the chain', async () => {
    const r = SessionReport.parse((await report()).body);
    // Reviewable: the lost webcam and four automatic flags; plus the proctor's "talking".
    expect(r.violations).toEqual({ total: 6, confirmed: 1, dismissed: 1, unreviewed: 3, proctorRaised: 1 });

    const line = (metric: string) => r.trust.breakdown.find((l) => l.metric === metric);
    const noFace = line('no_face');
    expect(noFace).toMatchObject({ kind: 'share', weight: 2 });
    // 30 s of about 10 min observed: 5 %.
    expect(noFace?.value).toBeGreaterThan(4);
    expect(noFace?.value).toBeLessThanOrEqual(5);
    expect(noFace?.points).toBeCloseTo((noFace?.value ?? 0) * 2, 5);
    expect(line('tab_switch')).toMatchObject({ kind: 'count', value: 1, weight: 3, points: 3 });
    expect(line('proctor_violations')).toMatchObject({ value: 1, points: 10 });
    // The dismissed drop of the webcam counts for nothing.
    expect(line('camera_off')).toBeUndefined();
    expect(r.trust.trust).toBeCloseTo(100 - r.trust.risk, 5);
    expect(r.trust.risk).toBeGreaterThan(13);

    const log = await logOf();
    expect(r.log).toEqual({ ok: true, entries: log.length, firstBroken: null });
  });

  it('reports an unreachable media server and leaves the recording links out', async () => {
    sfu.state.fail = true;
    try {
      const r = SessionReport.parse((await report()).body);
      expect(r.unreachableNodes).toBe(1);
      expect(r.timeline.every((i) => i.recording === null)).toBe(true);
      expect(r.timeline.length).toBeGreaterThan(10);
    } finally {
      sfu.state.fail = false;
    }
  });

  it('downloads a CSV, one row per entry, that Excel opens with the Cyrillic intact, and audits it', async () => {
    const res = await download(proctor, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [student] = await t.database.db.select().from(students).where(eq(students.userId, studentId));
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?report-DB_3301-${student?.iin}\\.csv"?$`),
    );
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(res.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const log = await logOf();
    expect(rows).toHaveLength(log.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'seq',
      'at',
      'started_at',
      'source',
      'type',
      'severity',
      'text',
      'duration_s',
      'confidence',
      'review',
      'review_reason',
      'reviewed_by',
      'recording_id',
      'recording_offset_s',
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual(log.map((e) => e.seq));
    expect(rows.find((r) => r.type === 'to_proctor')?.text).toBe(CHAT);
    expect(rows.find((r) => r.type === 'source_stopped')).toMatchObject({
      review: 'dismissed',
      review_reason: DISMISS_REASON,
      reviewed_by: 'Қожахметов Ержан Болатұлы',
    });
    expect(rows.find((r) => r.type === 'no_face')).toMatchObject({
      started_at: iso(T0 + 120 * sec),
      duration_s: '30',
      confidence: '87',
      review: '',
      recording_id: seg2.id,
      recording_offset_s: '45',
    });

    const proctorId = await userId(t.database.db, 'proctor1');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.downloaded'), eq(auditLog.actorId, proctorId)));
    expect(audits.map((a) => [a.subject, a.details.studentId, a.details.format])).toContainEqual([
      sittingId,
      studentId,
      'csv',
    ]);
  });

  it('downloads an A4 PDF with the student, the discipline, the timeline and links into the recording', async () => {
    const res = await download(proctor, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?report-DB_3301-\d{12}\.pdf"?$/,
    );
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(res.bytes), isEvalSupported: false }).promise;
    let text = '';
    const links: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      // A4: 595 × 842 points.
      expect([Math.round(view.width), Math.round(view.height)]).toEqual([595, 842]);
      const content = await page.getTextContent();
      text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
      for (const a of await page.getAnnotations()) if (a.subtype === 'Link' && a.url) links.push(a.url);
    }
    await doc.destroy();
    // Lines wrap anywhere: compare without white space.
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(flat(text)).toContain(flat(FULL_NAME));
    expect(flat(text)).toContain(flat(DISCIPLINE));
    expect(flat(text)).toContain(flat(CHAT));
    expect(flat(text)).toContain(flat(DISMISS_REASON));
    expect(flat(text)).toContain(`page1of${doc.numPages}`);
    expect(links).toContain(
      `${t.baseUrl}/proctor/sittings/${sittingId}/recordings?recording=${encodeURIComponent(seg2.id)}&t=45`,
    );

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.downloaded'));
    expect(audits.some((a) => a.details.format === 'pdf' && a.details.studentId === studentId)).toBe(true);
  });

  it('is for the sitting’s watchers only: other proctors and students are refused, strangers not found', async () => {
    // A student of another group is not on this sitting's list.
    const db = t.database.db;
    const [group] = await db.select().from(academicGroups).limit(1);
    const [otherGroup] = await db
      .insert(academicGroups)
      .values({ facultyId: group?.facultyId ?? '', name: 'ВТ-23-2' })
      .returning();
    const [stranger] = await db
      .insert(users)
      .values({ login: 'stranger01', passwordHash: 'x', fullName: 'Сейдахметов Ғани', role: 'student' })
      .returning();
    await db.insert(students).values({
      userId: stranger?.id ?? '',
      iin: '040505512345',
      groupId: otherGroup?.id ?? '',
      studyLanguage: 'kk',
    });
    expect((await report(proctor, stranger?.id)).status).toBe(404);
    expect((await download(proctor, 'csv', stranger?.id ?? '')).status).toBe(404);

    // proctor2 is not assigned to the computer test.
    const otherProctor = await new TestClient(t.baseUrl).login('proctor2');
    expect((await report(otherProctor)).status).toBe(403);
    expect((await download(otherProctor, 'pdf')).status).toBe(403);
    // A student may not read the staff report, not even their own.
    const student = await new TestClient(t.baseUrl).login(STUDENT);
    expect((await report(student)).status).toBe(403);
    expect((await download(student, 'csv')).status).toBe(403);
    expect((await download(new TestClient(t.baseUrl), 'csv')).status).toBe(401);
    // Admins see every sitting; a format that is not offered is refused.
    const admin = await new TestClient(t.baseUrl).login('admin');
    expect((await report(admin)).status).toBe(200);
    expect((await download(proctor, 'xlsx')).status).toBe(400);

    // Refused calls leave no download in the audit log.
    const otherId = await userId(db, 'proctor2');
    const refused = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.downloaded'), eq(auditLog.actorId, otherId)));
    expect(refused).toHaveLength(0);
  });
});
