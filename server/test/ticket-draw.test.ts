import { randomInt, randomUUID } from 'node:crypto';
import {
  cardToPosition,
  type DrawnTicket,
  http,
  type LogEntry,
  pathFor,
  type RouteName,
  type TicketBoard,
  type TicketDrawOverview,
  type TicketDrawReveal,
  tableAfter,
  verifyDraw,
} from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { tickets } from '../src/banks/schema.js';
import type { Db } from '../src/db/database.js';
import { sittings } from '../src/sittings/schema.js';
import { cryptoShuffle } from '../src/tickets/draw-plan.js';
import { ticketDrawPlans, ticketDraws } from '../src/tickets/schema.js';
import { academicGroups } from '../src/university/schema.js';
import { admit } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket } from './socket-client.js';
import { type StorageMode, startTestApp, type TestApp } from './test-app.js';

const login = (n: number) => `student${String(n).padStart(2, '0')}`;
const board = (c: TestClient, sittingId: string) => c.call('ticketBoard', { params: { sittingId } });
const draw = (c: TestClient, sittingId: string, card: number) =>
  c.call('drawTicket', { params: { sittingId }, body: { card } });

async function poolQuestions(db: Db, sittingId: string): Promise<string[]> {
  const [s] = await db
    .select({ pool: sittings.ticketPoolId })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!s?.pool) throw new Error('sitting has no pool');
  const rows = await db
    .select({ questions: tickets.questions })
    .from(tickets)
    .where(eq(tickets.poolId, s.pool));
  return rows.flatMap((r) => r.questions);
}

/** Everything that would give a ticket away: each question (with and without its "(n.m)" tag), the salt, the order. */
async function secretsOf(db: Db, sittingId: string): Promise<string[]> {
  const questions = await poolQuestions(db, sittingId);
  const [plan] = await db.select().from(ticketDrawPlans).where(eq(ticketDrawPlans.sittingId, sittingId));
  if (!plan) throw new Error('no plan yet');
  return [
    ...questions,
    ...questions.map((q) => q.replace(/ \(\d+\.\d+\)$/, '')),
    plan.salt,
    ...plan.ticketOrder.map((round) => round.join(',')),
  ];
}

const leaksIn = (captured: string[], secrets: string[]) =>
  captured.flatMap((text) =>
    secrets.filter((s) => text.includes(s)).map((s) => `${s} in ${text.slice(0, 120)}`),
  );

async function logOf(proctor: TestClient, sittingId: string, studentId: string): Promise<LogEntry[]> {
  const res = await proctor.call('studentLog', { params: { sittingId, studentId } });
  expect(res.status).toBe(200);
  return res.body;
}

describe('closed-ticket draw', () => {
  let t: TestApp;
  let db: Db;
  const clients = new Map<number, TestClient>();
  const student = async (n: number) => {
    const existing = clients.get(n);
    if (existing) return existing;
    const c = await new TestClient(t.baseUrl).login(login(n));
    clients.set(n, c);
    return c;
  };
  beforeAll(async () => {
    // No media server: the media-token route answers without one (port 9 refuses connections).
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
  });
  afterAll(() => t?.close());

  it('sends no ticket content, salt or order to a student before their draw, in any response or event', async () => {
    const sittingId = sittingOf(t.seed, 'written');
    const observerId = await admit(db, sittingId, login(1));
    const observer = await student(1);
    const socket = await connectSocket(t.baseUrl, observer.cookie);
    const events: string[] = [];
    socket.onAny((event: string, ...args: unknown[]) => events.push(JSON.stringify([event, ...args])));
    const bodies: string[] = [];
    const first = await board(observer, sittingId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ poolSize: 10, rounds: 3, round: 1, faceDown: 10, myTicket: null });
    expect(first.body.commitment).toMatch(/^[0-9a-f]{64}$/);
    bodies.push(JSON.stringify(first.body));

    // Others draw (and a proctor opens their tickets) while the observer's socket listens.
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    for (const n of [2, 3, 4, 5]) {
      await admit(db, sittingId, login(n));
      expect((await draw(await student(n), sittingId, 0)).status).toBe(200);
      const viewed = await proctor.call('studentTicket', {
        params: { sittingId, studentId: await userId(db, login(n)) },
      });
      expect(viewed.status).toBe(200);
    }
    expect((await proctor.call('sittingTicketDraw', { params: { sittingId } })).status).toBe(200);

    // Every route of the contract, as the observer calls it (all but the draw itself and logout).
    const params: Record<string, string> = {
      sittingId,
      studentId: observerId,
      attemptId: randomUUID(),
      appealId: randomUUID(),
      snapshotId: randomUUID(),
      recordingId: 'x',
      seq: '1',
      sheetId: randomUUID(),
      disciplineId: randomUUID(),
      poolId: randomUUID(),
      applicationId: randomUUID(),
      checkId: randomUUID(),
    };
    const bodyOf: Partial<Record<RouteName, unknown>> = {
      messageProctor: { text: 'Which ticket is the easiest?' },
    };
    const skipped: RouteName[] = ['drawTicket', 'login', 'logout', 'logoutEverywhere'];
    let called = 0;
    for (const name of Object.keys(http) as RouteName[]) {
      if (skipped.includes(name)) continue;
      called++;
      const route = http[name];
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
      const res = await observer.raw(
        route.method,
        pathFor(route.path, Object.fromEntries(names.map((p) => [p, params[p] as string]))),
        route.method === 'GET' ? undefined : (bodyOf[name] ?? {}),
      );
      bodies.push(
        `${name} ${res.status} ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`,
      );
    }
    expect((await board(observer, sittingId)).body.myTicket).toBeNull();

    // The observer's own draw: its log entry is the last event before it, in order on the socket.
    const drawnEvent = new Promise<void>((resolve) =>
      socket.onAny((event: string, payload: { entry?: LogEntry }) => {
        if (event === 'log:appended' && payload.entry?.type === 'ticket_drawn') resolve();
      }),
    );
    const mine = await draw(observer, sittingId, 0);
    await drawnEvent;
    socket.close();
    const before = events.slice(
      0,
      events.findIndex((e) => e.includes('"ticket_drawn"')),
    );
    const secrets = await secretsOf(db, sittingId);
    expect(called).toBe(Object.keys(http).length - skipped.length);
    // The capture works: the chat message came back as an event, and the ticket is found once drawn.
    expect(before.some((e) => e.includes('Which ticket is the easiest?'))).toBe(true);
    expect(leaksIn(bodies, secrets)).toEqual([]);
    expect(leaksIn(before, secrets)).toEqual([]);
    expect(mine.status).toBe(200);
    expect(leaksIn([JSON.stringify(mine.body)], secrets).length).toBeGreaterThan(0);
  });

  it('makes one draw from two tabs at once; a repeat returns the same ticket whatever card it names', async () => {
    const sittingId = sittingOf(t.seed, 'oral');
    const studentId = await admit(db, sittingId, login(1));
    const tab1 = await student(1);
    const tab2 = Object.assign(new TestClient(t.baseUrl), { cookie: tab1.cookie });
    const [a, b] = await Promise.all([draw(tab1, sittingId, 3), draw(tab2, sittingId, 7)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    const again = await draw(tab1, sittingId, 0);
    expect(again.body.ticketNumber).toBe(a.body.ticketNumber);
    expect((await board(tab1, sittingId)).body.myTicket).toMatchObject({
      ticketNumber: a.body.ticketNumber,
      questions: a.body.questions,
    });
    const rows = await db
      .select()
      .from(ticketDraws)
      .where(and(eq(ticketDraws.sittingId, sittingId), eq(ticketDraws.studentId, studentId)));
    expect(rows).toHaveLength(1);
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const drawn = (await logOf(proctor, sittingId, studentId)).filter((e) => e.type === 'ticket_drawn');
    expect(drawn).toHaveLength(1);
  });

  it('deals each ticket once per round to 30 students (10 tickets, 3 rounds); the reveal checks out', async () => {
    const sittingId = sittingOf(t.seed, 'oral');
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const published = (await proctor.call('sittingTicketDraw', { params: { sittingId } })).body;
    // Student 1 drew in the previous test; the other 29 pick cards at random.
    for (let n = 2; n <= 30; n++) {
      await admit(db, sittingId, login(n));
      const res = await draw(await student(n), sittingId, randomInt(10 - ((n - 1) % 10)));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const overview: TicketDrawOverview = (await proctor.call('sittingTicketDraw', { params: { sittingId } }))
      .body;
    expect(overview).toMatchObject({ rounds: 3, round: 3, faceDown: 0, rosterSize: 30, revealedAt: null });
    expect(overview.commitment).toBe(published.commitment);
    expect(overview.draws).toHaveLength(30);
    for (const round of [1, 2, 3])
      expect(
        overview.draws
          .filter((d) => d.round === round)
          .map((d) => d.ticketNumber)
          .sort((x, y) => x - y),
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await proctor.call('ticketDrawReveal', { params: { sittingId } })).status).toBe(409);

    const revealed = await proctor.call('revealTicketDraw', { params: { sittingId }, body: {} });
    expect(revealed.status).toBe(200);
    const reveal: TicketDrawReveal = revealed.body;
    expect(reveal.commitment).toBe(published.commitment);
    expect(reveal.draws.every((d) => d.student !== null)).toBe(true);
    expect(await verifyDraw(reveal)).toEqual({ ok: true, draws: 30, firstMismatch: null });
    // Revealing again changes nothing; the reveal is audited once.
    const again = await proctor.call('revealTicketDraw', { params: { sittingId }, body: {} });
    expect(again.body.revealedAt).toBe(reveal.revealedAt);
    const audits = await db.select().from(auditLog).where(eq(auditLog.subject, sittingId));
    expect(audits.filter((a) => a.action === 'ticket_draw.revealed')).toHaveLength(1);

    // A student checks the same reveal without learning who drew what.
    const seen: TicketDrawReveal = (
      await (await student(7)).call('ticketDrawReveal', { params: { sittingId } })
    ).body;
    expect(seen.draws.every((d) => d.student === null)).toBe(true);
    expect(seen.draws.filter((d) => d.mine)).toHaveLength(1);
    expect(await verifyDraw(seen)).toMatchObject({ ok: true });

    // Tampering with anything the reveal publishes is caught.
    const order = reveal.order.map((r) => [...r]);
    const round2 = order[1] as number[];
    [round2[0], round2[1]] = [round2[1] as number, round2[0] as number];
    expect((await verifyDraw({ ...reveal, order })).ok).toBe(false);
    expect((await verifyDraw({ ...reveal, salt: '0'.repeat(64) })).ok).toBe(false);
    const i = 17;
    const draws = reveal.draws.map((d, j) =>
      j === i ? { ...d, ticketNumber: (d.ticketNumber % 10) + 1 } : d,
    );
    expect((await verifyDraw({ ...reveal, draws })).firstMismatch?.draw).toBe(i);
    // The order in the database cannot be rewritten after the commitment, nor a draw changed.
    await expect(
      db
        .update(ticketDrawPlans)
        .set({ salt: '1'.repeat(64) })
        .where(eq(ticketDrawPlans.sittingId, sittingId)),
    ).rejects.toThrow();
    await expect(
      db.update(ticketDraws).set({ ticketNumber: 1 }).where(eq(ticketDraws.sittingId, sittingId)),
    ).rejects.toThrow();
  });

  it('logs the draw, and each viewing of the ticket at most once a minute per viewer', async () => {
    const sittingId = sittingOf(t.seed, 'state_exam');
    const studentId = await admit(db, sittingId, login(1));
    const me = await student(1);
    const secretary = await new TestClient(t.baseUrl).login('secretary');
    const chair = await new TestClient(t.baseUrl).login('chair');
    const drawn = await draw(me, sittingId, 4);
    expect(drawn.status).toBe(200);
    const ticket: DrawnTicket = drawn.body;
    const commitment = (await board(me, sittingId)).body.commitment;
    await board(me, sittingId);
    await draw(me, sittingId, 1);
    for (const staff of [secretary, secretary, chair]) {
      const res = await staff.call('studentTicket', { params: { sittingId, studentId } });
      expect(res.body).toMatchObject({
        studentId,
        ticketNumber: ticket.ticketNumber,
        questions: ticket.questions,
      });
    }
    // The overview names ticket numbers, not their questions: it is not a viewing.
    await secretary.call('sittingTicketDraw', { params: { sittingId } });
    const views = async () =>
      (await logOf(secretary, sittingId, studentId))
        .filter((e) => e.type === 'ticket_viewed')
        .map((e) => e.evidence?.viewerRole);
    const log = await logOf(secretary, sittingId, studentId);
    expect(log.find((e) => e.type === 'ticket_drawn')?.evidence).toEqual({
      ticketNumber: ticket.ticketNumber,
      card: 4,
      faceDown: 10,
      round: 1,
      commitment,
    });
    expect(await views()).toEqual(['technical_secretary', 'commission_chair']);
    // A minute later the student's reload and the secretary's look are logged again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      expect((await board(me, sittingId)).body.myTicket.ticketNumber).toBe(ticket.ticketNumber);
      await board(me, sittingId);
      await secretary.call('studentTicket', { params: { sittingId, studentId } });
    } finally {
      vi.useRealTimers();
    }
    expect(await views()).toEqual([
      'technical_secretary',
      'commission_chair',
      'student',
      'technical_secretary',
    ]);
    const verified = await secretary.call('verifyStudentLog', { params: { sittingId, studentId } });
    expect(verified.body).toMatchObject({ ok: true });
  });

  it('refuses with a reason: a computer test, another group, not admitted, ended, a card off the table, after the reveal', async () => {
    const written = sittingOf(t.seed, 'written');
    const s = await student(20);
    const computer = sittingOf(t.seed, 'computer_test');
    expect((await board(s, computer)).status).toBe(400);
    expect((await draw(s, computer, 0)).body.error.code).toBe('validation_failed');

    // Another group's written exam: not found for this student.
    const [sitting] = await db.select().from(sittings).where(eq(sittings.id, written));
    if (!sitting) throw new Error('no sitting');
    const [group] = await db
      .insert(academicGroups)
      .values({
        facultyId: (await db.select().from(academicGroups))[0]?.facultyId as string,
        name: 'ИС-22-2',
      })
      .returning();
    const { id: _id, createdAt: _c, ...copy } = sitting;
    const [other] = await db
      .insert(sittings)
      .values({ ...copy, groupId: group?.id as string })
      .returning();
    expect((await board(s, other?.id as string)).status).toBe(404);
    expect((await draw(s, other?.id as string, 0)).status).toBe(404);

    // Not admitted: the table shows why; the draw is refused and nothing is written.
    const studentId = await userId(db, login(20));
    expect((await board(s, written)).body).toMatchObject({ blockedBy: 'not_admitted', myTicket: null });
    const refused = await draw(s, written, 0);
    expect([refused.status, refused.body.error.message]).toEqual([
      409,
      'The proctor has not admitted you yet.',
    ]);

    // A card that is not on the table: beyond the pool (400), or taken a moment ago (409).
    await admit(db, written, login(20));
    expect((await draw(s, written, 10)).status).toBe(400);
    const table: TicketBoard = (await board(s, written)).body;
    expect(table.faceDown).toBe(5);
    const gone = await draw(s, written, table.faceDown);
    expect([gone.status, gone.body.error.message]).toEqual([
      409,
      'Another student took a card a moment ago: 5 cards lie face down now. Pick again.',
    ]);

    // Ended by the proctor.
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    await admit(db, written, login(21));
    await proctor.call('intervene', {
      params: { sittingId: written, studentId: await userId(db, login(21)) },
      body: { action: 'terminate', reason: 'A second person in the room.' },
    });
    const ended = await draw(await student(21), written, 0);
    expect([ended.status, ended.body.error.message]).toEqual([
      409,
      'Your sitting is over (ended by the proctor); no ticket can be drawn.',
    ]);

    // After the reveal the order is public: no more draws.
    expect(
      (await (await student(20)).call('ticketDrawReveal', { params: { sittingId: written } })).status,
    ).toBe(409);
    expect(
      (await proctor.call('revealTicketDraw', { params: { sittingId: written }, body: {} })).status,
    ).toBe(200);
    const closed = await draw(s, written, 0);
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/^The draw is closed/);
    expect((await board(s, written)).body).toMatchObject({ revealed: true, blockedBy: 'draw_closed' });
    expect(
      await db
        .select()
        .from(ticketDraws)
        .where(and(eq(ticketDraws.sittingId, written), eq(ticketDraws.studentId, studentId))),
    ).toEqual([]);
    expect((await logOf(proctor, written, studentId)).filter((e) => e.type.startsWith('ticket_'))).toEqual(
      [],
    );
    // Five drew before the reveal: the written exam's reveal verifies too.
    const reveal = (await s.call('ticketDrawReveal', { params: { sittingId: written } })).body;
    expect(await verifyDraw(reveal)).toEqual({ ok: true, draws: 5, firstMismatch: null });
  });
});

describe.each<StorageMode>(['postgres'])('concurrent draws on %s', (storage) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ storage });
  });
  afterAll(() => t?.close());

  it('serialises a sitting’s draws: ten students and a second tab at once take ten different tickets', async () => {
    const db = t.database.db;
    const sittingId = sittingOf(t.seed, 'written');
    const students = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await admit(db, sittingId, login(i + 1));
        return new TestClient(t.baseUrl).login(login(i + 1));
      }),
    );
    const secondTab = Object.assign(new TestClient(t.baseUrl), { cookie: students[0]?.cookie });
    // Card 0 is on the table whatever order the draws are served in.
    const results = await Promise.all([
      ...students.map((c) => draw(c, sittingId, 0)),
      draw(secondTab, sittingId, 0),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(11).fill(200));
    expect(results[10]?.body).toEqual(results[0]?.body);
    expect(
      results
        .slice(0, 10)
        .map((r) => r.body.ticketNumber as number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const reveal = (await proctor.call('revealTicketDraw', { params: { sittingId }, body: {} })).body;
    expect(reveal.draws.map((d: { seq: number }) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await verifyDraw(reveal)).toMatchObject({ ok: true, draws: 10 });
  });
});

/**
 * Fairness, through the code the server draws with: `cryptoShuffle` for the order and the shared
 * `cardToPosition` for the card a student picks. Counts form a 10 × 10 table (position or
 * drawing turn × ticket) over N plans, expected N/10 each. Both margins are fixed (every plan
 * deals each ticket once and fills each position once), so Pearson's statistic times (n−1)/n
 * follows χ² with (n−1)² = 81 degrees of freedom. P(χ²₈₁ > 182) ≈ 1e-9: a fair shuffle fails
 * about once in a billion runs, while the classic biased shuffle scores above 2,000 (see below).
 */
describe('fairness of the draw', () => {
  const n = 10;
  const N = 20_000;
  const LIMIT = 182;
  const numbers = Array.from({ length: n }, (_, i) => i + 1);
  const statistic = (counts: number[][]) => {
    const expected = N / n;
    let sum = 0;
    for (const row of counts) for (const o of row) sum += (o - expected) ** 2 / expected;
    return (sum * (n - 1)) / n;
  };
  const table = () => Array.from({ length: n }, () => Array<number>(n).fill(0));
  const bump = (counts: number[][], row: number, ticket: number) => {
    const r = counts[row] as number[];
    r[ticket - 1] = (r[ticket - 1] ?? 0) + 1;
  };

  it('puts every ticket on every position about equally often', () => {
    const counts = table();
    for (let k = 0; k < N; k++)
      for (const [position, ticket] of cryptoShuffle(numbers).entries()) bump(counts, position, ticket);
    expect(statistic(counts)).toBeLessThan(LIMIT);
  });

  it('gives each drawing turn every ticket equally often, however the cards are picked', () => {
    // An adversarial picker: the card depends on every ticket drawn before (shared by colluders).
    const counts = table();
    for (let k = 0; k < N; k++) {
      const order = cryptoShuffle(numbers);
      const taken: number[] = [];
      let seen = 0;
      for (let turn = 0; turn < n; turn++) {
        const { faceDown } = tableAfter(n, 1, turn);
        const position = cardToPosition(n, taken, seen % faceDown);
        taken.push(position);
        const ticket = order[position] as number;
        seen += ticket * (turn + 1);
        bump(counts, turn, ticket);
      }
    }
    expect(statistic(counts)).toBeLessThan(LIMIT);
  });

  it('would notice a biased shuffle (swapping each item with any position)', () => {
    const counts = table();
    for (let k = 0; k < N; k++) {
      const order = [...numbers];
      for (let i = 0; i < n; i++) {
        const j = randomInt(n);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const [position, ticket] of order.entries()) bump(counts, position, ticket);
    }
    expect(statistic(counts)).toBeGreaterThan(LIMIT);
  });
});
