import { gradeFromPercent } from '@adal/shared';
import type { Db, Tx } from '../db/database.js';
import { grades } from './schema.js';

export interface GradeInput {
  sittingId: string;
  studentId: string;
  percent: number;
  /** null: graded automatically. */
  gradedBy: string | null;
  attemptId?: string | null;
  protocolNumber?: string;
  protocolDate?: string;
}

/** Records (or corrects) a grade; letter, points and traditional grade come from the scale. */
export async function recordGrade(db: Db | Tx, input: GradeInput) {
  const grade = gradeFromPercent(input.percent);
  const values = {
    ...input,
    percent: grade.percent,
    letter: grade.letter,
    gpaPoints: grade.gpaPoints,
    traditional: grade.traditional,
    gradedAt: new Date(),
  };
  const [row] = await db
    .insert(grades)
    .values(values)
    .onConflictDoUpdate({ target: [grades.sittingId, grades.studentId], set: values })
    .returning();
  if (!row) throw new Error('grade insert returned no row');
  return row;
}
