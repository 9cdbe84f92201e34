import {
  ApiErrorResponse,
  BANK_IMPORT_LIMITS,
  ImportBankBody,
  ImportBankRejected,
  ImportBankResult,
  ParsedQuestion,
} from '@adal/shared';
import { describe, expect, it } from 'vitest';

const single = {
  kind: 'single',
  difficulty: 'simple',
  topic: '',
  stem: 'Capital of Kazakhstan?',
  options: [
    { id: 'a', text: 'Астана' },
    { id: 'b', text: 'Алматы' },
  ],
  correct: ['a'],
};

describe('ParsedQuestion (shared/src/api/banks.ts)', () => {
  it('accepts each kind in the shape the questions table stores', () => {
    expect(ParsedQuestion.safeParse(single).success).toBe(true);
    expect(ParsedQuestion.safeParse({ ...single, kind: 'multiple', correct: ['a', 'b'] }).success).toBe(true);
    const trueFalse = {
      ...single,
      kind: 'true_false',
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correct: ['false'],
    };
    expect(ParsedQuestion.safeParse(trueFalse).success).toBe(true);
    expect(
      ParsedQuestion.safeParse({ ...single, kind: 'short_answer', options: [], correct: ['Астана'] }).success,
    ).toBe(true);
  });

  it.each([
    ['two right answers in a single-answer question', { correct: ['a', 'b'] }],
    ['one right answer in a multiple-answer question', { kind: 'multiple' }],
    ['a right answer that is no option', { correct: ['c'] }],
    [
      'option ids out of order',
      { options: [single.options[1], single.options[0]].map((o, i) => ({ ...o, id: 'ba'[i] })) },
    ],
    ['one option', { options: [{ id: 'a', text: 'Астана' }] }],
    ['options on a short answer', { kind: 'short_answer', correct: ['Астана'] }],
    ['a true/false answer other than true or false', { kind: 'true_false', correct: ['a'] }],
    ['an empty stem', { stem: '  ' }],
    ['an unknown difficulty', { difficulty: 'extreme' }],
    ['an unknown field', { bankId: 'x' }],
  ])('rejects %s', (_, change) => {
    expect(ParsedQuestion.safeParse({ ...single, ...change }).success).toBe(false);
  });
});

describe('bank import HTTP schemas', () => {
  const body = {
    format: 'csv',
    fileName: 'bank.csv',
    text: 'kind,question,correct\n',
    disciplineId: '7d0f3c1e-2b1a-4c5d-8e9f-0a1b2c3d4e5f',
    title: 'Деректер қоры — емтихан',
  };

  it('accepts an import request and its optional defaults', () => {
    expect(ImportBankBody.parse({ ...body, defaultDifficulty: 'medium', defaultTopic: 'SQL' })).toMatchObject(
      {
        defaultDifficulty: 'medium',
      },
    );
  });

  it.each([
    ['an unknown format', { format: 'xlsx' }],
    ['text over the limit', { text: 'x'.repeat(BANK_IMPORT_LIMITS.maxTextChars + 1) }],
    ['an empty text', { text: '' }],
    ['a discipline that is no id', { disciplineId: 'CS201' }],
    ['an empty title', { title: ' ' }],
    ['an unknown field', { bankId: body.disciplineId }],
  ])('rejects %s', (_, change) => {
    expect(ImportBankBody.safeParse({ ...body, ...change }).success).toBe(false);
  });

  it('describes the answers: the new bank, or the file’s errors as an ApiErrorResponse', () => {
    const counts = { simple: 1, medium: 0, hard: 0, total: 1 };
    const byKind = { single: 1, multiple: 0, true_false: 0, short_answer: 0 };
    expect(ImportBankResult.safeParse({ bankId: body.disciplineId, counts, byKind }).success).toBe(true);
    const rejected = {
      error: {
        code: 'validation_failed',
        message: 'The file has 1 error; nothing was imported.',
        lines: [
          { line: 4, message: 'essay questions ({}) are not supported: the platform scores answers itself' },
        ],
        truncated: false,
      },
    };
    expect(ImportBankRejected.safeParse(rejected).success).toBe(true);
    expect(ApiErrorResponse.safeParse(rejected).success).toBe(true);
  });
});
