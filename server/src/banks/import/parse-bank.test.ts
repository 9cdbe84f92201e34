import { BANK_IMPORT_LIMITS, ParsedQuestion } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { parseBank } from './parse-bank.js';
import { accepted, example, rejections } from './test-helpers.js';

const DIFFICULTIES = ['simple', 'medium', 'hard'] as const;

/** A bank of `count` questions, all kinds in turn, each stem unique. */
function generatedGift(count: number): string {
  const blocks: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = `// difficulty: ${DIFFICULTIES[i % 3]}\n::Q${i}:: Сұрақ №${i}: әғқңөұүһі?`;
    const answers = ['{=дұрыс ~қате ~басқа}', '{~%50%a ~%50%b ~%-100%c}', '{T}', `{=${i} =жауап ${i}}`][
      i % 4
    ];
    blocks.push(`${head} ${answers}`);
  }
  return blocks.join('\n\n');
}

describe('an import is all-or-nothing', () => {
  it('returns no questions when one question of a good file is bad', () => {
    const good = example('example.gift.txt');
    expect(accepted(parseBank('gift', good)).counts.total).toBe(14);
    const result = parseBank('gift', `${good}\n\n::Bad:: Essay? {}\n`);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 59, message: 'essay questions ({}) are not supported: the platform scores answers itself' },
      ],
      truncated: false,
    });
  });

  it('lists errors sorted by line, at most 100, and says when there were more', () => {
    const text = Array.from({ length: 150 }, (_, i) => `Q${i} {#${i}}`).join('\n\n');
    const result = parseBank('gift', text, { difficulty: 'simple' });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toHaveLength(BANK_IMPORT_LIMITS.maxErrors);
    expect(result.truncated).toBe(true);
    expect(result.errors.map((e) => e.line)).toEqual(Array.from({ length: 100 }, (_, i) => 1 + 2 * i));
  });

  it('rejects an empty file', () => {
    expect(rejections(parseBank('gift', '// only comments\n\n'))).toEqual(['1: the file has no questions']);
    expect(rejections(parseBank('csv', 'kind,question,correct\n'))).toEqual(['1: the file has no questions']);
    expect(rejections(parseBank('aiken', ''))).toEqual(['1: the file has no questions']);
  });
});

describe('limits and duplicates', () => {
  it('parses a generated bank of 5,000 questions', () => {
    const result = accepted(parseBank('gift', generatedGift(5_000)));
    expect(result.counts).toEqual({ simple: 1667, medium: 1667, hard: 1666, total: 5000 });
    expect(result.byKind).toEqual({ single: 1250, multiple: 1250, true_false: 1250, short_answer: 1250 });
    expect(result.lines[4999]).toBe(4999 * 3 + 2);
    expect(result.questions[4999]).toMatchObject({ kind: 'short_answer', correct: ['4999', 'жауап 4999'] });
  });

  it('parses a generated CSV of 5,000 questions', () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) =>
        `single;${DIFFICULTIES[i % 3]};Тақырып ${i % 7};"Сұрақ ${i}; ә ғ қ ң ө ұ ү һ і";a${i};b${i};c${i};B`,
    );
    const text = `\uFEFFkind;difficulty;topic;question;option_a;option_b;option_c;correct\r\n${rows.join('\r\n')}\r\n`;
    const result = accepted(parseBank('csv', text));
    expect(result.counts.total).toBe(5_000);
    expect(result.lines[4999]).toBe(5001);
    expect(result.questions[4999]).toMatchObject({ stem: 'Сұрақ 4999; ә ғ қ ң ө ұ ү һ і', correct: ['b'] });
  });

  it('rejects more than 5,000 questions at the first one too many', () => {
    const errors = rejections(parseBank('gift', generatedGift(5_001)));
    expect(errors).toEqual([
      `${5000 * 3 + 2}: more than 5,000 questions in one file: split it into several banks`,
    ]);
  });

  it('rejects a file over 2 MB before reading it', () => {
    const text = `Q {T}\n${'x'.repeat(BANK_IMPORT_LIMITS.maxTextChars)}`;
    expect(rejections(parseBank('gift', text))).toEqual([
      '1: the file is larger than 2 MB: split it into several banks',
    ]);
  });

  it('rejects texts over the length limits, with the numbers', () => {
    const long = 'ы'.repeat(4_001);
    expect(rejections(parseBank('gift', `${long} {T}`, { difficulty: 'simple' }))).toEqual([
      '1: the question is 4,001 characters long; at most 4,000 are allowed',
    ]);
    expect(rejections(parseBank('gift', `Q {=a ~${'b'.repeat(1_001)}}`, { difficulty: 'simple' }))).toEqual([
      '1: option B is 1,001 characters long; at most 1,000 are allowed',
    ]);
    const accepted21 = Array.from({ length: 21 }, (_, i) => `=${i}`).join(' ');
    expect(rejections(parseBank('gift', `Q {${accepted21}}`, { difficulty: 'simple' }))).toEqual([
      '1: 21 accepted answers; at most 20 are allowed',
    ]);
    expect(
      rejections(parseBank('gift', `// topic: ${'t'.repeat(201)}\nQ {T}`, { difficulty: 'simple' })),
    ).toEqual(['2: the topic is longer than 200 characters']);
  });

  it('reports a repeated question on its line, naming the first', () => {
    const text =
      'Capital of Kazakhstan? {=Астана ~Алматы}\n\n// difficulty: hard\nCAPITAL of  Kazakhstan? {~Алматы =Астана}';
    expect(rejections(parseBank('gift', text, { difficulty: 'simple' }))).toEqual([
      '4: the same question as on line 1',
    ]);
  });

  it('keeps questions that share a stem but not their options ("Which is true?")', () => {
    const text = 'Which is true? {=Water is wet ~Fire is cold}\n\nWhich is true? {=Ice is cold ~Snow is hot}';
    expect(accepted(parseBank('gift', text, { difficulty: 'simple' })).counts.total).toBe(2);
  });

  it('rejects the same accepted short answer twice', () => {
    expect(rejections(parseBank('gift', 'Q {=Астана =астана}', { difficulty: 'simple' }))).toEqual([
      '1: the same accepted answer is given twice',
    ]);
  });

  it('gives every question the shape the questions table stores', () => {
    for (const [format, file] of [
      ['gift', 'example.gift.txt'],
      ['aiken', 'example.aiken.txt'],
      ['csv', 'example.csv'],
      ['csv', 'excel-ru.csv'],
    ] as const) {
      for (const q of accepted(parseBank(format, example(file))).questions) {
        expect(ParsedQuestion.parse(q)).toEqual(q);
      }
    }
  });
});

describe('text that is not a readable file', () => {
  it('rejects a Windows code page file saved without UTF-8', () => {
    const text = 'kind,question,correct\nsingle,\uFFFD\uFFFD\uFFFD?,A\n';
    expect(rejections(parseBank('csv', text))).toEqual([
      '2: the file is not UTF-8 text: save it as "UTF-8" (in Excel: "CSV UTF-8")',
    ]);
  });

  it('rejects a binary file', () => {
    expect(rejections(parseBank('gift', 'PK\u0003\u0004\u0000\u0000'))).toEqual([
      '1: this is not a text file (a Word or Excel file?): save it as plain text or CSV UTF-8',
    ]);
  });

  it('treats decomposed and composed letters (й, ё) as the same text', () => {
    const decomposed = 'Йод'.normalize('NFD');
    expect(decomposed).not.toBe('Йод');
    const text = `Йод — галоген? {T}\n\n${decomposed} — галоген? {T}`;
    expect(rejections(parseBank('gift', text, { difficulty: 'simple' }))).toEqual([
      '3: the same question as on line 1',
    ]);
  });
});

describe('the discipline a file names', () => {
  const bank = { code: 'CS201', name: 'Деректер қоры' };

  it('is accepted when it is the bank’s, by code or by name', () => {
    expect(
      accepted(parseBank('gift', example('example.gift.txt'), { discipline: bank })).declaredDiscipline,
    ).toBe('CS201');
    const byName = '// пән: деректер ҚОРЫ\n// difficulty: simple\nQ {T}';
    expect(accepted(parseBank('gift', byName, { discipline: bank })).declaredDiscipline).toBe(
      'деректер ҚОРЫ',
    );
  });

  it('rejects a file for another discipline', () => {
    expect(rejections(parseBank('aiken', example('example.aiken.txt'), { discipline: bank }))).toEqual([
      '4: the file is for the discipline "CS202", but the bank belongs to CS201 "Деректер қоры"',
    ]);
  });

  it('rejects a file that names two disciplines', () => {
    const text =
      'kind,question,option_a,option_b,correct,discipline,difficulty\nsingle,Q1,a,b,A,CS201,simple\nsingle,Q2,a,b,A,CS202,simple\n';
    expect(rejections(parseBank('csv', text))).toEqual([
      '3: the file names two disciplines: "CS201" (line 2) and "CS202"',
    ]);
  });
});
