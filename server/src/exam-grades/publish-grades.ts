import type { PublishGradesResult } from '@adal/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { grades } from '../grades/schema.js';
import type { Actor } from '../http/actor.js';
import { announceEntry, appendEntry, type LogRow } from '../violations/append-entry.js';
import type { GradeRecord } from './grade-rows.js';
import { loadGradingSitting, requireExaminerGraded } from './grading-sitting.js';

/**
 * Grading and publishing one sitting take this lock in turn: a grade saved while the sitting's
 * grades are being published is either published with them or saved after, never half of each.
 */
export async function lockSittingGrades(tx: Tx, sittingId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`grades:${sittingId}`}, 0))`);
}

/**
 * The student's Chat&log entry that their grade is out. The evidence is what they may now see;
 * `corrected` marks a grade changed after it had been published.
 */
export function logGradePublished(tx: Tx, grade: GradeRecord, corrected: boolean): Promise<LogRow> {
  return appendEntry(tx, {
    sittingId: grade.sittingId,
    studentId: grade.studentId,
    source: 'system',
    type: 'grade_published',
    severity: 'info',
    evidence: { percent: grade.percent, letter: grade.letter, ...(corrected ? { corrected: true } : {}) },
  });
}

/** After commit: the log entry to the student and the watchers, then "your grade is out" to the student. */
export function announcePublished(ctx: AppContext, entries: readonly LogRow[]): void {
  for (const entry of entries) {
    announceEntry(ctx, entry);
    ctx.live.gradePublished({ sittingId: entry.sittingId, studentId: entry.studentId });
  }
}

/**
 * Publishes every recorded grade of the sitting that is not published yet, in one transaction;
 * a second call finds none and publishes 0.
 */
export async function publishGrades(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
): Promise<PublishGradesResult> {
  requireExaminerGraded(await loadGradingSitting(ctx.db, sittingId));
  const entries = await ctx.db.transaction(async (tx) => {
    await lockSittingGrades(tx, sittingId);
    const published = await tx
      .update(grades)
      .set({ publishedAt: new Date() })
      .where(and(eq(grades.sittingId, sittingId), isNull(grades.publishedAt)))
      .returning();
    if (published.length === 0) return [];
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'grades.published',
      subject: sittingId,
      details: {
        count: published.length,
        grades: published.map((g) => ({ studentId: g.studentId, percent: g.percent, letter: g.letter })),
      },
    });
    const logged: LogRow[] = [];
    for (const grade of published) logged.push(await logGradePublished(tx, grade, false));
    return logged;
  });
  announcePublished(ctx, entries);
  return { published: entries.length };
}
