import { describe, expect, it } from 'vitest';
import { finalGrades } from './journal.js';

describe('final grades table', () => {
  it('rates admission as the mean of the midterms and weighs it 60/40 with the exam', () => {
    const table = finalGrades({ currentAverage: 88, midterm1: 80, midterm2: 90 }, 70);
    expect(table).toMatchObject({ currentAverage: 88, midterm1: 80, midterm2: 90, rating: 85, exam: 70 });
    // 0.6 × 85 + 0.4 × 70 = 79 → B-
    expect(table.final).toEqual({ percent: 79, letter: 'B-', gpaPoints: 2.67, traditional: 'good' });
  });

  it('leaves what is not known empty instead of guessing', () => {
    expect(finalGrades(undefined, 90)).toMatchObject({ rating: null, exam: 90, final: null });
    expect(finalGrades({ currentAverage: 70, midterm1: 70, midterm2: null }, 90).rating).toBeNull();
    expect(finalGrades({ currentAverage: 70, midterm1: 70, midterm2: 80 }, null)).toMatchObject({
      rating: 75,
      final: null,
    });
  });
});
