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

/**
 * The attempt that is the student's grade: by the sitting's policy the best or the last one that
 * has a percent (a voided attempt never counts).
 */
export function countingAttempt(
  all: readonly AttemptRow[],
  policies: SittingPolicies,
): AttemptRow | undefined {
  const scored = all.filter((a) => a.result?.percent !== null && a.result?.percent !== undefined);
  if (policies.countingAttempt === 'last') return scored.at(-1);
  return scored.reduce<AttemptRow | undefined>(
    (best, a) => (!best || (a.result?.percent ?? 0) > (best.result?.percent ?? 0) ? a : best),
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
  // Every attempt voided: no grade from the test (the dean's office decides what follows).
  if (!counting || counting.result?.percent == null) return null;
  return recordGrade(tx, {
    sittingId,
    studentId,
    percent: counting.result.percent,
    gradedBy: null,
    attemptId: counting.id,
  });
}
