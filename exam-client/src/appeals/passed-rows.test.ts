import type { PassedTest } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { anyOpen, appealCell, passedRow, passedRows } from './passed-rows.js';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const test = (over: Partial<PassedTest> = {}): PassedTest => ({
  attemptId: '5b6a8d1e-1c2b-4d3e-8f9a-0b1c2d3e4f50',
  sittingId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  discipline: { id: '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b', code: 'DB201', name: 'Databases' },
  controlKind: 'exam',
  number: 1,
  status: 'finished',
  finishedAt: '2026-11-22T11:50:00.000Z',
  byDifficulty: [
    { difficulty: 'hard', questions: 2, correct: 1 },
    { difficulty: 'simple', questions: 3, correct: 3 },
  ],
  questions: 5,
  correct: 4,
  correctAfterAppeal: null,
  byDifficultyAfterAppeal: null,
  grade: { percent: 80, letter: 'B', gpaPoints: 3, traditional: 'good' },
  appeal: null,
  appealOpenUntil: '2026-11-22T12:20:00.000Z',
  ...over,
});

describe('passedRow', () => {
  it('lists simple, medium and hard in order, with zeros for a level the paper lacked', () => {
    expect(passedRow(test(), NOW).byDifficulty).toEqual([
      { difficulty: 'simple', questions: 3, correct: 3 },
      { difficulty: 'medium', questions: 0, correct: 0 },
      { difficulty: 'hard', questions: 2, correct: 1 },
    ]);
  });
});

describe('appealCell', () => {
  it('offers filing while the window is open on this clock', () => {
    expect(appealCell(test(), NOW)).toEqual({ kind: 'open', until: '2026-11-22T12:20:00.000Z' });
    expect(appealCell(test(), Date.parse('2026-11-22T12:20:00.000Z'))).toEqual({ kind: 'none' });
  });

  it('shows the status of a filed appeal', () => {
    const filed = test({
      appeal: { appealId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d', status: 'under_review' },
      appealOpenUntil: null,
    });
    expect(appealCell(filed, NOW)).toEqual({
      kind: 'filed',
      appealId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      status: 'under_review',
    });
  });

  it('says a voided attempt was not counted, and offers nothing once the window is gone', () => {
    expect(appealCell(test({ status: 'voided', appealOpenUntil: null, grade: null }), NOW)).toEqual({
      kind: 'not_counted',
    });
    expect(appealCell(test({ appealOpenUntil: null }), NOW)).toEqual({ kind: 'none' });
  });
});

describe('passedRows', () => {
  it('puts the newest test first and knows whether any window is open', () => {
    const older = test({
      attemptId: 'a0000000-0000-4000-8000-000000000001',
      finishedAt: '2026-10-01T09:00:00.000Z',
      appealOpenUntil: null,
    });
    const rows = passedRows([older, test()], NOW);
    expect(rows.map((r) => r.test.finishedAt)).toEqual([
      '2026-11-22T11:50:00.000Z',
      '2026-10-01T09:00:00.000Z',
    ]);
    expect(anyOpen(rows)).toBe(true);
    expect(anyOpen(passedRows([older], NOW))).toBe(false);
  });
});
