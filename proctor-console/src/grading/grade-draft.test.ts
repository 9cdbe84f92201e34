import type { GradeRow } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  canGrade,
  canSave,
  draftOf,
  hasGradeSheet,
  parsePercent,
  previewOf,
  replaceRow,
  rowStatus,
  summarize,
} from './grade-draft.js';

const row = (over: Partial<GradeRow> = {}): GradeRow => ({
  studentId: '0d7f6a3c-5b1e-4c2d-8e9f-1a2b3c4d5e6f',
  fullName: 'Aruzhan Sadykova',
  ticketNumber: 4,
  sheetPages: 3,
  sheetsAccepted: 3,
  finished: true,
  grade: null,
  comment: '',
  gradedByName: null,
  gradedAt: null,
  publishedAt: null,
  ...over,
});
const graded = (percent: number, comment = '', publishedAt: string | null = null) =>
  row({
    grade: { ...gradeOf(percent) },
    comment,
    gradedByName: 'Proctor One',
    gradedAt: '2026-11-22T12:00:00.000Z',
    publishedAt,
  });
const gradeOf = (percent: number) => {
  const g = previewOf(parsePercent(String(percent)));
  if (!g) throw new Error('bad percent');
  return g;
};

describe('parsePercent', () => {
  it('takes whole and decimal percents, with a decimal point or comma', () => {
    expect(parsePercent('87')).toEqual({ state: 'valid', percent: 87 });
    expect(parsePercent(' 87,5 ')).toEqual({ state: 'valid', percent: 87.5 });
    expect(parsePercent('94.25')).toEqual({ state: 'valid', percent: 94.25 });
    expect(parsePercent('100')).toEqual({ state: 'valid', percent: 100 });
    expect(parsePercent('0')).toEqual({ state: 'valid', percent: 0 });
    expect(parsePercent('70.50')).toEqual({ state: 'valid', percent: 70.5 });
  });

  it('names what is wrong: not a number, out of range, too precise', () => {
    expect(parsePercent('')).toEqual({ state: 'empty' });
    expect(parsePercent('   ')).toEqual({ state: 'empty' });
    for (const text of ['abc', '-1', '1e2', '8 7', '87%', '.'])
      expect([text, parsePercent(text)]).toEqual([text, { state: 'invalid', problem: 'not_a_number' }]);
    expect(parsePercent('100.01')).toEqual({ state: 'invalid', problem: 'out_of_range' });
    expect(parsePercent('250')).toEqual({ state: 'invalid', problem: 'out_of_range' });
    expect(parsePercent('87.125')).toEqual({ state: 'invalid', problem: 'too_precise' });
  });
});

describe('previewOf', () => {
  it('gives the scale’s letter, points and traditional grade for what is typed', () => {
    expect(previewOf(parsePercent('94,5'))).toEqual({
      percent: 94.5,
      letter: 'A',
      gpaPoints: 4,
      traditional: 'excellent',
    });
    expect(previewOf(parsePercent('49'))).toMatchObject({ letter: 'FX', traditional: 'unsatisfactory' });
    expect(previewOf(parsePercent('x'))).toBeNull();
    expect(previewOf(parsePercent(''))).toBeNull();
  });
});

describe('row state', () => {
  it('offers Save only for a valid change that is not being sent', () => {
    const empty = row();
    expect(canSave(draftOf(empty), empty, { status: 'idle' })).toBe(false);
    expect(canSave({ percent: '81', comment: '' }, empty, { status: 'idle' })).toBe(true);
    expect(canSave({ percent: '81', comment: '' }, empty, { status: 'saving' })).toBe(false);
    expect(canSave({ percent: '810', comment: '' }, empty, { status: 'idle' })).toBe(false);
    const done = graded(81, 'Good.');
    expect(canSave(draftOf(done), done, { status: 'idle' })).toBe(false);
    // The server trims the comment: trailing spaces are no change.
    expect(canSave({ percent: '81', comment: 'Good.  ' }, done, { status: 'idle' })).toBe(false);
    expect(canSave({ percent: '81,0', comment: 'Good.' }, done, { status: 'idle' })).toBe(false);
    expect(canSave({ percent: '81', comment: 'Very good.' }, done, { status: 'idle' })).toBe(true);
  });

  it('says saving, saved, error, unsaved, recorded or not graded', () => {
    const empty = row();
    const done = graded(81);
    expect(rowStatus(draftOf(empty), empty, { status: 'idle' })).toBe('not_graded');
    expect(rowStatus({ percent: '81', comment: '' }, empty, { status: 'idle' })).toBe('unsaved');
    expect(rowStatus({ percent: '81', comment: '' }, empty, { status: 'saving' })).toBe('saving');
    expect(rowStatus({ percent: '81', comment: '' }, empty, { status: 'error', error: 'x' })).toBe('error');
    expect(rowStatus(draftOf(done), done, { status: 'saved' })).toBe('saved');
    expect(rowStatus(draftOf(done), done, { status: 'idle' })).toBe('recorded');
    // Typing after a save: the row is unsaved again.
    expect(rowStatus({ percent: '82', comment: '' }, done, { status: 'saved' })).toBe('unsaved');
    expect(rowStatus({ percent: 'abc', comment: '' }, done, { status: 'idle' })).toBe('unsaved');
  });

  it('sends the parsed percent and the trimmed comment', () => {
    expect(bodyOf({ percent: ' 87,5', comment: '  Proof missing. ' })).toEqual({
      percent: 87.5,
      comment: 'Proof missing.',
    });
    expect(() => bodyOf({ percent: '', comment: '' })).toThrow();
  });
});

describe('the sheet', () => {
  it('counts graded, published and waiting grades', () => {
    const rows = [row(), graded(81), graded(55, '', '2026-11-22T13:00:00.000Z'), graded(90)];
    expect(summarize(rows)).toEqual({ total: 4, graded: 3, published: 1, unpublished: 2 });
    expect(summarize([])).toEqual({ total: 0, graded: 0, published: 0, unpublished: 0 });
  });

  it('replaces a saved row and keeps the rest in place', () => {
    const other = row({ studentId: '1d7f6a3c-5b1e-4c2d-8e9f-1a2b3c4d5e6f', fullName: 'Bolat Omarov' });
    const next = graded(70);
    expect(replaceRow([row(), other], next)).toEqual([next, other]);
  });

  it('lets examiners grade oral and written exams only', () => {
    expect(canGrade('proctor', 'written')).toBe(true);
    expect(canGrade('admin', 'oral')).toBe(true);
    expect(canGrade('registrar', 'written')).toBe(false);
    expect(canGrade('commission_chair', 'state_exam')).toBe(false);
    expect(canGrade('admin', 'state_exam')).toBe(false);
    expect(canGrade('proctor', 'computer_test')).toBe(false);
    expect(['written', 'oral', 'state_exam'].every((k) => hasGradeSheet(k as 'oral'))).toBe(true);
    expect(hasGradeSheet('computer_test')).toBe(false);
    expect(hasGradeSheet('thesis_defence')).toBe(false);
  });
});
