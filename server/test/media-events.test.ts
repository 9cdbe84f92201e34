import type { LogEntry } from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopSourcesOfDeadEmbeddedSfu } from '../src/media/lost-node.js';
import { startTest } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'media-events-secret-for-tests-0123456789';

describe('media events from the SFU', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET } });
  });
  afterAll(() => t?.close());

  const post = (body: unknown, token?: string, cookie?: string) => {
    const c = new TestClient(t.baseUrl);
    if (cookie) c.cookie = cookie;
    return c.raw(
      'POST',
      '/api/internal/media-events',
      body,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  };

  it('tells the watching proctor and the student when a source stops', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const studentId = await userId(t.database.db, 'student09');
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const student = await new TestClient(t.baseUrl).login('student09');
    const proctorSocket = await connectSocket(t.baseUrl, proctor.cookie);
    const studentSocket = await connectSocket(t.baseUrl, student.cookie);
    await new Promise((r) => proctorSocket.emit('sitting:watch', { sittingId }, r));
    const toProctor = nextEvent(proctorSocket, 'media:sourceChanged');
    const toStudent = nextEvent(studentSocket, 'media:sourceChanged');
    const event = {
      sittingId,
      studentId,
      source: 'screen',
      state: 'stopped',
      reason: 'closed',
      at: new Date().toISOString(),
    };
    const res = await post({ events: [event] }, await signServiceToken('sfu', SECRET));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1 });
    expect(await toProctor).toEqual(event);
    expect(await toStudent).toEqual(event);
    proctorSocket.close();
    studentSocket.close();
  });

  it('refuses callers without a service token, with a user session, or with another secret', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const studentId = await userId(t.database.db, 'student09');
    const body = {
      events: [
        { sittingId, studentId, source: 'webcam', state: 'live', reason: null, at: new Date().toISOString() },
      ],
    };
    expect((await post(body)).status).toBe(401);
    const admin = await new TestClient(t.baseUrl).login('admin');
    expect((await post(body, undefined, admin.cookie)).status).toBe(403);
    expect((await post(body, await signServiceToken('sfu', `${SECRET}-other`))).status).toBe(401);
  });

  it('refuses events about a student who is not on the sitting list, naming the event', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const proctorId = await userId(t.database.db, 'proctor1');
    const body = {
      events: [
        {
          sittingId,
          studentId: proctorId,
          source: 'webcam',
          state: 'live',
          reason: null,
          at: new Date().toISOString(),
        },
      ],
    };
    const res = await post(body, await signServiceToken('sfu', SECRET));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.events.0.studentId');
  });

  it('keeps every event once, and shows proctors when each source was gone and came back', async () => {
    const sittingId = sittingOf(t.seed, 'written');
    const studentId = await userId(t.database.db, 'student12');
    const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, s)).toISOString();
    const event = (source: string, state: string, reason: string | null, s: number) => ({
      sittingId,
      studentId,
      source,
      state,
      reason,
      at: at(s),
    });
    const batch = {
      events: [
        event('webcam', 'live', null, 0),
        event('webcam', 'stopped', 'transport_closed', 20),
        event('webcam', 'live', null, 27),
        event('screen', 'stopped', 'closed', 40),
      ],
    };
    const token = await signServiceToken('sfu', SECRET);
    expect((await post(batch, token)).status).toBe(200);
    // The SFU retries a batch it got no answer for: nothing is stored twice.
    expect((await post(batch, token)).status).toBe(200);

    const proctor = await new TestClient(t.baseUrl).login('proctor2');
    const res = await proctor.call('listMediaGaps', { params: { sittingId } });
    expect(res.status).toBe(200);
    expect(res.body.gaps).toEqual([
      { studentId, source: 'webcam', from: at(20), to: at(27), reason: 'transport_closed' },
      { studentId, source: 'screen', from: at(40), to: null, reason: 'closed' },
    ]);
    // Proctors see only their own sittings' gaps.
    const other = await new TestClient(t.baseUrl).login('proctor2');
    expect(
      (await other.call('listMediaGaps', { params: { sittingId: sittingOf(t.seed, 'computer_test') } }))
        .status,
    ).toBe(403);
  });

  it('logs a lost exam tab at low severity and never suspends the attempt for it', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const { client, view } = await startTest(t.baseUrl, t.database.db, sittingId, 'student10');
    const studentId = await userId(t.database.db, 'student10');
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const event = (source: string, state: string, ms: number) => ({
      sittingId,
      studentId,
      source,
      state,
      reason: state === 'stopped' ? 'closed' : null,
      at: at(ms),
    });
    const token = await signServiceToken('sfu', SECRET);
    const sent = await post(
      {
        events: [
          event('webcam', 'live', 0),
          event('screen', 'live', 1),
          event('tab', 'live', 2),
          event('tab', 'stopped', 3),
        ],
      },
      token,
    );
    expect(sent.status).toBe(200);
    const attempt = await client.call('getAttempt', { params: { attemptId: view.attemptId } });
    expect(attempt.body).toMatchObject({ status: 'in_progress', pausedAt: null, suspendedAt: null });
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const log = (await proctor.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[];
    const lost = log.find((e) => e.type === 'source_stopped');
    expect(lost).toMatchObject({ source: 'media', severity: 'low', evidence: { source: 'tab' } });
    expect(log.map((e) => e.type)).not.toContain('suspended');
    // The screen, by contrast, still suspends: the tab did not change what is guarded.
    await post({ events: [event('screen', 'stopped', 4)] }, token);
    const suspended = await client.call('getAttempt', { params: { attemptId: view.attemptId } });
    expect(suspended.body).toMatchObject({ status: 'suspended' });
  });

  it('records a gap for every source still live when the embedded SFU died without a word', async () => {
    const sittingId = sittingOf(t.seed, 'oral');
    const live = await userId(t.database.db, 'student11');
    const alreadyGone = await userId(t.database.db, 'student12');
    const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, s)).toISOString();
    const token = await signServiceToken('sfu', SECRET);
    const events = [
      { sittingId, studentId: live, source: 'webcam', state: 'live', reason: null, at: at(0) },
      { sittingId, studentId: alreadyGone, source: 'webcam', state: 'live', reason: null, at: at(1) },
      {
        sittingId,
        studentId: alreadyGone,
        source: 'webcam',
        state: 'stopped',
        reason: 'peer_left',
        at: at(5),
      },
    ];
    const first = await post({ events }, token);
    expect([first.status, first.body]).toEqual([200, { accepted: 3 }]);

    const died = new Date(Date.UTC(2026, 11, 7, 9, 0, 30));
    await stopSourcesOfDeadEmbeddedSfu(t.app.ctx, died);
    // Its supervisor may see several quick deaths in a row: the gap is recorded once.
    await stopSourcesOfDeadEmbeddedSfu(t.app.ctx, new Date(died.getTime() + 2000));
    // The restarted SFU sees the student again.
    expect(
      (
        await post(
          {
            events: [
              { sittingId, studentId: live, source: 'webcam', state: 'live', reason: null, at: at(40) },
            ],
          },
          token,
        )
      ).status,
    ).toBe(200);

    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const gaps = (await proctor.call('listMediaGaps', { params: { sittingId } })).body.gaps;
    expect(gaps).toEqual([
      { studentId: alreadyGone, source: 'webcam', from: at(5), to: null, reason: 'peer_left' },
      { studentId: live, source: 'webcam', from: at(30), to: at(40), reason: 'transport_closed' },
    ]);
    const log = (await proctor.call('studentLog', { params: { sittingId, studentId: live } }))
      .body as LogEntry[];
    const stopped = log.filter((e) => e.type === 'source_stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.evidence).toMatchObject({
      source: 'webcam',
      reason: 'transport_closed',
      seenAt: at(30),
    });
  });
});
