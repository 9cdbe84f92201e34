import type { BankSummary, BlueprintState } from '@adal/shared';
import { ApiError } from '@adal/shared/web';
import { describe, expect, it } from 'vitest';
import { availableIn, checkDraft, draftFrom, paperSize, serverPaperErrors } from './test-paper.js';

const BANK = 'bbbbbbbb-0000-4000-8000-000000000001';
const OTHER = 'bbbbbbbb-0000-4000-8000-000000000002';
const DISCIPLINE = 'dddddddd-0000-4000-8000-000000000001';

const state: BlueprintState = {
  blueprint: { simple: 3, medium: 3, hard: 2, shuffleQuestions: true, shuffleOptions: false },
  bankId: BANK,
  available: { simple: 4, medium: 4, hard: 4 },
};

const other: BankSummary = {
  bankId: OTHER,
  title: 'example',
  discipline: { id: DISCIPLINE, code: 'DB 3301', name: 'Деректер қоры жүйелері' },
  counts: { simple: 5, medium: 5, hard: 4, total: 14 },
  createdAt: '2026-06-01T09:00:00.000Z',
};

describe('the test paper form', () => {
  it('starts from the sitting’s blueprint, or zeros and shuffling when none is set', () => {
    expect(draftFrom(state)).toEqual({
      bankId: BANK,
      simple: '3',
      medium: '3',
      hard: '2',
      shuffleQuestions: true,
      shuffleOptions: false,
    });
    expect(
      draftFrom({ blueprint: null, bankId: null, available: { simple: 0, medium: 0, hard: 0 } }),
    ).toEqual({
      bankId: '',
      simple: '0',
      medium: '0',
      hard: '0',
      shuffleQuestions: true,
      shuffleOptions: true,
    });
  });

  it('sends whole numbers with the chosen bank', () => {
    const checked = checkDraft({ ...draftFrom(state), hard: ' 4 ' });
    expect(checked).toEqual({
      ok: true,
      body: { bankId: BANK, simple: 3, medium: 3, hard: 4, shuffleQuestions: true, shuffleOptions: false },
    });
    expect(paperSize({ ...draftFrom(state), hard: '4' })).toBe(10);
  });

  it('refuses what the server would refuse by shape: not a number, no bank, an empty paper', () => {
    expect(checkDraft({ ...draftFrom(state), simple: '2.5', medium: '-1', hard: '501' })).toEqual({
      ok: false,
      errors: { simple: 'invalidCount', medium: 'invalidCount', hard: 'invalidCount' },
    });
    expect(checkDraft({ ...draftFrom(state), bankId: '' })).toEqual({
      ok: false,
      errors: { bankId: 'chooseBankFirst' },
    });
    expect(checkDraft({ ...draftFrom(state), simple: '0', medium: '0', hard: '0' })).toEqual({
      ok: false,
      errors: { paper: 'emptyPaper' },
    });
    expect(paperSize({ ...draftFrom(state), simple: 'x' })).toBeNull();
  });

  it('puts the server’s field errors next to their inputs', () => {
    const short = new ApiError('validation_failed', 'too few', 400, [
      { path: 'body.simple', message: 'the bank has 4, asked for 99' },
      { path: 'body.hard', message: 'the bank has 4, asked for 5' },
    ]);
    expect(serverPaperErrors(short, BANK)).toEqual({ simple: 'tooFew', hard: 'tooFew' });
    const wrongBank = new ApiError('validation_failed', 'x', 400, [{ path: 'body.bankId', message: 'no' }]);
    expect(serverPaperErrors(wrongBank, OTHER)).toEqual({ bankId: 'wrongBank' });
    expect(serverPaperErrors(wrongBank, '')).toEqual({ bankId: 'chooseBankFirst' });
    const empty = new ApiError('validation_failed', 'x', 400, [{ path: 'body', message: 'empty' }]);
    expect(serverPaperErrors(empty, BANK)).toEqual({ paper: 'emptyPaper' });
  });

  it('hints how many questions the chosen bank holds', () => {
    expect(availableIn(BANK, state, null)).toEqual(state.available);
    expect(availableIn(OTHER, state, [other])).toEqual({ simple: 5, medium: 5, hard: 4 });
    expect(availableIn(OTHER, state, null)).toBeNull();
  });
});
