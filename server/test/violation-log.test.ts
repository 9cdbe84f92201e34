import type { LogEntry } from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'violation-log-secret-for-the-tests-0123456789';

describe('the violation Chat&log', () => {
  let t: TestApp;
  let sittingId: string;
  let studentId: string;
  let proctor: TestClient;
  let student: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET } });
    sittingId = sittingOf(t.seed, 'written');
    studentId = await userId(t.database.db, 'student16');
    proctor = await new TestClient(t.baseUrl).login('proctor2');
    student = await new TestClient(t.baseUrl).login('student16');
  });
  afterAll(() => t?.close());

  const logOf = async () =>
    (await proctor.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[];

  it('records admission, violations and chat both ways, delivered live to the student and the proctor', async () => {
    const studentSocket = await connectSocket(t.baseUrl, student.cookie);
    const proctorSocket = await connectSocket(t.baseUrl, proctor.cookie);
    await new Promise((r) => proctorSocket.emit('sitting:watch', { sittingId }, r));

    const admitted = nextEvent(studentSocket, 'log:appended');
    await proctor.call('setAdmission', { params: { sittingId }, body: { studentId, access: 'green' } });
    expect((await admitted).entry).toMatchObject({ seq: 1, source: 'system', type: 'admitted' });

    const toStudent = nextEvent(studentSocket, 'log:appended');
    const toProctor = nextEvent(proctorSocket, 'log:appended');
    const raised = await proctor.call('raiseViolation', {
      params: { sittingId, studentId },
      body: { type: 'third_person', severity: 'high', note: 'A second voice in the room.' },
    });
    expect(raised.status).toBe(201);
    expect((await toStudent).entry).toEqual(raised.body);
    expect((await toProctor).entry).toEqual(raised.body);
    expect(raised.body).toMatchObject({ seq: 2, source: 'proctor', type: 'third_person', severity: 'high' });

    const question = nextEvent(proctorSocket, 'log:appended');
    const asked = await student.call('messageProctor', {
      params: { sittingId },
      body: { text: 'My camera froze, what should I do?' },
    });
    expect((await question).entry).toMatchObject({
      source: 'chat',
      type: 'to_proctor',
      text: asked.body.text,
    });
    const answer = nextEvent(studentSocket, 'log:appended');
    await proctor.call('messageStudent', {
      params: { sittingId, studentId },
      body: { text: 'Reload the page; your answers are kept.' },
    });
    expect((await answer).entry).toMatchObject({ source: 'chat', type: 'to_student' });

    // The student sees everything recorded against them, the same as the proctor does.
    const mine = (await student.call('myLog', { params: { sittingId } })).body as LogEntry[];
    expect(mine.map((e) => e.type)).toEqual(['admitted', 'third_person', 'to_proctor', 'to_student']);
    expect(mine).toEqual(await logOf());
    for (const [i, e] of mine.entries()) if (i > 0) expect(e.prevHash).toBe(mine[i - 1]?.hash);
    studentSocket.close();
    proctorSocket.close();
  });

  it('refuses proctors of other sittings and students acting as proctors', async () => {
    const other = await new TestClient(t.baseUrl).login('proctor1');
    const computerTest = sittingOf(t.seed, 'computer_test');
    const otherStudent = await userId(t.database.db, 'student03');
    const stranger = await new TestClient(t.baseUrl).login('proctor2');
    expect(
      (
        await stranger.call('raiseViolation', {
          params: { sittingId: computerTest, studentId: otherStudent },
          body: { type: 'talking', severity: 'low' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await student.call('raiseViolation', {
          params: { sittingId, studentId },
          body: { type: 'talking', severity: 'low' },
        })
      ).status,
    ).toBe(403);
    // A student of another group is not on this sitting's list.
    expect(
      (
        await other.call('studentLog', {
          params: { sittingId, studentId: await userId(t.database.db, 'proctor1') },
        })
      ).status,
    ).toBe(404);
  });

  it('logs media sources stopping and coming back once, even when the SFU resends a batch', async () => {
    const token = await signServiceToken('sfu', SECRET);
    const at = new Date().toISOString();
    const batch = {
      events: [
        { sittingId, studentId, source: 'webcam', state: 'stopped', reason: 'transport_closed', at },
        {
          sittingId,
          studentId,
          source: 'webcam',
          state: 'live',
          reason: null,
          at: new Date(Date.now() + 5).toISOString(),
        },
      ],
    };
    const post = () =>
      new TestClient(t.baseUrl).raw('POST', '/api/internal/media-events', batch, {
        authorization: `Bearer ${token}`,
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const media = (await logOf()).filter((e) => e.source === 'media');
    expect(media.map((e) => [e.type, e.severity, e.evidence?.source])).toEqual([
      ['source_stopped', 'medium', 'webcam'],
      ['source_live', 'info', 'webcam'],
    ]);
  });

  it('verifies the chain, and names the first entry after someone edits a stored row', async () => {
    const ok = await proctor.call('verifyStudentLog', { params: { sittingId, studentId } });
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.body.entries).toBeGreaterThanOrEqual(6);
    // The append-only trigger stops the application; a database administrator could still do this.
    await t.database.db.execute(
      sql`ALTER TABLE violation_log_entries DISABLE TRIGGER violation_log_append_only`,
    );
    await t.database.db.execute(
      sql`UPDATE violation_log_entries SET severity = 'low' WHERE student_id = ${studentId} AND seq = 2`,
    );
    await t.database.db.execute(
      sql`ALTER TABLE violation_log_entries ENABLE TRIGGER violation_log_append_only`,
    );
    const broken = await proctor.call('verifyStudentLog', { params: { sittingId, studentId } });
    expect(broken.body).toMatchObject({
      ok: false,
      firstBroken: { seq: 2, reason: 'its content was changed after it was written' },
    });
  });
});
