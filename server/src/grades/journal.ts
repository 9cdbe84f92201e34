import { type FinalGrades, gradeFromPercent } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { journalMarks } from './schema.js';

/**
 * The final grade of the credit system: the admission rating is the mean of the two midterms
 * (рубежный контроль 1 and 2), and the final is 60 % rating + 40 % exam.
 */
export const RATING_WEIGHT = 0.6;
export const EXAM_WEIGHT = 0.4;

const round = (n: number) => Math.round(n * 100) / 100;

export function finalGrades(
  marks: { currentAverage: number | null; midterm1: number | null; midterm2: number | null } | undefined,
  exam: number | null,
): FinalGrades {
  const m1 = marks?.midterm1 ?? null;
  const m2 = marks?.midterm2 ?? null;
  const rating = m1 !== null && m2 !== null ? round((m1 + m2) / 2) : null;
  const final = rating !== null && exam !== null ? round(RATING_WEIGHT * rating + EXAM_WEIGHT * exam) : null;
  return {
    currentAverage: marks?.currentAverage ?? null,
    midterm1: m1,
    midterm2: m2,
    rating,
    exam,
    final: final === null ? null : gradeFromPercent(final),
  };
}

export async function loadJournal(db: Db | Tx, studentId: string, disciplineId: string) {
  const [row] = await db
    .select()
    .from(journalMarks)
    .where(and(eq(journalMarks.studentId, studentId), eq(journalMarks.disciplineId, disciplineId)));
  return row;
}
