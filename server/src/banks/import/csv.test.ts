import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './csv.js';
import { parseBank } from './parse-bank.js';
import { accepted, example, rejections } from './test-helpers.js';

const csv = (text: string, defaults = {}) => parseBank('csv', text, defaults);
const HEADER = 'kind,difficulty,topic,question,option_a,option_b,option_c,correct';

describe('CSV import', () => {
  it('reads the example template: every kind, Russian and Kazakh difficulty words, quoted fields', () => {
    const result = accepted(csv(example('example.csv')));
    expect(result.counts).toEqual({ simple: 5, medium: 5, hard: 4, total: 14 });
    expect(result.byKind).toEqual({ single: 5, multiple: 3, true_false: 3, short_answer: 3 });
    // Row 7 holds a line break inside quotes, so the next question starts on line 10.
    expect(result.lines).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16]);
    const [first, , , mac, dns, transport, router] = result.questions;
    expect(first).toEqual({
      kind: 'single',
      difficulty: 'simple',
      topic: 'Желілер',
      stem: 'OSI моделінде неше деңгей бар?',
      options: [
        { id: 'a', text: '5' },
        { id: 'b', text: '7' },
        { id: 'c', text: '4' },
        { id: 'd', text: '9' },
      ],
      correct: ['b'],
    });
    expect(mac).toMatchObject({
      kind: 'short_answer',
      options: [],
      correct: ['MAC', 'MAC address', 'MAC-мекенжай'],
    });
    expect(dns).toMatchObject({
      kind: 'true_false',
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correct: ['true'],
    });
    expect(transport).toMatchObject({ kind: 'multiple', correct: ['a', 'b'] });
    expect(transport?.options[3]?.text).toBe('HTTP, HTTPS');
    expect(router?.stem).toBe('Which device forwards packets between networks\nusing their IP addresses?');
  });

  it('reads what Excel writes in a Russian locale: BOM, semicolons, CRLF, empty rows', () => {
    const text = example('excel-ru.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const result = accepted(csv(text));
    expect(result.counts).toEqual({ simple: 1, medium: 2, hard: 1, total: 4 });
    expect(result.lines).toEqual([2, 3, 4, 6]);
    expect(result.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'true_false', 'short_answer']);
    expect(result.questions[1]?.stem).toBe('Какие из команд относятся к DDL; выберите все верные.');
    expect(result.questions[2]).toMatchObject({
      stem: 'Уровень изоляции SERIALIZABLE\nисключает фантомное чтение.',
    });
    expect(result.questions[3]?.correct).toEqual(['Бастапқы кілт', 'Первичный ключ', 'Primary key']);
  });

  it('picks the delimiter from the header row', () => {
    expect(detectDelimiter(HEADER)).toBe(',');
    expect(detectDelimiter(HEADER.replaceAll(',', ';'))).toBe(';');
    expect(detectDelimiter(HEADER.replaceAll(',', '\t'))).toBe('\t');
    expect(detectDelimiter('"kind";"question";"correct"')).toBe(';');
  });

  it('takes defaults for empty difficulty and topic cells, and columns in any order', () => {
    const text = 'question,correct,kind,option_a,option_b\nCapital of Kazakhstan?,A,single,Астана,Алматы\n';
    const q = accepted(csv(text, { difficulty: 'medium', topic: 'Geography' })).questions[0];
    expect(q).toMatchObject({ difficulty: 'medium', topic: 'Geography', correct: ['a'] });
  });

  it('reads Cyrillic look-alike letters and other separators in "correct"', () => {
    const text = `${HEADER}\nmultiple,hard,T,Q?,x,y,z,"А, С"\nmultiple,hard,T,Q2?,x,y,z,b c\n`;
    expect(accepted(csv(text)).questions.map((q) => q.correct)).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it('rejects broken rows with the line and the reason', () => {
    expect(rejections(csv(example('broken/broken.csv')))).toEqual([
      '3: kind "choice": use single, multiple, true_false or short_answer',
      '4: unknown difficulty "easy-ish": use simple, medium or hard (or лёгкий/средний/сложный, жеңіл/орташа/қиын, 1/2/3)',
      '5: option_b is empty but a later option is filled',
      '6: "correct" lists C, but option_c is empty',
      '7: a single-answer question has one letter in "correct", not 2: use kind "multiple"',
      '8: a multiple-answer question has at least two letters in "correct": use kind "single"',
      '9: a true_false question takes no options: put the answer in "correct" only',
      '10: "correct" of a true/false question is true or false, not "maybe"',
      '11: "correct" is empty',
      '12: the same question as on line 2',
      '13: more values than header columns: text with a comma or semicolon must be in double quotes',
      '14: a quoted text (") that starts in this row is never closed',
    ]);
  });

  it('rejects a header without the template’s columns', () => {
    expect(rejections(csv('kind,questoin,answer\nsingle,Q,A\n'))).toEqual([
      '1: unknown column "questoin": the template\'s columns are kind, difficulty, topic, question, option_a…option_j, correct, discipline, comment',
      '1: unknown column "answer": the template\'s columns are kind, difficulty, topic, question, option_a…option_j, correct, discipline, comment',
      '1: the header row has no "question" column',
      '1: the header row has no "correct" column',
    ]);
    expect(rejections(csv('kind,question,correct,kind\n'))).toEqual(['1: column "kind" appears twice']);
    expect(rejections(csv(example('example.gift.txt')))).toEqual([
      "1: the first line is not the template's header row (kind, difficulty, topic, question, option_a…option_j, correct, discipline, comment): is this a CSV file made from the template?",
    ]);
  });

  it('reports a broken quote on the line of its row, after a quoted line break', () => {
    const text = `${HEADER}\nsingle,simple,T,"Two\nlines",a,b,,A\n\nsingle,simple,T,"Open,a,b,,A\n`;
    expect(rejections(csv(text))).toEqual(['5: a quoted text (") that starts in this row is never closed']);
  });
});
