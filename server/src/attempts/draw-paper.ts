import { randomInt } from 'node:crypto';
import { type Blueprint, DIFFICULTIES, type Difficulty, type QuestionKind } from '@adal/shared';
import type { PaperItem } from './schema.js';

export interface BankQuestion {
  id: string;
  kind: QuestionKind;
  difficulty: Difficulty;
  options: { id: string }[];
}

export class PaperDrawError extends Error {
  override name = 'PaperDrawError';
  constructor(readonly shortfall: { difficulty: Difficulty; wanted: number; available: number }[]) {
    super(
      `The bank has too few questions: ${shortfall.map((s) => `${s.difficulty} ${s.available}/${s.wanted}`).join(', ')}`,
    );
  }
}

/** Fisher–Yates with the operating system's randomness: no student can predict another's paper. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What the bank lacks for a blueprint (empty when it can be drawn). */
export function blueprintShortfall(bank: readonly BankQuestion[], blueprint: Blueprint) {
  return DIFFICULTIES.flatMap((difficulty) => {
    const available = bank.filter((q) => q.difficulty === difficulty).length;
    const wanted = blueprint[difficulty];
    return available < wanted ? [{ difficulty, wanted, available }] : [];
  });
}

/**
 * One student's paper: `blueprint[difficulty]` questions of each difficulty, chosen at random;
 * in random order (or simple → medium → hard) with options in random order. True/false keeps
 * its natural order.
 */
export function drawPaper(bank: readonly BankQuestion[], blueprint: Blueprint): PaperItem[] {
  const shortfall = blueprintShortfall(bank, blueprint);
  if (shortfall.length) throw new PaperDrawError(shortfall);
  const chosen = DIFFICULTIES.flatMap((difficulty) =>
    shuffled(bank.filter((q) => q.difficulty === difficulty)).slice(0, blueprint[difficulty]),
  );
  const ordered = blueprint.shuffleQuestions ? shuffled(chosen) : chosen;
  return ordered.map((q) => {
    const ids = q.options.map((o) => o.id);
    return {
      questionId: q.id,
      options: blueprint.shuffleOptions && q.kind !== 'true_false' ? shuffled(ids) : ids,
    };
  });
}
