import type { SittingPolicies } from '@adal/shared';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { recordGrade } from '../grades/record-grade.js';
import { type AttemptRow, paperQuestions, studentAttempts } from './attempt-queries.js';
import { type AttemptScore, answers } from './schema.js';
import { scorePaper } from './score.js';

/** Scores an attempt's paper from its stored answers (appeal overrides count as correct). */
export async function scoreAttempt(
  tx: Tx,
  attempt: AttemptRow,
  policies: SittingPolicies,
  options: { voided?: boolean; overrides?: ReadonlySet<string> } = {},
): Promise<AttemptScore> {
  const byId = await paperQuestions(tx, attempt);
  const saved = await tx.select().from(answers).where(eq(answers.attemptId, attempt.id));
  const keyed = attempt.paper.flatMap((p) => {
    const q = byId.get(p.questionId);
    return q ? [{ id: q.id, kind: q.kind, difficulty: q.difficulty, correct: q.correct }] : [];
  });
  return scorePaper(keyed, new Map(saved.map((a) => [a.questionId, a.response])), {
    scoring: policies.multipleScoring,
    ...options,
  });
}

/** The score that counts: after an appeal when one was decided, else as graded. */
export const effectiveScore = (a: Pick<AttemptRow, 'result' | 'appealResult'>) => a.appealResult ?? a.result;
const percentOf = (a: AttemptRow) => effectiveScore(a)?.percent ?? null;

/**
 * The attempt that is the student's grade: by the sitting's policy the best or the last one that
 * has a percent (a voided attempt never counts).
 */
export function countingAttempt(
  all: readonly AttemptRow[],
  policies: SittingPolicies,
): AttemptRow | undefined {
  const scored = all.filter((a) => percentOf(a) !== null);
  if (policies.countingAttempt === 'last') return scored.at(-1);
  return scored.reduce<AttemptRow | undefined>(
    (best, a) => (!best || (percentOf(a) ?? 0) > (percentOf(best) ?? 0) ? a : best),
    undefined,
  );
}

/** Writes the student's grade for the sitting from the counting attempt (journal and transcript). */
export async function updateTestGrade(
  tx: Tx,
  sittingId: string,
  studentId: string,
  policies: SittingPolicies,
) {
  const counting = countingAttempt(await studentAttempts(tx, sittingId, studentId), policies);
  const percent = counting ? percentOf(counting) : null;
  // Every attempt voided: no grade from the test (the dean's office decides what follows).
  if (!counting || percent === null) return null;
  return recordGrade(tx, { sittingId, studentId, percent, gradedBy: null, attemptId: counting.id });
}
