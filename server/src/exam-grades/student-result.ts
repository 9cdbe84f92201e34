import type { StudentExamResult } from '@adal/shared';
import type { Db } from '../db/database.js';
import { requireOnRoster } from '../sittings/sitting-access.js';
import { findGrade, gradeValue } from './grade-rows.js';
import { loadGradingSitting, refuseComputerTest } from './grading-sitting.js';

/**
 * The student's own grade, only once it is published. Before that the answer is the same whether
 * or not the examiner has graded: nothing of the percent, the letter or the comment leaves.
 */
export async function studentExamResult(
  db: Db,
  studentId: string,
  sittingId: string,
): Promise<StudentExamResult> {
  await requireOnRoster(db, sittingId, studentId);
  refuseComputerTest(await loadGradingSitting(db, sittingId));
  const grade = await findGrade(db, sittingId, studentId);
  if (!grade?.publishedAt)
    return { sittingId, published: false, grade: null, comment: null, publishedAt: null };
  return {
    sittingId,
    published: true,
    grade: gradeValue(grade),
    comment: grade.comment,
    publishedAt: grade.publishedAt.toISOString(),
    protocolNumber: grade.protocolNumber,
    protocolDate: grade.protocolDate,
  };
}
