import type { GradeRow, GradeStudentBody } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { recordGrade } from '../grades/record-grade.js';
import { grades } from '../grades/schema.js';
import type { Actor } from '../http/actor.js';
import { requireOnRoster } from '../sittings/sitting-access.js';
import type { LogRow } from '../violations/append-entry.js';
import { findGrade, type GradeRecord, loadGradeRow } from './grade-rows.js';
import { loadGradingSitting, requireExaminerGraded } from './grading-sitting.js';
import { announcePublished, lockSittingGrades, logGradePublished } from './publish-grades.js';

const audited = (g: GradeRecord) => ({ percent: g.percent, letter: g.letter, comment: g.comment });

/**
 * The examiner records or corrects one student's grade. Until the sitting's grades are published
 * the student sees nothing of it (no log entry, no event). A grade already published is still
 * corrected, but then at once published again: the student must never keep seeing a grade that
 * is no longer theirs, and their Chat&log gets a second 'grade_published' marked `corrected`.
 * Every change is audited with the old and the new value; saving the same values changes nothing.
 */
export async function gradeStudent(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  body: GradeStudentBody,
): Promise<GradeRow> {
  requireExaminerGraded(await loadGradingSitting(ctx.db, sittingId));
  await requireOnRoster(ctx.db, sittingId, studentId);
  const republished = await ctx.db.transaction(async (tx): Promise<LogRow | null> => {
    await lockSittingGrades(tx, sittingId);
    const old = await findGrade(tx, sittingId, studentId);
    if (old && old.percent === body.percent && old.comment === body.comment) return null;
    await recordGrade(tx, { sittingId, studentId, percent: body.percent, gradedBy: actor.id });
    const wasPublished = old?.publishedAt != null;
    const [saved] = await tx
      .update(grades)
      .set({ comment: body.comment, ...(wasPublished ? { publishedAt: new Date() } : {}) })
      .where(and(eq(grades.sittingId, sittingId), eq(grades.studentId, studentId)))
      .returning();
    if (!saved) throw new Error('grade vanished inside its transaction');
    await recordAudit(tx, {
      actorId: actor.id,
      action: old ? 'grade.corrected' : 'grade.recorded',
      subject: sittingId,
      details: {
        studentId,
        old: old ? audited(old) : null,
        new: audited(saved),
        published: wasPublished,
      },
    });
    return wasPublished ? logGradePublished(tx, saved, true) : null;
  });
  if (republished) announcePublished(ctx, [republished]);
  return loadGradeRow(ctx.db, sittingId, studentId);
}
