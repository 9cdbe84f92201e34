import { z } from 'zod';

/** Letter grades of Kazakhstan's credit system (exam-procedures.md, "Grades"). */
export const LetterGrade = z.enum(['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'FX', 'F']);
export type LetterGrade = z.infer<typeof LetterGrade>;

/** Traditional grade: excellent (5), good (4), satisfactory (3), unsatisfactory (2). */
export const TraditionalGrade = z.enum(['excellent', 'good', 'satisfactory', 'unsatisfactory']);
export type TraditionalGrade = z.infer<typeof TraditionalGrade>;

export interface ScaleRow {
  minPercent: number;
  letter: LetterGrade;
  gpaPoints: number;
  traditional: TraditionalGrade;
}

/** Highest band first; a percent belongs to the first row whose minimum it reaches. */
export const GRADE_SCALE: readonly ScaleRow[] = [
  { minPercent: 95, letter: 'A', gpaPoints: 4.0, traditional: 'excellent' },
  { minPercent: 90, letter: 'A-', gpaPoints: 3.67, traditional: 'excellent' },
  { minPercent: 85, letter: 'B+', gpaPoints: 3.33, traditional: 'good' },
  { minPercent: 80, letter: 'B', gpaPoints: 3.0, traditional: 'good' },
  { minPercent: 75, letter: 'B-', gpaPoints: 2.67, traditional: 'good' },
  { minPercent: 70, letter: 'C+', gpaPoints: 2.33, traditional: 'good' },
  { minPercent: 65, letter: 'C', gpaPoints: 2.0, traditional: 'satisfactory' },
  { minPercent: 60, letter: 'C-', gpaPoints: 1.67, traditional: 'satisfactory' },
  { minPercent: 55, letter: 'D+', gpaPoints: 1.33, traditional: 'satisfactory' },
  { minPercent: 50, letter: 'D', gpaPoints: 1.0, traditional: 'satisfactory' },
  { minPercent: 25, letter: 'FX', gpaPoints: 0.5, traditional: 'unsatisfactory' },
  { minPercent: 0, letter: 'F', gpaPoints: 0, traditional: 'unsatisfactory' },
];

export const Percent = z.number().min(0).max(100);

export interface Grade {
  percent: number;
  letter: LetterGrade;
  gpaPoints: number;
  traditional: TraditionalGrade;
}

/**
 * Grades a percent on the scale. Bands are whole numbers (94 is A-, 95 is A), so a fractional
 * percent is rounded half-up first: 94.5 counts as 95.
 */
export function gradeFromPercent(percent: number): Grade {
  const parsed = Percent.parse(percent);
  const whole = Math.floor(parsed + 0.5);
  const row = GRADE_SCALE.find((r) => whole >= r.minPercent);
  if (!row) throw new Error(`no grade band for ${percent}`);
  return { percent: parsed, letter: row.letter, gpaPoints: row.gpaPoints, traditional: row.traditional };
}
