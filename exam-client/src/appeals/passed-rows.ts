import type { AppealStatus, Difficulty, PassedTest } from '@adal/shared';
import { DIFFICULTIES } from '@adal/shared';

/** What the "Appeal" cell of a passed test offers. */
export type AppealCell =
  /** Filing is open until `until` (the server's time). */
  | { kind: 'open'; until: string }
  /** An appeal was filed; its status. */
  | { kind: 'filed'; appealId: string; status: AppealStatus }
  /** The attempt was voided: nothing to grade, nothing to appeal. */
  | { kind: 'not_counted' }
  /** The window is over or the test has none. */
  | { kind: 'none' };

export interface DifficultyCells {
  questions: number;
  correct: number;
}

/** One line of the table (seed 002's columns), ready to render. */
export interface PassedRow {
  test: PassedTest;
  /** simple, medium, hard in this order; a level the paper did not have shows zeros. */
  byDifficulty: (DifficultyCells & { difficulty: Difficulty })[];
  appeal: AppealCell;
}

export function appealCell(test: PassedTest, localNow: number): AppealCell {
  if (test.appeal) return { kind: 'filed', appealId: test.appeal.appealId, status: test.appeal.status };
  if (test.status === 'voided') return { kind: 'not_counted' };
  if (test.appealOpenUntil && Date.parse(test.appealOpenUntil) > localNow)
    return { kind: 'open', until: test.appealOpenUntil };
  return { kind: 'none' };
}

export function passedRow(test: PassedTest, localNow: number): PassedRow {
  return {
    test,
    byDifficulty: DIFFICULTIES.map((difficulty) => {
      const found = test.byDifficulty.find((d) => d.difficulty === difficulty);
      return { difficulty, questions: found?.questions ?? 0, correct: found?.correct ?? 0 };
    }),
    appeal: appealCell(test, localNow),
  };
}

/** Newest first: the test just finished is the one a student comes to appeal. */
export function passedRows(tests: readonly PassedTest[], localNow: number): PassedRow[] {
  const at = (t: PassedTest) => (t.finishedAt ? Date.parse(t.finishedAt) : 0);
  return [...tests].sort((a, b) => at(b) - at(a)).map((test) => passedRow(test, localNow));
}

/** Whether any row's window is still open (the page ticks only then). */
export const anyOpen = (rows: readonly PassedRow[]): boolean => rows.some((r) => r.appeal.kind === 'open');
