/**
 * Question-bank files (GIFT, Aiken, CSV) and ticket-pool files (text, CSV) that are broken or
 * hostile: each is refused whole, with the line of the file to fix, and nothing is written.
 * (banks.test.ts and ticket-pools.test.ts cover the examples, one bad question and bad fields.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprint } from '../db-fingerprint.js';
import { TestClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { errorShapeProblem, SETUP_MS } from './fuzz-run.js';

const CSV_HEAD =
  'kind,difficulty,topic,question,option_a,option_b,option_c,option_d,option_e,option_f,correct,comment\n';
const blank = (n: number) => '\n'.repeat(n);

/** [what, format, file text, the line the refusal must name]. */
const BANK_FILES: [string, 'gift' | 'aiken' | 'csv', string, number][] = [
  ['GIFT brace never closed', 'gift', '::Q1:: What? {\n=yes\n~no\n\n::Q2:: Other? {=a ~b}\n', 1],
  [
    'GIFT brace never closed after a good question',
    'gift',
    `::Q1:: A? {=a ~b}${blank(6)}::Q2:: B? {\n=a\n`,
    7,
  ],
  ['GIFT binary junk', 'gift', '\u0000\u0001\u0002\uFFFD\uFFFD PK\u0003\u0004', 1],
  ['GIFT with a BOM and no right answer', 'gift', '\uFEFF::Q1:: A? {=a ~b}\n\n::Q2:: B? {~a ~b}\n', 3],
  ['Aiken 2 MB single line', 'aiken', `Q ${'x'.repeat(2_000_000)}\nA. a\nB. b\nANSWER: A\n`, 1],
  ['Aiken after 5,000 empty lines', 'aiken', `${blank(5000)}Q?\nA. a\nB. b\nANSWER: C\n`, 5004],
  [
    'CSV formula cell that splits the row',
    'csv',
    `${CSV_HEAD}single,simple,T,=HYPERLINK("http://evil.example","x"),a,b,,,,,A,\n`,
    2,
  ],
  ['CSV quote never closed', 'csv', `${CSV_HEAD}single,simple,T,"Q?,a,b,,,,,A,\n`, 2],
  ['CSV NUL bytes', 'csv', `${CSV_HEAD}single,simple,T,Q\u0000?,a,b,,,,,A,\n`, 2],
];

const b = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding);
/** [what, file bytes, format or undefined (read from the file), the line the refusal must name]. */
const POOL_FILES: [string, Buffer, 'text' | 'csv' | undefined, number][] = [
  [
    'a ZIP (a .docx) under a .txt name',
    Buffer.concat([b('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
    undefined,
    1,
  ],
  ['binary junk', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x50, 0x4b, 3, 4]), undefined, 1],
  ['UTF-16 without its BOM', b('Билет 1\nСұрақ?\n', 'utf16le'), undefined, 1],
  ['broken UTF-8', Buffer.from([0x42, 0xc3, 0x28, 0xa0, 0xa1, 0x0a, 0xe2, 0x28, 0xa1]), undefined, 1],
  ['a BOM and nothing else', Buffer.from([0xef, 0xbb, 0xbf]), undefined, 1],
  ['a 1.5 MB single line', b(`Билет 1\n${'x'.repeat(1_500_000)}\n`), undefined, 2],
  ['5,000 empty lines then an empty ticket', b(`${blank(5000)}Билет 1\n`), undefined, 5001],
  [
    'a CSV formula cell that splits the row',
    b('ticket,question\n1,=HYPERLINK("http://evil.example","x")\n'),
    'csv',
    2,
  ],
  ['an unterminated brace and quote', b('ticket,question\n1,"{{7*7}\n2,ok\n'), 'csv', 2],
];

describe('hostile import files are refused whole, naming the line', () => {
  let t: TestApp;
  let registrar: TestClient;
  let disciplineId: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { API_RATE_LIMIT_PER_MINUTE: '100000' } });
    registrar = await new TestClient(t.baseUrl).login('registrar');
    disciplineId = ((await registrar.call('listDisciplines')).body as { id: string }[])[0]?.id as string;
  }, SETUP_MS);
  afterAll(() => t?.close());

  const bank = (format: string, text: string) =>
    registrar.call('importBank', {
      body: { format, fileName: 'bank.txt', text, disciplineId, title: 'Fuzz', defaultDifficulty: 'simple' },
    });
  const pool = (bytes: Buffer, format?: string) =>
    registrar.call('importTicketPool', {
      body: {
        fileName: 'pool.txt',
        fileBase64: bytes.toString('base64'),
        disciplineId,
        title: 'Fuzz',
        ...(format ? { format } : {}),
      },
    });

  const expectLineRefusal = (what: string, res: { status: number; body: any }, line: number) => {
    expect([what, res.status]).toEqual([what, 400]);
    expect(errorShapeProblem(res.body)).toBeNull();
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/nothing was imported/);
    expect([what, res.body.error.lines[0]?.line]).toEqual([what, line]);
    expect(res.body.error.lines[0]?.message.length).toBeGreaterThan(5);
  };

  it('refuses broken and hostile bank files with the line to fix, importing nothing', async () => {
    const before = await dbFingerprint(t.database.db);
    for (const [what, format, text, line] of BANK_FILES)
      expectLineRefusal(what, await bank(format, text), line);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('refuses broken and hostile ticket-pool files with the line to fix, importing nothing', async () => {
    const before = await dbFingerprint(t.database.db);
    for (const [what, bytes, format, line] of POOL_FILES)
      expectLineRefusal(what, await pool(bytes, format), line);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('refuses a 10 MB file before reading it, with a code', async () => {
    const before = await dbFingerprint(t.database.db);
    const tenMb = 'x'.repeat(10 * 1024 * 1024);
    for (const res of [await bank('aiken', tenMb), await pool(b(tenMb))]) {
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
    }
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  it('keeps formula-looking text that is well formed as plain text (it is never evaluated)', async () => {
    // A maths question may well start with "=" or "-": the CSV export, not the import, defuses formulas.
    const res = await pool(b("Билет 1\n=cmd|' /C calc'!A0\n"));
    expect(res.status).toBe(201);
    const preview = await registrar.call('ticketPool', { params: { poolId: res.body.poolId } });
    expect(preview.body.tickets[0].questions).toEqual(["=cmd|' /C calc'!A0"]);
  });
});
