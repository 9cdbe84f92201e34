import { type Grade, type GradeRow, gradeFromPercent, type Role, type SittingKind } from '@adal/shared';

/**
 * One row of the grade sheet while the examiner types: the percent as typed, the comment, and
 * how the last save went. Pure, so the rules are tested without a browser.
 */

export type PercentProblem = 'not_a_number' | 'out_of_range' | 'too_precise';
export type PercentInput =
  | { state: 'empty' }
  | { state: 'invalid'; problem: PercentProblem }
  | { state: 'valid'; percent: number };

/**
 * The percent as typed: a decimal comma is accepted (Kazakh and Russian write "87,5"); at most
 * two decimals, as the server stores them.
 */
export function parsePercent(text: string): PercentInput {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { state: 'empty' };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(trimmed)) return { state: 'invalid', problem: 'not_a_number' };
  const percent = Number(trimmed);
  if (!Number.isFinite(percent)) return { state: 'invalid', problem: 'not_a_number' };
  if (percent > 100) return { state: 'invalid', problem: 'out_of_range' };
  if ((trimmed.split('.')[1] ?? '').replace(/0+$/, '').length > 2)
    return { state: 'invalid', problem: 'too_precise' };
  return { state: 'valid', percent };
}

/** What the scale gives for what is typed, shown live beside the input. */
export const previewOf = (input: PercentInput): Grade | null =>
  input.state === 'valid' ? gradeFromPercent(input.percent) : null;

export interface Draft {
  percent: string;
  comment: string;
}

export const draftOf = (row: GradeRow): Draft => ({
  percent: row.grade ? String(row.grade.percent) : '',
  comment: row.comment,
});

/** Does the draft differ from what the server holds (the comment as the server trims it)? */
export function isChanged(draft: Draft, row: GradeRow): boolean {
  const input = parsePercent(draft.percent);
  const percent = input.state === 'valid' ? input.percent : null;
  if (input.state === 'invalid') return true;
  return percent !== (row.grade?.percent ?? null) || draft.comment.trim() !== row.comment;
}

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'error'; error: unknown };

/** What the row's status cell says. */
export type RowStatus = 'saving' | 'saved' | 'error' | 'unsaved' | 'not_graded' | 'recorded';

export function rowStatus(draft: Draft, row: GradeRow, save: SaveState): RowStatus {
  if (save.status === 'saving') return 'saving';
  if (isChanged(draft, row)) return save.status === 'error' ? 'error' : 'unsaved';
  if (save.status === 'saved') return 'saved';
  return row.grade ? 'recorded' : 'not_graded';
}

/** Save is offered for a valid percent that changes something and is not already being sent. */
export function canSave(draft: Draft, row: GradeRow, save: SaveState): boolean {
  return save.status !== 'saving' && parsePercent(draft.percent).state === 'valid' && isChanged(draft, row);
}

/** The body of gradeStudent for a draft that canSave. */
export function bodyOf(draft: Draft): { percent: number; comment: string } {
  const input = parsePercent(draft.percent);
  if (input.state !== 'valid') throw new Error('bodyOf: the percent is not valid');
  return { percent: input.percent, comment: draft.comment.trim() };
}

/** Who may enter grades here (the server's EXAMINERS on oral and written exams). */
export const canGrade = (role: Role, kind: SittingKind): boolean =>
  (role === 'proctor' || role === 'admin') && (kind === 'written' || kind === 'oral');

/** Which sittings have a grade sheet: oral, written and state exams (read-only for the commission). */
export const hasGradeSheet = (kind: SittingKind): boolean =>
  kind === 'written' || kind === 'oral' || kind === 'state_exam';

export interface GradeSummary {
  total: number;
  graded: number;
  published: number;
  unpublished: number;
}

export function summarize(rows: readonly GradeRow[]): GradeSummary {
  const graded = rows.filter((r) => r.grade !== null);
  const published = graded.filter((r) => r.publishedAt !== null).length;
  return { total: rows.length, graded: graded.length, published, unpublished: graded.length - published };
}

/** The list after a save: the server's row replaces the old one. */
export const replaceRow = (rows: readonly GradeRow[], next: GradeRow): GradeRow[] =>
  rows.map((r) => (r.studentId === next.studentId ? next : r));
