import { describe, expect, it } from 'vitest';
import { parseBank } from './parse-bank.js';
import { accepted, example, rejections } from './test-helpers.js';

const aiken = (text: string, defaults = {}) => parseBank('aiken', text, defaults);

describe('Aiken import', () => {
  it('reads the example bank: single answers, difficulty and topic from comments', () => {
    const result = accepted(aiken(example('example.aiken.txt')));
    expect(result.counts).toEqual({ simple: 4, medium: 4, hard: 4, total: 12 });
    expect(result.byKind).toEqual({ single: 12, multiple: 0, true_false: 0, short_answer: 0 });
    expect(result.declaredDiscipline).toBe('CS202');
    expect(result.questions[0]).toEqual({
      kind: 'single',
      difficulty: 'simple',
      topic: 'Алгоритмдер',
      stem: 'Алгоритмнің уақыт бойынша күрделілігін бағалау үшін қандай белгілеу қолданылады?',
      options: [
        { id: 'a', text: '«Үлкен O» белгілеуі' },
        { id: 'b', text: 'Венн диаграммасы' },
        { id: 'c', text: 'Блок-схема' },
        { id: 'd', text: 'ER-диаграмма' },
      ],
      correct: ['a'],
    });
    // "A)" works as well as "A.".
    expect(result.questions[1]?.options[0]).toEqual({ id: 'a', text: 'O(log n)' });
    expect(result.questions.map((q) => q.topic)).toEqual([
      ...Array(4).fill('Алгоритмдер'),
      ...Array(4).fill('Сортировка'),
      ...Array(4).fill('Графтар'),
    ]);
  });

  it('keeps a question over several lines, indentation of code included', () => {
    const result = accepted(aiken(example('example.aiken.txt')));
    expect(result.questions[7]?.stem).toBe(
      'Что выведет программа на Python?\nfor i in range(3):\n    print(i, end=" ")',
    );
    expect(result.lines[7]).toBe(57);
  });

  it('reads Cyrillic look-alike letters (А, В, С) as Latin', () => {
    const q = accepted(aiken('Столица?\nА) Астана\nВ) Алматы\nС) Шымкент\nANSWER: С', { difficulty: 'hard' }))
      .questions[0];
    expect(q?.options.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(q?.correct).toEqual(['c']);
  });

  it('takes the first line as question text even when it looks like an option', () => {
    const q = accepted(
      aiken('А. Байтұрсынұлы қай жылы туған?\nA. 1872\nB. 1873\nANSWER: A', { difficulty: 'simple' }),
    ).questions[0];
    expect(q?.stem).toBe('А. Байтұрсынұлы қай жылы туған?');
  });

  it('reads CRLF files with the same line numbers', () => {
    const crlf = example('example.aiken.txt').replace(/\n/g, '\r\n');
    expect(accepted(aiken(crlf)).lines).toEqual(accepted(aiken(example('example.aiken.txt'))).lines);
  });

  it('rejects broken questions with the line and the reason', () => {
    expect(rejections(aiken(example('broken/broken.aiken.txt')))).toEqual([
      "9: expected option D. or 'ANSWER: …': the question on line 4 has no ANSWER line, or an option runs over two lines",
      '12: ANSWER D is not among the options A–B',
      '14: a choice question needs at least 2 options; this one has 1',
      '22: Aiken has one right answer per question; for several use GIFT or the CSV template',
      '26: option "Б)": Aiken options are lettered with Latin A, B, C…',
      "29: 'ANSWER:' without a question before it",
      '33: option C where B was expected: letter options A, B, C… in order',
      "36: the question ends without an 'ANSWER: …' line",
    ]);
  });

  it('rejects an ANSWER that is not one letter, and an ANSWER before the options', () => {
    expect(rejections(aiken('Q?\nA. x\nB. y\nANSWER: yes', { difficulty: 'simple' }))).toEqual([
      `4: 'ANSWER:' needs one option letter (A, B, C…), not "yes"`,
    ]);
    expect(rejections(aiken('Q?\nANSWER: A', { difficulty: 'simple' }))).toEqual([
      "2: 'ANSWER:' comes before any option (A. … B. …)",
    ]);
  });
});
