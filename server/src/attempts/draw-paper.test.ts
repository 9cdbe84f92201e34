import { describe, expect, it } from 'vitest';
import { type BankQuestion, blueprintShortfall, drawPaper, PaperDrawError } from './draw-paper.js';

const bank: BankQuestion[] = (['simple', 'medium', 'hard'] as const).flatMap((difficulty) =>
  Array.from({ length: 6 }, (_, i) => ({
    id: `${difficulty}-${i}`,
    kind: i === 5 ? ('true_false' as const) : ('single' as const),
    difficulty,
    options: i === 5 ? [{ id: 'true' }, { id: 'false' }] : ['a', 'b', 'c', 'd'].map((id) => ({ id })),
  })),
);
const blueprint = { simple: 3, medium: 2, hard: 1, shuffleQuestions: true, shuffleOptions: true };

describe('paper draw', () => {
  it('draws the blueprint’s count of each difficulty, each question once, with all its options', () => {
    const paper = drawPaper(bank, blueprint);
    expect(paper).toHaveLength(6);
    expect(new Set(paper.map((p) => p.questionId)).size).toBe(6);
    const difficultyOf = (id: string) => id.split('-')[0];
    expect(paper.filter((p) => difficultyOf(p.questionId) === 'simple')).toHaveLength(3);
    expect(paper.filter((p) => difficultyOf(p.questionId) === 'medium')).toHaveLength(2);
    expect(paper.filter((p) => difficultyOf(p.questionId) === 'hard')).toHaveLength(1);
    for (const p of paper) {
      const q = bank.find((b) => b.id === p.questionId);
      expect([...p.options].sort()).toEqual(q?.options.map((o) => o.id).sort());
      if (q?.kind === 'true_false') expect(p.options).toEqual(['true', 'false']);
    }
  });

  it('varies between students: questions, their order and option order', () => {
    const papers = Array.from({ length: 40 }, () => drawPaper(bank, blueprint));
    const signatures = new Set(papers.map((p) => JSON.stringify(p)));
    expect(signatures.size).toBeGreaterThan(35);
    // Every question of the bank turns up on some paper.
    expect(new Set(papers.flatMap((p) => p.map((i) => i.questionId))).size).toBe(bank.length);
  });

  it('keeps the bank’s order (simple → medium → hard) and option order when shuffling is off', () => {
    const paper = drawPaper(bank, { ...blueprint, shuffleQuestions: false, shuffleOptions: false });
    expect(paper.map((p) => p.questionId.split('-')[0])).toEqual([
      'simple',
      'simple',
      'simple',
      'medium',
      'medium',
      'hard',
    ]);
    for (const p of paper) if (p.options.length === 4) expect(p.options).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a blueprint the bank cannot fill, saying what is short', () => {
    const wanted = { ...blueprint, hard: 7 };
    expect(blueprintShortfall(bank, wanted)).toEqual([{ difficulty: 'hard', wanted: 7, available: 6 }]);
    expect(() => drawPaper(bank, wanted)).toThrow(PaperDrawError);
  });
});
