import { randomUUID } from 'node:crypto';
import type { LogEntry, ProctoringOverview } from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepEpisodes } from '../src/proctoring/flag-episodes.js';
import { logSnapshots } from '../src/proctoring/schema.js';
import { sweepSnapshots } from '../src/proctoring/snapshots.js';
import { admit, answerAll, answerKey, setPolicy, startTest } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, emitAck, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'proctoring-secret-for-tests-0123456789';
/** The smallest valid PNG (1×1, transparent). */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('proctoring: flags, suspension, interventions, reviews, hand-over', () => {
  let t: TestApp;
  let sittingId: string;
  let proctor: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET } });
    sittingId = sittingOf(t.seed, 'computer_test');
    // Short merge gap so the test does not wait long for an episode to be logged.
    await setPolicy(t.database.db, sittingId, { flagMergeGapSeconds: 1 });
    proctor = await new TestClient(t.baseUrl).login('proctor1');
  });
  afterAll(() => t?.close());

  const logOf = async (studentId: string) =>
    (await proctor.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[];
  const rowOf = async (studentId: string) =>
    (
      (await proctor.call('proctoringOverview', { params: { sittingId } })).body as ProctoringOverview
    ).students.find((s) => s.studentId === studentId);
  const media = async (studentId: string, source: string, state: 'live' | 'stopped') => {
    const res = await new TestClient(t.baseUrl).raw(
      'POST',
      '/api/internal/media-events',
      {
        events: [
          {
            sittingId,
            studentId,
            source,
            state,
            reason: state === 'stopped' ? 'transport_closed' : null,
            at: new Date().toISOString(),
          },
        ],
      },
      { authorization: `Bearer ${await signServiceToken('sfu', SECRET)}` },
    );
    expect(res.status).toBe(200);
  };
  const report = (client: TestClient, reports: unknown[]) =>
    client.call('reportFlags', { params: { sittingId }, body: { reports } });

  it('merges a "no face" episode of many reports into one log entry with its duration', async () => {
    const student = await new TestClient(t.baseUrl).login('student03');
    const studentId = await userId(t.database.db, 'student03');
    const episodeId = randomUUID();
    const startedAt = new Date(Date.now() - 4000).toISOString();
    // The browser says "still no face" every 10 s… here 30 times at once, plus a retry.
    for (let i = 0; i < 30; i++)
      expect(
        (
          await report(student, [
            { episodeId, type: 'no_face', startedAt, endedAt: null, confidence: 60 + i },
          ])
        ).status,
      ).toBe(202);
    const ongoing = await rowOf(studentId);
    expect(ongoing?.ongoing).toHaveLength(1);
    expect(ongoing?.ongoing[0]).toMatchObject({ type: 'no_face', endedAt: null, confidence: 89, count: 1 });
    expect(ongoing?.needsAttention).toBe(true);
    const endedAt = new Date().toISOString();
    await report(student, [
      { episodeId, type: 'no_face', startedAt, endedAt, confidence: 70, snapshot: PNG },
    ]);
    // A second short episode within the merge gap joins the first.
    await report(student, [
      { episodeId: randomUUID(), type: 'no_face', startedAt: endedAt, endedAt, confidence: 50 },
    ]);
    await sleep(1300);
    await sweepEpisodes(t.app.ctx);
    const flags = (await logOf(studentId)).filter((e) => e.source === 'auto_flag');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ type: 'no_face', confidence: 89, severity: 'medium' });
    expect(flags[0]?.durationMs).toBeGreaterThanOrEqual(3900);
    expect(flags[0]?.evidence).toMatchObject({ count: 2, startedAt, endedAt });
    // Its snapshot is kept as evidence for staff, checked by content.
    const shot = await fetch(
      `${t.baseUrl}/api/sittings/${sittingId}/students/${studentId}/snapshots/${flags[0]?.evidence?.snapshotId}`,
      { headers: { cookie: proctor.cookie ?? '' } },
    );
    expect(shot.status).toBe(200);
    expect(shot.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await shot.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect((await rowOf(studentId))?.ongoing).toEqual([]);
    // Past the retention the image goes; the log entry stays and says which image it was.
    await t.database.db
      .update(logSnapshots)
      .set({ createdAt: new Date(Date.now() - 400 * 24 * 3600 * 1000) })
      .where(eq(logSnapshots.id, String(flags[0]?.evidence?.snapshotId)));
    expect(await sweepSnapshots(t.app.ctx)).toBe(1);
    const gone = await fetch(
      `${t.baseUrl}/api/sittings/${sittingId}/students/${studentId}/snapshots/${flags[0]?.evidence?.snapshotId}`,
      { headers: { cookie: proctor.cookie ?? '' } },
    );
    expect(gone.status).toBe(404);
    expect((await logOf(studentId)).filter((e) => e.source === 'auto_flag')).toHaveLength(1);
  });

  it('keeps episodes apart when they are further apart than the merge gap', async () => {
    const student = await new TestClient(t.baseUrl).login('student04');
    const studentId = await userId(t.database.db, 'student04');
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    await report(student, [
      {
        episodeId: randomUUID(),
        type: 'tab_switch',
        startedAt: at(9000),
        endedAt: at(9000),
        confidence: 100,
      },
    ]);
    await report(student, [
      {
        episodeId: randomUUID(),
        type: 'tab_switch',
        startedAt: at(2000),
        endedAt: at(2000),
        confidence: 100,
      },
    ]);
    await sleep(1100);
    await sweepEpisodes(t.app.ctx);
    const flags = (await logOf(studentId)).filter((e) => e.source === 'auto_flag');
    expect(flags.map((f) => f.type)).toEqual(['tab_switch', 'tab_switch']);
    const row = await rowOf(studentId);
    expect(row?.trust.breakdown.find((l) => l.metric === 'tab_switch')).toMatchObject({
      value: 2,
      weight: 3,
      points: 6,
    });
  });

  it('refuses a snapshot that is not an image and a report of an unknown type, naming the field', async () => {
    const student = await new TestClient(t.baseUrl).login('student05');
    const now = new Date().toISOString();
    const fake = Buffer.from('<?php echo "not an image"; ?>').toString('base64');
    const bad = await report(student, [
      {
        episodeId: randomUUID(),
        type: 'no_face',
        startedAt: now,
        endedAt: now,
        confidence: 50,
        snapshot: fake,
      },
    ]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.reports.0.snapshot');
    const unknown = await report(student, [
      { episodeId: randomUUID(), type: 'telepathy', startedAt: now, endedAt: now, confidence: 50 },
    ]);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('type');
  });

  it('rate-limits flag reports per student', async () => {
    const student = await new TestClient(t.baseUrl).login('student06');
    const now = new Date().toISOString();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++)
      statuses.push(
        (
          await report(student, [
            { episodeId: randomUUID(), type: 'copy_paste', startedAt: now, endedAt: now, confidence: 100 },
          ])
        ).status,
      );
    expect(statuses.slice(0, 60).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('suspends the test while the webcam is off: answers locked, clock stopped, deadline moved', async () => {
    const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student07');
    const studentId = await userId(t.database.db, 'student07');
    const socket = await connectSocket(t.baseUrl, client.cookie);
    await media(studentId, 'webcam', 'live');
    await media(studentId, 'screen', 'live');
    const changed = nextEvent(socket, 'attempt:changed');
    await media(studentId, 'webcam', 'stopped');
    const suspended = await changed;
    expect(suspended).toMatchObject({ status: 'suspended', pausedByProctor: false });
    expect(suspended.pausedAt).not.toBeNull();
    expect(suspended.suspendedAt).not.toBeNull();
    const key = await answerKey(t.database.db, view);
    const questionId = view.questions[0]?.questionId as string;
    const refused = await emitAck(socket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId,
      response: key.get(questionId),
      revision: 1,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(refused)).toContain('suspended');
    expect((await rowOf(studentId))?.stage).toBe('suspended');
    // A proctor's pause during the suspension does not count the same minutes twice.
    await proctor.call('pauseAttempt', { params: { sittingId, attemptId: view.attemptId }, body: {} });
    await sleep(300);
    await media(studentId, 'webcam', 'live');
    const stillPaused = await client.call('getAttempt', { params: { attemptId: view.attemptId } });
    expect(stillPaused.body).toMatchObject({ status: 'in_progress', pausedByProctor: true });
    expect(stillPaused.body.pausedAt).not.toBeNull();
    await proctor.call('resumeAttempt', { params: { sittingId, attemptId: view.attemptId }, body: {} });
    const resumed = await client.call('getAttempt', { params: { attemptId: view.attemptId } });
    expect(resumed.body).toMatchObject({ status: 'in_progress', pausedAt: null, suspendedAt: null });
    const moved = Date.parse(resumed.body.deadlineAt) - Date.parse(view.deadlineAt);
    expect(moved).toBeGreaterThanOrEqual(300);
    const types = (await logOf(studentId)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['source_stopped', 'suspended', 'unsuspended', 'paused', 'resumed']),
    );
    expect(types.indexOf('suspended')).toBeLessThan(types.indexOf('unsuspended'));
    // The camera off counts in the trust score as a share of the time.
    expect((await rowOf(studentId))?.trust.breakdown.map((l) => l.metric)).toContain('camera_off');
    socket.close();
  });

  it('logs a student in a test losing and regaining the connection', async () => {
    const { client } = await startTest(t.baseUrl, t.database.db, sittingId, 'student14');
    const studentId = await userId(t.database.db, 'student14');
    const first = await connectSocket(t.baseUrl, client.cookie);
    const second = await connectSocket(t.baseUrl, client.cookie);
    first.close();
    await sleep(200);
    // Another tab is still connected: nothing was lost.
    expect((await logOf(studentId)).filter((e) => e.source === 'connection').map((e) => e.type)).toEqual([
      'connected',
    ]);
    second.close();
    await expect
      .poll(async () => (await logOf(studentId)).filter((e) => e.source === 'connection').map((e) => e.type))
      .toEqual(['connected', 'disconnected']);
  });

  it('lets the clock run during a suspension when the sitting says so', async () => {
    await setPolicy(t.database.db, sittingId, { clockRunsWhileSuspended: true });
    try {
      const { view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student08');
      const studentId = await userId(t.database.db, 'student08');
      await media(studentId, 'screen', 'live');
      await media(studentId, 'screen', 'stopped');
      const student = await new TestClient(t.baseUrl).login('student08');
      const during = await student.call('getAttempt', { params: { attemptId: view.attemptId } });
      expect(during.body).toMatchObject({ status: 'suspended', pausedAt: null });
      await media(studentId, 'screen', 'live');
      const after = await student.call('getAttempt', { params: { attemptId: view.attemptId } });
      expect(after.body).toMatchObject({ status: 'in_progress', deadlineAt: view.deadlineAt });
    } finally {
      await setPolicy(t.database.db, sittingId, { clockRunsWhileSuspended: false });
    }
  });

  it('logs each intervention for the student and ends the sitting on terminate', async () => {
    const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student10');
    const studentId = await userId(t.database.db, 'student10');
    const studentSocket = await connectSocket(t.baseUrl, client.cookie);
    const act = (body: unknown) => proctor.call('intervene', { params: { sittingId, studentId }, body });
    const warned = nextEvent(studentSocket, 'log:appended');
    expect((await act({ action: 'warn', text: 'Look at your own screen, please.' })).status).toBe(200);
    expect((await warned).entry).toMatchObject({
      source: 'system',
      type: 'warned',
      text: 'Look at your own screen, please.',
    });
    expect((await act({ action: 'request_room_scan' })).body).toMatchObject({
      roomScan: 'requested',
      needsAttention: true,
    });
    expect((await act({ action: 'room_scan_failed', reason: 'A phone on the desk.' })).body).toMatchObject({
      roomScan: 'failed',
    });
    expect((await act({ action: 'deny', reason: 'Identity not confirmed.' })).status).toBe(409);
    expect((await act({ action: 'permit_leave' })).status).toBe(409);
    const bad = await act({ action: 'terminate', reason: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('reason');
    const ended = await act({ action: 'terminate', reason: 'Someone else answered.' });
    expect(ended.body).toMatchObject({ stage: 'terminated' });
    const attempt = await client.call('getAttempt', { params: { attemptId: view.attemptId } });
    expect(attempt.body.status).toBe('terminated');
    expect((await client.call('testInfo', { params: { sittingId } })).body.blockedBy).toBe('sitting_ended');
    expect((await client.call('startAttempt', { params: { sittingId }, body: {} })).status).toBe(409);
    expect((await act({ action: 'warn', text: 'Too late.' })).status).toBe(409);
    const types = (await logOf(studentId)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['warned', 'room_scan_requested', 'room_scan_failed', 'terminated']),
    );
    expect((await rowOf(studentId))?.trust.breakdown.map((l) => l.metric)).toContain('room_scan_failed');
    // The student sees their trust score once the sitting is over.
    const trust = await client.call('myTrust', { params: { sittingId } });
    expect(trust.status).toBe(200);
    expect(trust.body.breakdown.map((l: { metric: string }) => l.metric)).toContain('room_scan_failed');
    studentSocket.close();
  });

  it('denies a student before the test and permits leave after it', async () => {
    const deniedId = await userId(t.database.db, 'student11');
    const deny = await proctor.call('intervene', {
      params: { sittingId, studentId: deniedId },
      body: { action: 'deny', reason: 'The face does not match the ID card.' },
    });
    expect(deny.body).toMatchObject({ stage: 'denied', access: 'red' });
    const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student12');
    const studentId = await userId(t.database.db, 'student12');
    const leave = () =>
      proctor.call('intervene', { params: { sittingId, studentId }, body: { action: 'permit_leave' } });
    // The attempt is still open: leave is refused until it is closed.
    expect((await leave()).status).toBe(409);
    const socket = await connectSocket(t.baseUrl, client.cookie);
    const key = await answerKey(t.database.db, view);
    await answerAll(socket, view, (q) => key.get(q) ?? []);
    socket.close();
    const finished = await client.call('finishAttempt', {
      params: { attemptId: view.attemptId },
      body: { confirmAllAnswered: true },
    });
    expect(finished.status).toBe(200);
    expect((await leave()).body).toMatchObject({ stage: 'left' });
    expect((await logOf(studentId)).at(-1)).toMatchObject({ source: 'system', type: 'leave_permitted' });
    // A denied student cannot start the test even if someone admits them by mistake.
    await admit(t.database.db, sittingId, 'student11');
    const denied = await new TestClient(t.baseUrl).login('student11');
    expect((await denied.call('startAttempt', { params: { sittingId }, body: {} })).status).toBe(409);
  });

  it('confirms and dismisses flags with a reason; a dismissed flag leaves the score', async () => {
    const student = await new TestClient(t.baseUrl).login('student13');
    const studentId = await userId(t.database.db, 'student13');
    const now = new Date().toISOString();
    await report(student, [
      { episodeId: randomUUID(), type: 'second_display', startedAt: now, endedAt: now, confidence: 100 },
    ]);
    await report(student, [
      { episodeId: randomUUID(), type: 'devtools_open', startedAt: now, endedAt: now, confidence: 100 },
    ]);
    await sleep(1100);
    await sweepEpisodes(t.app.ctx);
    const flags = (await logOf(studentId)).filter((e) => e.source === 'auto_flag');
    expect(flags).toHaveLength(2);
    expect((await rowOf(studentId))?.openFlags).toBe(2);
    const review = (seq: number, decision: string, reason: string) =>
      proctor.call('reviewFlag', {
        params: { sittingId, studentId, seq: String(seq) },
        body: { decision, reason },
      });
    const display = flags.find((f) => f.type === 'second_display') as LogEntry;
    const devtools = flags.find((f) => f.type === 'devtools_open') as LogEntry;
    expect((await review(display.seq, 'dismissed', 'A TV in the room, switched off.')).status).toBe(201);
    expect((await review(devtools.seq, 'confirmed', 'Developer tools seen on the screen.')).status).toBe(201);
    const row = await rowOf(studentId);
    expect(row?.openFlags).toBe(0);
    const metrics = row?.trust.breakdown.map((l) => l.metric);
    expect(metrics).toContain('devtools_open');
    expect(metrics).not.toContain('second_display');
    // A review of something that is not a flag is refused.
    const entries = await logOf(studentId);
    const notAFlag = entries.find((e) => e.type === 'flag_confirmed') as LogEntry;
    expect((await review(notAFlag.seq, 'dismissed', 'Nonsense.')).status).toBe(400);
    expect((await review(9999, 'dismissed', 'Nonsense.')).status).toBe(404);
  });

  it('hands a student over to another proctor of the sitting and tells the watchers', async () => {
    const admin = await new TestClient(t.baseUrl).login('admin');
    const proctor1 = await userId(t.database.db, 'proctor1');
    const proctor2 = await userId(t.database.db, 'proctor2');
    await admin.call('assignProctors', { params: { sittingId }, body: { proctorIds: [proctor1, proctor2] } });
    const overview = (await proctor.call('proctoringOverview', { params: { sittingId } }))
      .body as ProctoringOverview;
    expect(overview.proctors.map((p) => p.id).sort()).toEqual([proctor1, proctor2].sort());
    // Split in blocks of the list: both proctors have students.
    expect(new Set(overview.students.map((s) => s.proctor?.id))).toEqual(new Set([proctor1, proctor2]));
    const first = overview.students.find(
      (s) => s.proctor?.id === proctor1,
    ) as ProctoringOverview['students'][number];
    const socket = await connectSocket(t.baseUrl, proctor.cookie);
    await new Promise((r) => socket.emit('sitting:watch', { sittingId }, r));
    const told = nextEvent(socket, 'student:handedOver');
    const res = await proctor.call('handOver', {
      params: { sittingId, studentId: first.studentId },
      body: { proctorId: proctor2 },
    });
    expect(res.body.proctor.id).toBe(proctor2);
    expect((await told).proctor.id).toBe(proctor2);
    const stranger = await userId(t.database.db, 'member1');
    const refused = await proctor.call('handOver', {
      params: { sittingId, studentId: first.studentId },
      body: { proctorId: stranger },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('body.proctorId');
    socket.close();
  });

  it('shows commission members the same overview read-only', async () => {
    const stateExam = sittingOf(t.seed, 'state_exam');
    const member = await new TestClient(t.baseUrl).login('member1');
    const seen = await member.call('proctoringOverview', { params: { sittingId: stateExam } });
    expect(seen.status).toBe(200);
    expect(seen.body.canAct).toBe(false);
    expect(seen.body.students.length).toBeGreaterThan(0);
    const secretary = await new TestClient(t.baseUrl).login('secretary');
    expect(
      (await secretary.call('proctoringOverview', { params: { sittingId: stateExam } })).body.canAct,
    ).toBe(true);
  });
});
