import type { LogEntry, OralQueueView, SittingPolicies } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/accounts/schema.js';
import { sittings } from '../src/sittings/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('the oral exam queue', () => {
  let t: TestApp;
  let oral: string;
  let proctor: TestClient;
  /** The first three students of the list, in list order: login and id. */
  let first: { login: string; id: string; fullName: string }[];

  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    oral = sittingOf(t.seed, 'oral');
    proctor = await new TestClient(t.baseUrl).login('proctor1');
    const queue = (await proctor.call('oralQueue', { params: { sittingId: oral } })).body as OralQueueView;
    const ids = queue.rows.slice(0, 3).map((r) => r.studentId);
    const rows = await t.database.db.select().from(users);
    first = ids.map((id) => {
      const u = rows.find((r) => r.id === id);
      if (!u) throw new Error('no user');
      return { login: u.login, id, fullName: u.fullName };
    });
  });
  afterAll(() => t?.close());

  const queue = async () =>
    (await proctor.call('oralQueue', { params: { sittingId: oral } })).body as OralQueueView;
  const next = () => proctor.call('callNextStudent', { params: { sittingId: oral }, body: {} });
  const setDelay = async (minutes: number) => {
    const [s] = await t.database.db.select().from(sittings).where(eq(sittings.id, oral));
    const policies: SittingPolicies = {
      ...(s?.policies as SittingPolicies),
      oralQuestioningDelayMinutes: minutes,
    };
    await t.database.db.update(sittings).set({ policies }).where(eq(sittings.id, oral));
  };

  it('calls in list order once everyone drew and the preparation time passed; each call is logged', async () => {
    for (const s of first) await admit(t.database.db, oral, s.login);
    const clients = await Promise.all(first.map((s) => new TestClient(t.baseUrl).login(s.login)));
    const [c1, c2, c3] = clients as [TestClient, TestClient, TestClient];
    const socket = await connectSocket(t.baseUrl, c1.cookie);
    let pushed = 0;
    socket.on('oral:queueChanged', () => pushed++);

    // Drawn in reverse list order; the third has not drawn yet.
    expect((await c3.call('drawTicket', { params: { sittingId: oral }, body: { card: 0 } })).status).toBe(
      200,
    );
    expect((await c2.call('drawTicket', { params: { sittingId: oral }, body: { card: 0 } })).status).toBe(
      200,
    );
    expect((await queue()).rows.slice(0, 3).map((r) => r.stage)).toEqual([
      'drawing',
      'preparing',
      'preparing',
    ]);
    const drawing = await next();
    expect(drawing.status).toBe(409);
    expect(drawing.body.error.message).toMatch(/have not drawn/);

    expect((await c1.call('drawTicket', { params: { sittingId: oral }, body: { card: 0 } })).status).toBe(
      200,
    );
    const drawn = await queue();
    expect(drawn.lastDrawAt).not.toBeNull();
    expect(Date.parse(drawn.questioningStartsAt ?? '') - Date.parse(drawn.lastDrawAt ?? '')).toBe(
      20 * 60_000,
    );
    expect(drawn.blockedBy).toBe('too_early');
    expect((await next()).status).toBe(409);

    await setDelay(0);
    const called = await next();
    expect(called.status).toBe(200);
    expect(called.body.answering).toBe(first[0]?.id);
    expect(called.body.next).toBe(first[1]?.id);
    const mine = (await c1.call('studentQueue', { params: { sittingId: oral } })).body;
    expect(mine).toMatchObject({ stage: 'answering', place: 1, ahead: 0 });
    const third = (await c3.call('studentQueue', { params: { sittingId: oral } })).body;
    expect(third).toMatchObject({ stage: 'preparing', place: 3, ahead: 2 });
    // A student's view names nobody else.
    for (const other of first.slice(0, 2)) expect(JSON.stringify(third)).not.toContain(other.fullName);

    const second = await next();
    expect(second.body.answering).toBe(first[1]?.id);
    expect(second.body.rows[0]).toMatchObject({ stage: 'answered' });
    const log = (
      await proctor.call('studentLog', { params: { sittingId: oral, studentId: first[0]?.id ?? '' } })
    ).body as LogEntry[];
    expect(log.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ticket_drawn', 'called_to_answer', 'answered']),
    );
    await expect.poll(() => pushed).toBeGreaterThanOrEqual(2);
    socket.close();

    // The last one answers and the queue is done.
    expect((await next()).body.answering).toBe(first[2]?.id);
    const done = await next();
    expect(done.body).toMatchObject({ answering: null, next: null, blockedBy: 'nobody_left' });
    expect((await next()).status).toBe(409);
  });

  it('is for oral and state exams only, and for the sitting’s own people', async () => {
    const written = await proctor.call('oralQueue', { params: { sittingId: sittingOf(t.seed, 'written') } });
    expect(written.status).toBe(400);
    const member = await new TestClient(t.baseUrl).login('member1');
    expect((await member.call('oralQueue', { params: { sittingId: oral } })).status).toBe(403);
    const student = await new TestClient(t.baseUrl).login('student10');
    expect((await student.call('callNextStudent', { params: { sittingId: oral }, body: {} })).status).toBe(
      403,
    );
  });
});
