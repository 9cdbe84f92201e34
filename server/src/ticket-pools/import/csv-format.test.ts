import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './csv-format.js';
import { parseTicketPool, parseTicketSource } from './parse-pool.js';
import { accepted, exampleBytes, rejections, utf8 } from './test-helpers.js';

const csv = (source: string) => parseTicketSource(source, 'utf-8', 'csv');

/** Bytes as Excel saves "CSV (разделители — точка с запятой)" in a Russian locale. */
const windows1251 = (text: string) => {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => table.get(ch) ?? 0x3f)); // "?" as Excel writes for a missing letter
};

describe('CSV format', () => {
  it('reads the example: quoted commas, a line break in quotes, a comment column', () => {
    const result = accepted(parseTicketPool(exampleBytes('tickets.csv')));
    expect(result).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(result.counts).toEqual({ tickets: 3, questions: { min: 3, max: 3, total: 9 } });
    expect(result.tickets[1]?.questions).toEqual([
      'Объясните алгоритм Дейкстры и докажите его корректность для неотрицательных весов.',
      'Сравните сортировку слиянием, пирамидальную и быструю сортировки.',
      'Опишите сбалансированные деревья поиска:\nAVL и красно-чёрные.',
    ]);
  });

  it('reads what Excel saves in a Russian locale: Windows-1251, semicolons, CRLF, an empty row', () => {
    const bytes = exampleBytes('excel-ru.csv');
    expect(bytes.includes(0xd0)).toBe(false); // no UTF-8 Cyrillic lead bytes: a real Windows-1251 file
    expect(new TextDecoder('latin1').decode(bytes)).toContain('\r\n');
    const result = accepted(parseTicketPool(bytes));
    expect(result).toMatchObject({ format: 'csv', encoding: 'windows-1251' });
    expect(result.tickets.map((t) => [t.number, t.questions.length])).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
    expect(result.tickets[1]?.questions[1]).toBe(
      'Какие уровни изоляции транзакций существуют; чем они отличаются?',
    );
    expect(result.tickets[2]?.questions[1]).toBe(
      'Напишите запрос SELECT с соединением двух таблиц\nи группировкой.',
    );
  });

  it('reads UTF-8 with a byte-order mark, Kazakh column names in any order, a ticket’s rows apart', () => {
    const source =
      '\uFEFFСұрақ;Билет нөмірі\r\nСтек дегеніміз не?;2\r\nКезек дегеніміз не?;1\r\n"1. Граф; ағаш";2\r\n';
    const result = accepted(parseTicketPool(utf8(source)));
    expect(result).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(result.tickets).toEqual([
      { number: 1, questions: ['Кезек дегеніміз не?'] },
      { number: 2, questions: ['Стек дегеніміз не?', 'Граф; ағаш'] },
    ]);
  });

  it('reads Excel’s “Unicode text”: UTF-16 with a byte-order mark, tab-separated', () => {
    const source = '\uFEFFticket\tquestion\r\n1\tҚазақ әліпбиінде неше әріп бар?\r\n';
    const bytes = new Uint8Array(source.length * 2);
    for (let i = 0; i < source.length; i++) {
      bytes[2 * i] = source.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = source.charCodeAt(i) >> 8;
    }
    const result = accepted(parseTicketPool(bytes));
    expect(result).toMatchObject({ format: 'csv', encoding: 'utf-16' });
    expect(result.tickets[0]?.questions).toEqual(['Қазақ әліпбиінде неше әріп бар?']);
  });

  it('refuses Kazakh text saved in Windows-1251, where Excel put "?" for the Kazakh letters', () => {
    const bytes = windows1251(
      'Билет;Вопрос\r\n1;Қазақстанның астанасы?\r\n2;Что такое стек?\r\n3;Ұлттық валюта?\r\n',
    );
    const lines = rejections(parseTicketPool(bytes));
    expect(lines.map((l) => l.split(':')[0])).toEqual(['2', '4']);
    expect(lines[0]).toContain('Windows-1251, which has no Kazakh letters');
  });

  it('picks the delimiter from the header row', () => {
    expect(detectDelimiter('ticket,question').delimiter).toBe(',');
    expect(detectDelimiter('Билет;Вопрос').delimiter).toBe(';');
    expect(detectDelimiter('ticket\tquestion\tcomment').delimiter).toBe('\t');
    expect(detectDelimiter('"ticket";"question"').delimiter).toBe(';');
  });

  it('refuses the broken example, each row on its line', () => {
    expect(rejections(parseTicketPool(exampleBytes('broken/broken.csv')))).toEqual([
      '3: the ticket cell is empty: write the ticket number on every row (merged cells in Excel keep it only on the first)',
      '4: ticket number 0: write a whole number from 1 to 9,999',
      '5: ticket number "abc" is not a positive whole number: write a whole number from 1 to 9,999',
      '6: the question is empty',
      '7: more values than header columns: a question with a comma or semicolon must be in double quotes',
    ]);
  });

  it('refuses unknown, repeated and missing columns on the header line', () => {
    expect(rejections(csv('ticket,question,points\n1,Q?,5\n'))).toEqual([
      '1: unknown column "points": the columns are ticket (билет), question (вопрос, сұрақ), and optionally comment',
    ]);
    expect(rejections(csv('ticket,вопрос,question\n1,Q?,R?\n'))).toEqual([
      '1: the question column appears twice',
    ]);
    expect(rejections(csv('ticket,comment\n1,x\n'))).toEqual([
      '1: the header row has no question column: the first line names the columns (ticket (билет), question (вопрос, сұрақ), and optionally comment)',
    ]);
  });

  it('takes a file without the header row for the text format, and says what it lacks', () => {
    expect(rejections(parseTicketPool(utf8('1,What is a stack?\n2,What is a queue?\n')))[0]).toMatch(
      /^1: text before the first ticket heading/,
    );
  });

  it('refuses a quote never closed, the same question twice in a ticket, and a file with only a header', () => {
    expect(rejections(csv('ticket,question\n1,Q?\n\n2,"Never closed\n3,R?\n'))).toEqual([
      '4: a quoted text (") that starts in this row is never closed',
    ]);
    expect(rejections(csv('ticket,question\n1,What is a stack?\n2,Other?\n1,what  is a STACK?\n'))).toEqual([
      '4: the same question as on line 2, in the same ticket 1',
    ]);
    expect(rejections(csv('ticket,question\n,,\n'))).toEqual([
      '1: the file has no tickets: after the header row, one row per question',
    ]);
  });
});
