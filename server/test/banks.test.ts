import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionBanks, questions } from '../src/banks/schema.js';
import { dbFingerprint } from './db-fingerprint.js';
import { sittingOf } from './fixtures.js';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const example = (name: string) =>
  readFile(new URL(`../src/banks/import/examples/${name}`, import.meta.url), 'utf8');

describe('question banks', () => {
  let t: TestApp;
  let registrar: TestClient;
  let disciplineId: string;
  beforeAll(async () => {
    t = await startTestApp();
    registrar = await new TestClient(t.baseUrl).login('registrar');
    const list = (await registrar.call('listDisciplines')).body as { id: string; code: string }[];
    disciplineId = list.find((d) => d.code === 'DB 3301')?.id as string;
  });
  afterAll(() => t?.close());

  it('imports the example GIFT file as a new bank and lists it with counts per difficulty', async () => {
    const file = await example('example.gift.txt');
    // The example names its own discipline (CS201): into another discipline it is refused.
    const wrong = await registrar.call('importBank', {
      body: { format: 'gift', fileName: 'example.gift.txt', text: file, disciplineId, title: 'GIFT example' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.lines[0].message).toMatch(/CS201/);
    const text = file.replace(/^\/\/ discipline:.*$/m, '');
    const res = await registrar.call('importBank', {
      body: { format: 'gift', fileName: 'example.gift.txt', text, disciplineId, title: 'GIFT example' },
    });
    expect(res.status).toBe(201);
    expect(res.body.counts.total).toBe(
      res.body.counts.simple + res.body.counts.medium + res.body.counts.hard,
    );
    expect(res.body.counts.total).toBeGreaterThanOrEqual(12);
    const stored = await t.database.db.select().from(questions).where(eq(questions.bankId, res.body.bankId));
    expect(stored).toHaveLength(res.body.counts.total);
    const banks = (await registrar.call('listBanks')).body as { bankId: string; counts: unknown }[];
    expect(banks.find((b) => b.bankId === res.body.bankId)?.counts).toEqual(res.body.counts);
  });

  it('imports nothing from a file with a bad question, and lists the bad lines', async () => {
    const before = await dbFingerprint(t.database.db);
    const text = 'What is 2 + 2?\nA. 3\nB. 4\nANSWER: B\n\nWhich is a prime?\nA. 4\nB. 6\nANSWER: C\n';
    const res = await registrar.call('importBank', {
      body: {
        format: 'aiken',
        fileName: 'bad.txt',
        text,
        disciplineId,
        title: 'Broken',
        defaultDifficulty: 'simple',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.lines).toEqual([expect.objectContaining({ line: expect.any(Number) })]);
    expect(res.body.error.lines[0].line).toBeGreaterThanOrEqual(6);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('takes a file larger than the ordinary body limit, and refuses an unknown discipline by field', async () => {
    // About 600 KB of Cyrillic: over the 256 KB general limit, under the import route's own.
    const line = (i: number) =>
      `Сұрақ ${i}: дерекқордағы кесте қалай аталады? Қосымша мәтін ${'ә'.repeat(200)}\nA. Кесте\nB. Файл\nANSWER: A\n\n`;
    const text = Array.from({ length: 1200 }, (_, i) => line(i)).join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024);
    const res = await registrar.call('importBank', {
      body: {
        format: 'aiken',
        fileName: 'big.txt',
        text,
        disciplineId,
        title: 'Big',
        defaultDifficulty: 'medium',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ medium: 1200, total: 1200 });
    const unknown = await registrar.call('importBank', {
      body: {
        format: 'aiken',
        fileName: 'x.txt',
        text: 'Q?\nA. a\nB. b\nANSWER: A\n',
        disciplineId: '00000000-0000-4000-8000-000000000000',
        title: 'x',
        defaultDifficulty: 'simple',
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'body.disciplineId', message: 'no such discipline' }]);
  });

  it('points a computer test at a bank of its discipline with a blueprint the bank can fill', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const [bank] = await t.database.db
      .select()
      .from(questionBanks)
      .where(eq(questionBanks.title, 'GIFT example'));
    const state = (await registrar.call('getBlueprint', { params: { sittingId } })).body;
    expect(state.blueprint).toMatchObject({ simple: 3, medium: 3, hard: 2 });
    const tooMany = await registrar.call('setBlueprint', {
      params: { sittingId },
      body: { bankId: bank?.id, simple: 99, medium: 1, hard: 1 },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.simple']);
    const ok = await registrar.call('setBlueprint', {
      params: { sittingId },
      body: { bankId: bank?.id, simple: 1, medium: 1, hard: 1, shuffleQuestions: false },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ bankId: bank?.id, blueprint: { simple: 1, shuffleQuestions: false } });
    const empty = await registrar.call('setBlueprint', {
      params: { sittingId },
      body: { simple: 0, medium: 0, hard: 0 },
    });
    expect(empty.status).toBe(400);
  });
});
