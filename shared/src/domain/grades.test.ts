import { describe, expect, it } from 'vitest';
import { GRADE_SCALE, gradeFromPercent } from './grades.js';

describe('gradeFromPercent (Kazakhstan credit scale)', () => {
  it.each([
    [100, 'A', 4.0, 'excellent'],
    [95, 'A', 4.0, 'excellent'],
    [94, 'A-', 3.67, 'excellent'],
    [90, 'A-', 3.67, 'excellent'],
    [89, 'B+', 3.33, 'good'],
    [85, 'B+', 3.33, 'good'],
    [84, 'B', 3.0, 'good'],
    [79, 'B-', 2.67, 'good'],
    [74, 'C+', 2.33, 'good'],
    [69, 'C', 2.0, 'satisfactory'],
    [64, 'C-', 1.67, 'satisfactory'],
    [59, 'D+', 1.33, 'satisfactory'],
    [54, 'D', 1.0, 'satisfactory'],
    [50, 'D', 1.0, 'satisfactory'],
    [49, 'FX', 0.5, 'unsatisfactory'],
    [25, 'FX', 0.5, 'unsatisfactory'],
    [24, 'F', 0, 'unsatisfactory'],
    [0, 'F', 0, 'unsatisfactory'],
  ])('%d%% is %s (%d points, %s)', (percent, letter, points, traditional) => {
    expect(gradeFromPercent(percent)).toEqual({ percent, letter, gpaPoints: points, traditional });
  });

  it('rounds a fractional percent half-up before choosing the band', () => {
    expect(gradeFromPercent(94.5).letter).toBe('A');
    expect(gradeFromPercent(94.49).letter).toBe('A-');
    expect(gradeFromPercent(49.5).letter).toBe('D');
  });

  it('refuses percents outside 0..100', () => {
    expect(() => gradeFromPercent(-1)).toThrow();
    expect(() => gradeFromPercent(100.5)).toThrow();
    expect(() => gradeFromPercent(Number.NaN)).toThrow();
  });

  it('covers every whole percent with exactly the band whose range holds it', () => {
    for (let p = 0; p <= 100; p++) {
      const rows = GRADE_SCALE.filter(
        (r, i) => p >= r.minPercent && (i === 0 || p < (GRADE_SCALE[i - 1]?.minPercent ?? 101)),
      );
      expect(rows).toHaveLength(1);
      expect(gradeFromPercent(p).letter).toBe(rows[0]?.letter);
    }
  });
});
