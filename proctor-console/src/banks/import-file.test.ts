import { BANK_IMPORT_LIMITS } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  groupByLine,
  guessFormat,
  importFieldErrors,
  importOutcome,
  progressPercent,
  textProblem,
  titleFromFileName,
} from './import-file.js';

const BANK = 'bbbbbbbb-0000-4000-8000-000000000001';

describe('guessFormat', () => {
  it('knows CSV and GIFT by extension, in any letter case', () => {
    expect(guessFormat('bank.csv')).toBe('csv');
    expect(guessFormat('BANK.CSV')).toBe('csv');
    expect(guessFormat('moodle-export.gift')).toBe('gift');
  });

  it('reads the double extensions of the example files', () => {
    expect(guessFormat('example.gift.txt')).toBe('gift');
    expect(guessFormat('example.aiken.txt')).toBe('aiken');
  });

  it('asks for a plain .txt or anything else', () => {
    expect(guessFormat('questions.txt')).toBeNull();
    expect(guessFormat('questions.docx')).toBeNull();
    expect(guessFormat('csv')).toBeNull();
  });
});

describe('titleFromFileName', () => {
  it('drops the extensions and underscores', () => {
    expect(titleFromFileName('example.gift.txt')).toBe('example');
    expect(titleFromFileName('Деректер_қоры 2026.csv')).toBe('Деректер қоры 2026');
    expect(titleFromFileName('C:\\fakepath\\bank.v2.txt')).toBe('bank.v2');
  });

  it('keeps a name that is only an extension', () => {
    expect(titleFromFileName('.csv')).toBe('.csv');
  });
});

describe('textProblem', () => {
  it('refuses an empty file and one over the server limit', () => {
    expect(textProblem(' \n ')).toBe('emptyFile');
    expect(textProblem('x'.repeat(BANK_IMPORT_LIMITS.maxTextChars + 1))).toBe('tooLarge');
    expect(textProblem('x'.repeat(BANK_IMPORT_LIMITS.maxTextChars))).toBeNull();
  });
});

describe('importOutcome', () => {
  const counts = { simple: 5, medium: 5, hard: 4, total: 14 };
  const byKind = { single: 5, multiple: 3, true_false: 3, short_answer: 3 };

  it('reads a 201 as the new bank', () => {
    expect(importOutcome(201, { bankId: BANK, counts, byKind })).toEqual({
      kind: 'imported',
      result: { bankId: BANK, counts, byKind },
    });
  });

  it('turns a rejected file into its lines, grouped and in order, with the truncation flag', () => {
    const body = {
      error: {
        code: 'validation_failed',
        message: 'x.csv: nothing was imported',
        lines: [
          { line: 12, message: 'the same question as on line 2' },
          { line: 3, message: 'kind "choice"' },
          { line: 12, message: 'too long' },
        ],
        truncated: true,
      },
    };
    expect(importOutcome(400, body)).toEqual({
      kind: 'rejected',
      lines: [
        { line: 3, messages: ['kind "choice"'] },
        { line: 12, messages: ['the same question as on line 2', 'too long'] },
      ],
      truncated: true,
    });
  });

  it('keeps field errors of a 400 without lines, as the api client would', () => {
    const outcome = importOutcome(400, {
      error: {
        code: 'validation_failed',
        message: 'No such discipline.',
        fields: [{ path: 'body.disciplineId', message: 'no such discipline' }],
      },
    });
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.error.code).toBe('validation_failed');
    expect([...importFieldErrors(outcome.error)]).toEqual(['disciplineId']);
  });

  it('names the file for errors on its text or name', () => {
    const outcome = importOutcome(400, {
      error: {
        code: 'validation_failed',
        message: 'Invalid body.',
        fields: [
          { path: 'body.text', message: 'too long' },
          { path: 'body.fileName', message: 'empty' },
          { path: 'body.title', message: 'empty' },
          { path: 'body.unknown', message: 'x' },
        ],
      },
    });
    expect(outcome.kind === 'failed' && [...importFieldErrors(outcome.error)]).toEqual(['file', 'title']);
  });

  it('maps other statuses to the api client error codes', () => {
    const tooLarge = importOutcome(413, { error: { code: 'payload_too_large', message: 'big' } });
    expect(tooLarge.kind === 'failed' && tooLarge.error.code).toBe('payload_too_large');
    const gone = importOutcome(401, { error: { code: 'unauthenticated', message: 'Log in first.' } });
    expect(gone.kind === 'failed' && gone.error.code).toBe('unauthenticated');
    const proxy = importOutcome(502, undefined);
    expect(proxy.kind === 'failed' && proxy.error.code).toBe('internal');
    const odd = importOutcome(201, { bankId: 'not-a-uuid' });
    expect(odd.kind === 'failed' && odd.error.code).toBe('bad_response');
  });
});

describe('groupByLine', () => {
  it('is empty for no errors', () => {
    expect(groupByLine([])).toEqual([]);
  });
});

describe('progressPercent', () => {
  it('gives whole percents of the current phase, and none while the server checks', () => {
    expect(progressPercent({ phase: 'reading', loaded: 1, total: 3 })).toBe(33);
    expect(progressPercent({ phase: 'uploading', loaded: 3, total: 3 })).toBe(100);
    expect(progressPercent({ phase: 'uploading', loaded: 0, total: 0 })).toBeNull();
    expect(progressPercent({ phase: 'checking' })).toBeNull();
  });
});
