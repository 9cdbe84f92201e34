import { describe, expect, it } from 'vitest';
import { type KeyedQuestion, normaliseShortAnswer, scoreAnswer, scorePaper } from './score.js';

const single: KeyedQuestion = { id: 'q1', kind: 'single', difficulty: 'simple', correct: ['b'] };
const several: KeyedQuestion = { id: 'q2', kind: 'multiple', difficulty: 'medium', correct: ['a', 'c', 'd'] };
const yesNo: KeyedQuestion = { id: 'q3', kind: 'true_false', difficulty: 'simple', correct: ['false'] };
const typed: KeyedQuestion = {
  id: 'q4',
  kind: 'short_answer',
  difficulty: 'hard',
  correct: ['Primary key', 'PK'],
};

describe('scoring', () => {
  it('scores single, true/false and short answers as right or wrong', () => {
    expect(scoreAnswer(single, ['b'], 'all_or_nothing')).toBe(1);
    expect(scoreAnswer(single, ['a'], 'all_or_nothing')).toBe(0);
    expect(scoreAnswer(single, ['a', 'b'], 'partial')).toBe(0);
    expect(scoreAnswer(single, undefined, 'partial')).toBe(0);
    expect(scoreAnswer(yesNo, ['false'], 'partial')).toBe(1);
    expect(scoreAnswer(typed, ['  primary   KEY '], 'partial')).toBe(1);
    expect(scoreAnswer(typed, ['pk'], 'partial')).toBe(1);
    expect(scoreAnswer(typed, ['foreign key'], 'partial')).toBe(0);
    expect(normaliseShortAnswer(' Қазақ  Тілі ')).toBe('қазақ тілі');
  });

  it('scores several answers all-or-nothing, or with partial credit that wrong picks take back', () => {
    expect(scoreAnswer(several, ['a', 'c', 'd'], 'all_or_nothing')).toBe(1);
    expect(scoreAnswer(several, ['a', 'c'], 'all_or_nothing')).toBe(0);
    expect(scoreAnswer(several, ['a', 'c', 'd', 'b'], 'all_or_nothing')).toBe(0);
    expect(scoreAnswer(several, ['a', 'c'], 'partial')).toBeCloseTo(2 / 3);
    expect(scoreAnswer(several, ['a', 'c', 'b'], 'partial')).toBeCloseTo(1 / 3);
    // Choosing everything is not a way to score: wrong picks cancel right ones, never below zero.
    expect(scoreAnswer(several, ['a', 'b', 'c', 'd', 'e', 'f'], 'partial')).toBe(0);
    expect(scoreAnswer(several, ['a', 'b', 'c', 'd'], 'partial')).toBeCloseTo(2 / 3);
    expect(scoreAnswer(several, ['b', 'e'], 'partial')).toBe(0);
  });

  it('adds up a paper by difficulty, counts appeal overrides as correct, and voids without a percent', () => {
    const answers = new Map([
      ['q1', ['b']],
      ['q2', ['a', 'c']],
      ['q3', ['true']],
    ]);
    const paper = [single, several, yesNo, typed];
    expect(scorePaper(paper, answers, { scoring: 'partial' })).toEqual({
      byDifficulty: [
        { difficulty: 'simple', questions: 2, correct: 1 },
        { difficulty: 'medium', questions: 1, correct: 0.67 },
        { difficulty: 'hard', questions: 1, correct: 0 },
      ],
      questions: 4,
      correct: 1.67,
      percent: 41.75,
    });
    const appealed = scorePaper(paper, answers, { scoring: 'all_or_nothing', overrides: new Set(['q3']) });
    expect(appealed.correct).toBe(2);
    expect(appealed.percent).toBe(50);
    expect(scorePaper(paper, answers, { scoring: 'all_or_nothing', voided: true }).percent).toBeNull();
  });
});
