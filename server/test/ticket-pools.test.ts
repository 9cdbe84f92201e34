import { readFile } from 'node:fs/promises';
import type { DisciplineTicketPools, TicketPoolPreview, TicketSitting } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { ticketPools, tickets } from '../src/banks/schema.js';
import type { Db } from '../src/db/database.js';
import { sittings } from '../src/sittings/schema.js';
import { ticketDrawPlans } from '../src/tickets/schema.js';
import { admit } from './attempt-helpers.js';
import { dbFingerprint } from './db-fingerprint.js';
import { sittingOf } from './fixtures.js';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const example = (name: string) =>
  readFile(new URL(`../src/ticket-pools/import/examples/${name}`, import.meta.url));
const base64 = (bytes: Uint8Array | string) =>
  (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64');

async function sittingRow(db: Db, sittingId: string) {
  const [row] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
  if (!row) throw new Error('no sitting');
  return row;
}

describe('ticket pools', () => {
  let t: TestApp;
  let db: Db;
  let registrar: TestClient;
  /** The written exam's discipline (Algorithms) and the oral exam's (Philosophy). */
  let algorithms: string;
  let philosophy: string;
  const importPool = (client: TestClient, body: Record<string, unknown>) =>
    client.call('importTicketPool', {
      body: { disciplineId: algorithms, title: 'Алгоритмдер — билеттер', fileName: 'tickets.txt', ...body },
    });
  const list = async (disciplineId: string) => {
    const res = await registrar.call('listTicketPools', { params: { disciplineId } });
    expect(res.status).toBe(200);
    return res.body as DisciplineTicketPools;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    db = t.database.db;
    registrar = await new TestClient(t.baseUrl).login('registrar');
    algorithms = (await sittingRow(db, sittingOf(t.seed, 'written'))).disciplineId;
    philosophy = (await sittingRow(db, sittingOf(t.seed, 'oral'))).disciplineId;
  });
  afterAll(() => t?.close());

  it('imports the example text file, lists it with its counts and previews its tickets by number', async () => {
    const res = await importPool(registrar, { fileBase64: base64(await example('tickets.txt')) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      format: 'text',
      encoding: 'utf-8',
      counts: { tickets: 5, questions: { min: 3, max: 3, total: 15 } },
    });
    const stored = await db.select().from(tickets).where(eq(tickets.poolId, res.body.poolId));
    expect(stored.map((s) => s.number).sort()).toEqual([1, 2, 3, 4, 5]);

    const listed = await list(algorithms);
    expect(listed.pools[0]).toMatchObject({
      poolId: res.body.poolId,
      title: 'Алгоритмдер — билеттер',
      counts: res.body.counts,
      sittings: 0,
    });
    // The seed's own pool of ten tickets, attached to the written exam, is listed too.
    expect(listed.pools[1]).toMatchObject({ counts: { tickets: 10 }, sittings: 1 });

    const preview = await registrar.call('ticketPool', { params: { poolId: res.body.poolId } });
    expect(preview.status).toBe(200);
    const pool = preview.body as TicketPoolPreview;
    expect(pool.discipline.id).toBe(algorithms);
    expect(pool.tickets.map((x) => x.number)).toEqual([1, 2, 3, 4, 5]);
    expect(pool.tickets[2]?.questions[0]).toBe('Explain amortised analysis of a dynamic array.');

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket_pool.imported'), eq(auditLog.subject, res.body.poolId)));
    expect(audit?.details).toMatchObject({
      fileName: 'tickets.txt',
      format: 'text',
      counts: res.body.counts,
    });
  });

  it('imports a CSV saved by Russian Excel (Windows-1251, semicolons), read from its bytes', async () => {
    const res = await importPool(registrar, {
      fileName: 'excel-ru.csv',
      fileBase64: base64(await example('excel-ru.csv')),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'csv', encoding: 'windows-1251', counts: { tickets: 3 } });
    const preview = (await registrar.call('ticketPool', { params: { poolId: res.body.poolId } }))
      .body as TicketPoolPreview;
    expect(preview.tickets[0]?.questions[1]).toBe('Объясните свойства транзакций ACID.');
  });

  it('imports nothing from a file with bad lines, and lists each with its line number', async () => {
    const before = await dbFingerprint(db);
    const res = await importPool(registrar, {
      fileName: 'broken.csv',
      fileBase64: base64(await example('broken/broken.csv')),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', truncated: false });
    expect(res.body.error.message).toMatch(/^broken\.csv: nothing was imported/);
    expect(res.body.error.lines.map((l: { line: number }) => l.line)).toEqual([3, 4, 5, 6, 7]);
    // Asked to read a text file as CSV, the header row is missing.
    const forced = await importPool(registrar, { fileBase64: base64('Билет 1\nСұрақ?\n'), format: 'csv' });
    expect(forced.status).toBe(400);
    expect(forced.body.error.lines[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/unknown column/),
    });
    expect(await dbFingerprint(db)).toEqual(before);
  });

  it('names the fields of a bad request', async () => {
    const good = { fileBase64: base64('Билет 1\nСұрақ?\n') };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, title: '  ' }, 'body.title'],
      [{ ...good, fileBase64: 'not base64!' }, 'body.fileBase64'],
      [{ ...good, format: 'xlsx' }, 'body.format'],
      [{ ...good, disciplineId: 'nope' }, 'body.disciplineId'],
      [{ ...good, disciplineId: '00000000-0000-4000-8000-000000000000' }, 'body.disciplineId'],
      [{ fileBase64: '' }, 'body.fileBase64'],
    ];
    for (const [body, field] of cases) {
      const res = await importPool(registrar, body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const attach = await registrar.call('attachTicketPool', {
      params: { sittingId: sittingOf(t.seed, 'written') },
      body: { poolId: 'x', extra: true },
    });
    expect(attach.status).toBe(400);
    expect(attach.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body',
      'body.poolId',
    ]);
  });

  it('takes a file over the API’s usual body limit on the import route only', async () => {
    // 500 tickets of three long Kazakh questions: about 2 MB of base64, far over 256 KB.
    const question = (n: number, q: number) => `${q}. ${n}-билеттің ${q}-сұрағы: ${'ә'.repeat(300)}`;
    const file = Array.from(
      { length: 500 },
      (_, i) => `${i + 1}-билет\n${[1, 2, 3].map((q) => question(i + 1, q)).join('\n')}\n`,
    ).join('\n');
    const fileBase64 = base64(file);
    expect(fileBase64.length).toBeGreaterThan(1024 * 1024);
    const res = await importPool(registrar, { fileBase64, title: 'Үлкен' });
    expect(res.status).toBe(201);
    expect(res.body.counts).toEqual({ tickets: 500, questions: { min: 3, max: 3, total: 1500 } });
    const elsewhere = await registrar.call('attachTicketPool', {
      params: { sittingId: sittingOf(t.seed, 'written') },
      body: { poolId: res.body.poolId, padding: fileBase64 },
    });
    expect(elsewhere.status).toBe(413);
    // Over 2 MB of file: refused by the contract before any decoding.
    const tooLarge = await importPool(registrar, { fileBase64: base64('ә'.repeat(1024 * 1024 + 1)) });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.fields[0].path).toBe('body.fileBase64');
  });

  it('attaches a pool to a written exam, whose draw then deals its tickets; refused once the draw began', async () => {
    const sittingId = sittingOf(t.seed, 'written');
    const seedPool = (await sittingRow(db, sittingId)).ticketPoolId;
    const imported = await importPool(registrar, {
      title: 'Екі билет',
      fileBase64: base64('Билет 1\nA?\nБилет 2\nB?\n'),
    });
    const other = await importPool(registrar, {
      title: 'Үш билет',
      fileBase64: base64('Билет 1\nA?\nБилет 2\nB?\nБилет 3\nC?\n'),
    });
    expect([imported.status, other.status]).toEqual([201, 201]);

    const before = (await list(algorithms)).sittings.find((s) => s.sittingId === sittingId);
    expect(before).toMatchObject({
      kind: 'written',
      ticketPoolId: seedPool,
      drawStarted: false,
      students: 30,
    });

    const res = await registrar.call('attachTicketPool', {
      params: { sittingId },
      body: { poolId: imported.body.poolId },
    });
    expect(res.status).toBe(200);
    expect(res.body as TicketSitting).toMatchObject({
      sittingId,
      ticketPoolId: imported.body.poolId,
      drawStarted: false,
    });
    expect((await sittingRow(db, sittingId)).ticketPoolId).toBe(imported.body.poolId);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket_pool.attached'), eq(auditLog.subject, sittingId)));
    expect(audit?.details).toEqual({ poolId: imported.body.poolId, previousPoolId: seedPool });

    // Before the draw the pool may still be replaced (and back).
    const swapped = await registrar.call('attachTicketPool', {
      params: { sittingId },
      body: { poolId: other.body.poolId },
    });
    expect(swapped.body.ticketPoolId).toBe(other.body.poolId);
    expect(
      (
        await registrar.call('attachTicketPool', {
          params: { sittingId },
          body: { poolId: imported.body.poolId },
        })
      ).status,
    ).toBe(200);

    // An admitted student opens the ticket table: the plan commits to the attached pool's two tickets.
    await admit(db, sittingId, 'student01');
    const student = await new TestClient(t.baseUrl).login('student01');
    const board = await student.call('ticketBoard', { params: { sittingId } });
    expect(board.status).toBe(200);
    expect(board.body.poolSize).toBe(2);
    const [plan] = await db.select().from(ticketDrawPlans).where(eq(ticketDrawPlans.sittingId, sittingId));
    expect(plan?.poolId).toBe(imported.body.poolId);

    const fingerprint = await dbFingerprint(db);
    const refused = await registrar.call('attachTicketPool', {
      params: { sittingId },
      body: { poolId: other.body.poolId },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/draw of this sitting has begun/),
    });
    expect(await dbFingerprint(db)).toEqual(fingerprint);
    // Naming the pool it already has changes nothing and is no error.
    const same = await registrar.call('attachTicketPool', {
      params: { sittingId },
      body: { poolId: imported.body.poolId },
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ ticketPoolId: imported.body.poolId, drawStarted: true });
    expect((await list(algorithms)).sittings.find((s) => s.sittingId === sittingId)?.drawStarted).toBe(true);
  });

  it('refuses a computer test, another discipline’s pool, an unknown pool and an unknown sitting', async () => {
    const pool = (await list(algorithms)).pools[0]?.poolId as string;
    const before = await dbFingerprint(db);
    const computer = await registrar.call('attachTicketPool', {
      params: { sittingId: sittingOf(t.seed, 'computer_test') },
      body: { poolId: pool },
    });
    expect(computer.status).toBe(400);
    expect(computer.body.error.fields).toEqual([
      { path: 'params.sittingId', message: 'not a written, oral or state exam' },
    ]);
    const oral = await registrar.call('attachTicketPool', {
      params: { sittingId: sittingOf(t.seed, 'oral') },
      body: { poolId: pool },
    });
    expect(oral.status).toBe(400);
    expect(oral.body.error.fields).toEqual([
      { path: 'body.poolId', message: 'the pool belongs to another discipline' },
    ]);
    const unknown = await registrar.call('attachTicketPool', {
      params: { sittingId: sittingOf(t.seed, 'oral') },
      body: { poolId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.body.error.fields).toEqual([{ path: 'body.poolId', message: 'no such ticket pool' }]);
    const nowhere = await registrar.call('attachTicketPool', {
      params: { sittingId: '00000000-0000-4000-8000-000000000000' },
      body: { poolId: pool },
    });
    expect(nowhere.status).toBe(404);
    expect(await dbFingerprint(db)).toEqual(before);
  });

  it('lists only a discipline’s closed-ticket sittings that have not ended', async () => {
    const oralId = sittingOf(t.seed, 'oral');
    const oral = await list(philosophy);
    expect(oral.discipline.id).toBe(philosophy);
    expect(oral.sittings.map((s) => s.sittingId)).toEqual([oralId]);
    // A computer test's discipline has no closed-ticket sittings.
    const computer = await sittingRow(db, sittingOf(t.seed, 'computer_test'));
    expect((await list(computer.disciplineId)).sittings).toEqual([]);
    // Once the oral exam is over it is no longer offered.
    const row = await sittingRow(db, oralId);
    await db
      .update(sittings)
      .set({ startsAt: new Date(Date.now() - (row.durationMinutes + 1) * 60_000) })
      .where(eq(sittings.id, oralId));
    expect((await list(philosophy)).sittings).toEqual([]);
    await db.update(sittings).set({ startsAt: row.startsAt }).where(eq(sittings.id, oralId));
    const missing = await registrar.call('listTicketPools', {
      params: { disciplineId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.status).toBe(404);
  });

  it('keeps pools to the dean’s office and admins: students and proctors get 403 and change nothing', async () => {
    const [pool] = await db.select().from(ticketPools).limit(1);
    const admin = await new TestClient(t.baseUrl).login('admin');
    expect((await admin.call('ticketPool', { params: { poolId: pool?.id as string } })).status).toBe(200);
    for (const login of ['student01', 'proctor1', 'chair', 'secretary']) {
      const client = await new TestClient(t.baseUrl).login(login);
      const before = await dbFingerprint(db);
      const calls = [
        await client.call('ticketPool', { params: { poolId: pool?.id as string } }),
        await client.call('listTicketPools', { params: { disciplineId: algorithms } }),
        await importPool(client, { fileBase64: base64('Билет 1\nA?\n') }),
        await client.call('attachTicketPool', {
          params: { sittingId: sittingOf(t.seed, 'oral') },
          body: { poolId: pool?.id },
        }),
      ];
      expect([login, ...calls.map((c) => c.status)]).toEqual([login, 403, 403, 403, 403]);
      expect(await dbFingerprint(db)).toEqual(before);
    }
  });
});
