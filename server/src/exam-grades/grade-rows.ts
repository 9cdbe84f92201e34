import type { GradeRow, LetterGrade, TraditionalGrade } from '@adal/shared';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { answerSheets } from '../answer-sheets/schema.js';
import type { Db, Tx } from '../db/database.js';
import { grades } from '../grades/schema.js';
import { proctoringStates } from '../proctoring/schema.js';
import { onRoster } from '../sittings/roster.js';
import { sittings } from '../sittings/schema.js';
import { ticketDraws } from '../tickets/schema.js';
import { students } from '../university/schema.js';

export type GradeRecord = typeof grades.$inferSelect;

const grader = alias(users, 'grader');

/** The scale's four columns of a stored grade. */
export const gradeValue = (g: Pick<GradeRecord, 'percent' | 'letter' | 'gpaPoints' | 'traditional'>) => ({
  percent: g.percent,
  letter: g.letter as LetterGrade,
  gpaPoints: g.gpaPoints,
  traditional: g.traditional as TraditionalGrade,
});

/**
 * Every student on the sitting's list (or one of them) with their drawn ticket, answer-sheet
 * pages, whether their sitting is over, and their grade. A few small queries joined here: each
 * side table has at most one row per student, the sheets are counted per student.
 */
async function loadRows(db: Db | Tx, sittingId: string, studentId?: string): Promise<GradeRow[]> {
  const one = (column: AnyPgColumn) => (studentId ? eq(column, studentId) : undefined);
  const roster = await db
    .select({ studentId: users.id, fullName: users.fullName })
    .from(sittings)
    .innerJoin(students, onRoster())
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(sittings.id, sittingId), one(users.id)))
    .orderBy(asc(users.fullName), asc(users.id));
  if (roster.length === 0) return [];

  const [recorded, draws, states, sheets] = await Promise.all([
    db
      .select({ grade: grades, graderName: grader.fullName })
      .from(grades)
      .leftJoin(grader, eq(grader.id, grades.gradedBy))
      .where(and(eq(grades.sittingId, sittingId), one(grades.studentId))),
    db
      .select({ studentId: ticketDraws.studentId, ticketNumber: ticketDraws.ticketNumber })
      .from(ticketDraws)
      .where(and(eq(ticketDraws.sittingId, sittingId), one(ticketDraws.studentId))),
    db
      .select({ studentId: proctoringStates.studentId, endedAs: proctoringStates.endedAs })
      .from(proctoringStates)
      .where(and(eq(proctoringStates.sittingId, sittingId), one(proctoringStates.studentId))),
    db
      .select({
        studentId: answerSheets.studentId,
        pages: sql<number>`cast(count(*) as int)`,
        accepted: sql<number>`cast(count(*) filter (where ${answerSheets.status} = 'accepted') as int)`,
      })
      .from(answerSheets)
      // The current version of each page; replaced uploads stay on record but do not count.
      .where(
        and(
          eq(answerSheets.sittingId, sittingId),
          isNull(answerSheets.replacedAt),
          one(answerSheets.studentId),
        ),
      )
      .groupBy(answerSheets.studentId),
  ]);
  const gradeOf = new Map(recorded.map((r) => [r.grade.studentId, r]));
  const ticketOf = new Map(draws.map((d) => [d.studentId, d.ticketNumber]));
  const endedOf = new Map(states.map((s) => [s.studentId, s.endedAs]));
  const sheetsOf = new Map(sheets.map((s) => [s.studentId, s]));

  return roster.map((s) => {
    const g = gradeOf.get(s.studentId);
    const pages = sheetsOf.get(s.studentId);
    return {
      studentId: s.studentId,
      fullName: s.fullName,
      ticketNumber: ticketOf.get(s.studentId) ?? null,
      sheetPages: pages?.pages ?? 0,
      sheetsAccepted: pages?.accepted ?? 0,
      finished: endedOf.get(s.studentId) != null,
      grade: g ? gradeValue(g.grade) : null,
      comment: g?.grade.comment ?? '',
      // An automatic grade has no grader.
      gradedByName: g?.graderName ?? null,
      gradedAt: g ? g.grade.gradedAt.toISOString() : null,
      publishedAt: g?.grade.publishedAt?.toISOString() ?? null,
    };
  });
}

export const loadGradeRows = (db: Db | Tx, sittingId: string) => loadRows(db, sittingId);

export async function loadGradeRow(db: Db | Tx, sittingId: string, studentId: string): Promise<GradeRow> {
  const [row] = await loadRows(db, sittingId, studentId);
  if (!row) throw new Error(`student ${studentId} left the list of sitting ${sittingId}`);
  return row;
}

/** The student's grade row for the sitting, if one was recorded. */
export async function findGrade(db: Db | Tx, sittingId: string, studentId: string) {
  const [row] = await db
    .select()
    .from(grades)
    .where(and(eq(grades.sittingId, sittingId), eq(grades.studentId, studentId)));
  return row;
}
