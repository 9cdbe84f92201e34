import { DIFFICULTIES, type Difficulty, type MultipleScoring, type QuestionKind } from '@adal/shared';
import type { AttemptScore } from './schema.js';

export interface KeyedQuestion {
  id: string;
  kind: QuestionKind;
  difficulty: Difficulty;
  /** Option ids for choice kinds; accepted answers for short answers. */
  correct: string[];
}

/** Short answers compare without case, surrounding spaces or doubled spaces ("  Primary  key" = "primary key"). */
export const normaliseShortAnswer = (text: string) =>
  text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** A question's score from 0 to 1 (see MultipleScoring for several-answer questions). */
export function scoreAnswer(
  q: KeyedQuestion,
  response: readonly string[] | undefined,
  scoring: MultipleScoring,
) {
  if (!response?.length) return 0;
  switch (q.kind) {
    case 'single':
    case 'true_false':
      return response.length === 1 && q.correct.includes(response[0] as string) ? 1 : 0;
    case 'short_answer': {
      const given = normaliseShortAnswer(response[0] as string);
      return q.correct.some((c) => normaliseShortAnswer(c) === given) ? 1 : 0;
    }
    case 'multiple': {
      const chosen = new Set(response);
      const right = q.correct.filter((c) => chosen.has(c)).length;
      const wrong = chosen.size - right;
      if (scoring === 'all_or_nothing') return right === q.correct.length && wrong === 0 ? 1 : 0;
      return Math.max(0, (right - wrong) / q.correct.length);
    }
  }
}

/**
 * Scores a paper: per difficulty, how many questions and how much was correct, and the percent.
 * `overrides` are questions an upheld appeal counts as correct. `voided`: no percent.
 */
export function scorePaper(
  questions: readonly KeyedQuestion[],
  answers: ReadonlyMap<string, readonly string[]>,
  options: { scoring: MultipleScoring; overrides?: ReadonlySet<string>; voided?: boolean },
): AttemptScore {
  const byDifficulty = DIFFICULTIES.map((difficulty) => ({ difficulty, questions: 0, correct: 0 }));
  for (const q of questions) {
    const row = byDifficulty.find((r) => r.difficulty === q.difficulty);
    if (!row) continue;
    row.questions++;
    row.correct += options.overrides?.has(q.id) ? 1 : scoreAnswer(q, answers.get(q.id), options.scoring);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  for (const row of byDifficulty) row.correct = round(row.correct);
  const correct = round(byDifficulty.reduce((sum, r) => sum + r.correct, 0));
  const percent = options.voided || questions.length === 0 ? null : round((correct / questions.length) * 100);
  return { byDifficulty, questions: questions.length, correct, percent };
}
