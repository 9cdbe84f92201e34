import { ParsedQuestion } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { categorySection } from './gift.js';
import { parseBank } from './parse-bank.js';
import { accepted, example, rejections } from './test-helpers.js';

const gift = (text: string, defaults = {}) => parseBank('gift', text, defaults);
const one = (text: string) => {
  const result = accepted(gift(text, { difficulty: 'medium' }));
  expect(result.questions).toHaveLength(1);
  return result.questions[0] as ParsedQuestion;
};

describe('GIFT import', () => {
  it('reads the example bank: every kind, counts per difficulty, topics from categories and comments', () => {
    const result = accepted(gift(example('example.gift.txt')));
    expect(result.counts).toEqual({ simple: 5, medium: 5, hard: 4, total: 14 });
    expect(result.byKind).toEqual({ single: 7, multiple: 2, true_false: 2, short_answer: 3 });
    expect(result.declaredDiscipline).toBe('CS201');
    expect(result.lines).toEqual([8, 15, 17, 19, 21, 25, 31, 34, 36, 38, 43, 51, 53, 56]);
    for (const q of result.questions) expect(ParsedQuestion.safeParse(q).success).toBe(true);
    expect(new Set(result.questions.map((q) => q.topic))).toEqual(
      new Set(['Деректер қоры', 'Нормализация', 'SQL', 'Транзакциялар']),
    );

    const [select, row, alphabet, nullKey, distinct, secondNf] = result.questions;
    expect(select).toEqual({
      kind: 'single',
      difficulty: 'simple',
      topic: 'Деректер қоры',
      stem: 'SQL тілінде кестеден деректерді оқу үшін қай команда қолданылады?',
      options: [
        { id: 'a', text: 'SELECT' },
        { id: 'b', text: 'INSERT' },
        { id: 'c', text: 'UPDATE' },
        { id: 'd', text: 'DELETE' },
      ],
      correct: ['a'],
    });
    // Feedback after '#' is dropped, the answer kept.
    expect(row?.options.map((o) => o.text)).toEqual(['Кортеж', 'Атрибут', 'Домен', 'Схема']);
    expect(alphabet?.stem).toContain('ә, ғ, қ, ң, ө, ұ, ү, һ, і');
    expect(alphabet).toMatchObject({ kind: 'true_false', correct: ['true'] });
    expect(nullKey).toMatchObject({ kind: 'true_false', correct: ['false'] });
    expect(distinct).toMatchObject({
      kind: 'short_answer',
      options: [],
      correct: ['DISTINCT', 'SELECT DISTINCT'],
    });
    expect(secondNf).toMatchObject({
      kind: 'multiple',
      difficulty: 'medium',
      topic: 'Нормализация',
      correct: ['a', 'b'],
    });
    const acid = result.questions[10];
    expect(acid).toMatchObject({ kind: 'multiple', difficulty: 'hard', correct: ['a', 'b', 'c', 'd'] });
    expect(acid?.options).toHaveLength(5);
  });

  it('unescapes \\: \\# \\= \\~ \\{ \\} \\\\ and \\n', () => {
    const q = one(
      'Ratio 1\\:2, tag \\#1, a\\=b, x\\~y, set \\{1\\}, C:\\\\temp,\\nsecond line {=\\{\\} ~\\#}',
    );
    expect(q.stem).toBe('Ratio 1:2, tag #1, a=b, x~y, set {1}, C:\\temp,\nsecond line');
    expect(q.options.map((o) => o.text)).toEqual(['{}', '#']);
  });

  it('drops the ::title:: and keeps the question text', () => {
    expect(one('::Q1 \\:: part:: What is 2+2? {=4 ~5}').stem).toBe('What is 2+2?');
  });

  it('turns [html] into plain text and keeps [markdown] and [plain] as written', () => {
    const html = one(
      '[html]<p>Which is <b>bigger</b>?<br>Choose&nbsp;one &amp; only one.</p> {=&lt;b&gt; ~&\\#8804;}',
    );
    expect(html.stem).toBe('Which is bigger?\nChoose one & only one.');
    expect(html.options.map((o) => o.text)).toEqual(['<b>', '≤']);
    expect(one('[markdown]Is **this** bold? {T}').stem).toBe('Is **this** bold?');
    expect(one('[plain]Is <b> a tag? {TRUE}').stem).toBe('Is <b> a tag?');
  });

  it('reads answers spread over lines, with Moodle comments between them', () => {
    const q = one('Capital of Kazakhstan?\n{\n  =Астана\n// a comment inside the question\n  ~Алматы\n}');
    expect(q).toMatchObject({ kind: 'single', stem: 'Capital of Kazakhstan?', correct: ['a'] });
    expect(q.options.map((o) => o.text)).toEqual(['Астана', 'Алматы']);
  });

  it('makes one positive weight single, several multiple; negative weights are wrong options', () => {
    expect(one('Pick {~%100%a ~%-50%b ~c}')).toMatchObject({ kind: 'single', correct: ['a'] });
    expect(one('Pick {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}')).toMatchObject({
      kind: 'multiple',
      correct: ['a', 'b', 'c'],
    });
  });

  it('ignores general feedback (####) and true/false feedback', () => {
    expect(one('Sky is blue {T#no#yes####Rayleigh scattering}')).toMatchObject({
      kind: 'true_false',
      correct: ['true'],
    });
    expect(one('Pick {=a#right ~b#wrong ####General}').options.map((o) => o.text)).toEqual(['a', 'b']);
  });

  it('reads CRLF files with the same line numbers', () => {
    const crlf = example('example.gift.txt').replace(/\n/g, '\r\n');
    expect(accepted(gift(crlf)).lines).toEqual(accepted(gift(example('example.gift.txt'))).lines);
    expect(rejections(gift('Q1 {=a ~b}\r\n\r\nQ2 {#1}\r\n', { difficulty: 'simple' }))).toEqual([
      '3: numerical questions ({#…}) are not supported; use a short answer {=42}',
    ]);
  });

  it('rejects what the platform cannot score, with the line and the reason', () => {
    expect(rejections(gift(example('broken/unsupported.gift.txt')))).toEqual([
      '4: numerical questions ({#…}) are not supported; use a short answer {=42}',
      '7: matching questions (=… -> …) are not supported',
      '11: text after the answer block: missing-word questions (answers inside the sentence) are not supported; put { … } at the end',
      '13: essay questions ({}) are not supported: the platform scores answers itself',
      '15: no answer block { … }: a question needs its answers in braces (Moodle "description" items are not supported)',
      '17: partial credit is not supported: a question has one right answer (=) or several (~%N% adding up to 100%)',
      "20: the right answers' weights add up to 80%; they must add up to 100%",
      "25: no right answer: mark it with '=' or give right answers a weight ~%50%",
      "27: '{' is never closed with '}'",
      '29: images are not supported: the question would lose its picture',
      '31: unknown difficulty "very hard": use simple, medium or hard (or лёгкий/средний/сложный, жеңіл/орташа/қиын, 1/2/3)',
      '32: partial credit (=%50%) is not supported: every accepted short answer is fully right',
    ]);
  });

  it('rejects other malformed answer blocks', () => {
    const errors = (text: string) => rejections(gift(text, { difficulty: 'simple' }));
    expect(errors('Q {=a =b ~c}')).toEqual([
      "1: more than one '=' among '~' answers: for several right answers write ~%50%… with weights adding up to 100%",
    ]);
    expect(errors('Q {Astana}')).toEqual([
      "1: answers must start with '=' (right) or '~' (wrong); true/false is {T} or {F}",
    ]);
    expect(errors('Q {=a ~}')).toEqual(["1: an empty answer after '~'"]);
    expect(errors('Q {=a {b} ~c}')).toEqual([
      "1: '{' inside an answer block: write \\{ for a brace in an answer",
    ]);
    expect(errors('::Title {=a ~b}')).toEqual(["1: the question title's '::' is never closed"]);
    expect(errors('::Title:: {=a ~b}')).toEqual(['1: the question has no text before its answers']);
    expect(errors('Q {~%150%a ~b}')).toEqual(['1: a weight of 150% is more than 100%']);
    expect(errors('Q {=a ~b ~c ~d ~e ~f ~g ~h ~i ~j ~k}')).toEqual(['1: 11 options; at most 10 are allowed']);
    expect(errors('Q {=a ~A}')).toEqual(['1: options A and B are the same']);
  });
});

describe('GIFT difficulty and topic', () => {
  it('takes the difficulty from the last comment, then the category, then the importer’s default', () => {
    const text = [
      '$CATEGORY: $course$/top/Default for CS201/Алгебра/hard',
      'Q1 {T}',
      '',
      '// difficulty: лёгкий',
      'Q2 {T}',
      '',
      '// сложность: Средний',
      '// тақырып: Геометрия',
      'Q3 {T}',
      '',
      '$CATEGORY: $course$/top/Тригонометрия',
      'Q4 {T}',
    ].join('\n');
    const result = accepted(gift(text, { difficulty: 'simple', topic: 'Жалпы' }));
    expect(result.questions.map((q) => [q.difficulty, q.topic])).toEqual([
      ['hard', 'Алгебра'],
      ['simple', 'Алгебра'],
      ['medium', 'Геометрия'],
      // A new category starts afresh: its topic, and the default difficulty.
      ['simple', 'Тригонометрия'],
    ]);
  });

  it('rejects a question with no difficulty when the importer gives no default', () => {
    expect(rejections(gift('// topic: Sets\n\nQ1 {T}\n'))).toEqual([
      '3: no difficulty: add a "// difficulty: …" line or a difficulty column (use simple, medium or hard (or лёгкий/средний/сложный, жеңіл/орташа/қиын, 1/2/3)), or choose a default',
    ]);
  });

  it('applies a comment to the questions that start after it', () => {
    const result = accepted(gift('Q1\n// difficulty: hard\n{T}\n\nQ2 {F}', { difficulty: 'simple' }));
    expect(result.questions.map((q) => q.difficulty)).toEqual(['simple', 'hard']);
  });

  it('reads category paths: Moodle segments skipped, // is a slash, numbers are not difficulties', () => {
    expect(categorySection('$course$/top/Default for CS201/Databases/SQL/medium')).toEqual({
      topic: 'SQL',
      difficulty: 'medium',
    });
    expect(categorySection('$course$/top/Input//Output/1')).toEqual({ topic: '1' });
    expect(categorySection('top/қиын/Графтар')).toEqual({ difficulty: 'hard', topic: 'Графтар' });
    expect(categorySection('$course$/top')).toEqual({});
  });
});
