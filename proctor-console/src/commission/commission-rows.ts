import type {
  CommissionGrading,
  CommissionPerson,
  CommissionProtocol,
  CommissionRow,
  CommissionViewer,
  FixCommissionGradeBody,
} from '@adal/shared';
import { parsePercent, type SaveState } from '../grading/grade-draft.js';

/**
 * The commission's grading while people type: a member's own score per row, the chair's final
 * grade per row, the protocol form. Pure, so the rules are tested without a browser.
 */

export type { SaveState };

/** Who scores (chair and members), who enters the protocol (chair and secretary), who fixes (chair). */
export const scores = (viewer: CommissionViewer) => viewer === 'chair' || viewer === 'member';
export const fixes = (viewer: CommissionViewer) => viewer === 'chair';
export const entersProtocol = (viewer: CommissionViewer, protocol: CommissionProtocol | null) =>
  (viewer === 'chair' || viewer === 'secretary') && !protocol?.announcedAt;

/** The scoring people of the commission, in its order: the columns of scores. */
export const scorersOf = (people: readonly CommissionPerson[]) =>
  people.filter((p) => p.seat === 'chair' || p.seat === 'member');

export interface ScoreDraft {
  percent: string;
  comment: string;
}

export const scoreDraftOf = (row: CommissionRow): ScoreDraft => ({
  percent: row.myScore ? String(row.myScore.percent) : '',
  comment: row.myScore?.comment ?? '',
});

/** Does the draft differ from the viewer's saved score (the comment as the server trims it)? */
export function isScoreChanged(draft: ScoreDraft, row: CommissionRow): boolean {
  const input = parsePercent(draft.percent);
  if (input.state === 'invalid') return true;
  const percent = input.state === 'valid' ? input.percent : null;
  return percent !== (row.myScore?.percent ?? null) || draft.comment.trim() !== (row.myScore?.comment ?? '');
}

/** What the row's score status says. A fixed grade locks the scores; an announced one is final. */
export type ScoreStatus =
  | 'announced'
  | 'locked'
  | 'saving'
  | 'saved'
  | 'error'
  | 'unsaved'
  | 'not_scored'
  | 'scored';

export function scoreStatus(draft: ScoreDraft, row: CommissionRow, save: SaveState): ScoreStatus {
  if (row.publishedAt) return 'announced';
  if (row.grade) return 'locked';
  if (save.status === 'saving') return 'saving';
  if (isScoreChanged(draft, row)) return save.status === 'error' ? 'error' : 'unsaved';
  if (save.status === 'saved') return 'saved';
  return row.myScore ? 'scored' : 'not_scored';
}

/** Save is offered for a valid percent that changes the score, while the scores are open. */
export const canSaveScore = (draft: ScoreDraft, row: CommissionRow, save: SaveState): boolean =>
  row.grade === null &&
  save.status !== 'saving' &&
  parsePercent(draft.percent).state === 'valid' &&
  isScoreChanged(draft, row);

export function scoreBody(draft: ScoreDraft): { percent: number; comment: string } {
  const input = parsePercent(draft.percent);
  if (input.state !== 'valid') throw new Error('scoreBody: the percent is not valid');
  return { percent: input.percent, comment: draft.comment.trim() };
}

export interface FixDraft {
  percent: string;
  reason: string;
}

/** The chair's final grade as first offered: the grade fixed, else the mean. */
export const fixDraftOf = (row: CommissionRow): FixDraft => ({
  percent: row.grade ? String(row.grade.percent) : row.mean === null ? '' : String(row.mean),
  reason: row.fixReason ?? '',
});

export type FixProblem = 'announced' | 'no_scores' | 'invalid' | 'needs_reason' | 'unchanged';
export type FixCheck =
  | { state: 'ready'; body: FixCommissionGradeBody }
  | { state: 'blocked'; problem: FixProblem };

/**
 * May the chair fix this draft, and with which body? The mean needs no reason (the server takes
 * the mean when no percent is sent); another percent needs the commission's reason.
 */
export function checkFix(draft: FixDraft, row: CommissionRow): FixCheck {
  if (row.publishedAt) return { state: 'blocked', problem: 'announced' };
  if (row.mean === null) return { state: 'blocked', problem: 'no_scores' };
  const input = parsePercent(draft.percent);
  if (input.state !== 'valid') return { state: 'blocked', problem: 'invalid' };
  const reason = draft.reason.trim();
  const atMean = input.percent === row.mean;
  if (!atMean && reason === '') return { state: 'blocked', problem: 'needs_reason' };
  if (row.grade?.percent === input.percent) return { state: 'blocked', problem: 'unchanged' };
  return { state: 'ready', body: atMean ? { reason: '' } : { percent: input.percent, reason } };
}

/** Does the draft ask for a reason (another percent than the mean)? */
export function needsReason(draft: FixDraft, row: CommissionRow): boolean {
  const input = parsePercent(draft.percent);
  return row.mean !== null && input.state === 'valid' && input.percent !== row.mean;
}

export interface CommissionSummary {
  total: number;
  fixed: number;
  announced: number;
  /** Fixed and not announced yet: what "Announce" would send. */
  toAnnounce: number;
}

export function summarize(rows: readonly CommissionRow[]): CommissionSummary {
  const fixed = rows.filter((r) => r.grade !== null);
  const announced = fixed.filter((r) => r.publishedAt !== null).length;
  return { total: rows.length, fixed: fixed.length, announced, toAnnounce: fixed.length - announced };
}

export interface ProtocolDraft {
  protocolNumber: string;
  protocolDate: string;
}

export const protocolDraftOf = (protocol: CommissionProtocol | null): ProtocolDraft => ({
  protocolNumber: protocol?.protocolNumber ?? '',
  protocolDate: protocol?.protocolDate ?? '',
});

export type ProtocolProblem = 'number' | 'date';

/** What is wrong with the protocol form, field by field (the server checks the same). */
export function protocolProblems(draft: ProtocolDraft): ProtocolProblem[] {
  const problems: ProtocolProblem[] = [];
  const number = draft.protocolNumber.trim();
  if (number === '' || number.length > 40) problems.push('number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.protocolDate) || Number.isNaN(Date.parse(draft.protocolDate)))
    problems.push('date');
  return problems;
}

export const isProtocolChanged = (draft: ProtocolDraft, protocol: CommissionProtocol | null) =>
  draft.protocolNumber.trim() !== (protocol?.protocolNumber ?? '') ||
  draft.protocolDate !== (protocol?.protocolDate ?? '');

/** `2026-06-12` → `12.06.2026`, as the protocol itself writes it. */
export const protocolDateText = (iso: string) => iso.split('-').reverse().join('.');

/** The grading after a row came back from the server. */
export const withRow = (grading: CommissionGrading, row: CommissionRow): CommissionGrading => ({
  ...grading,
  rows: grading.rows.map((r) => (r.studentId === row.studentId ? row : r)),
});
