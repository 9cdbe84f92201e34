import { GRADE_SCALE, TraditionalGrade } from '@adal/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  check,
  date,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { attempts } from '../attempts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';
import { disciplines } from '../university/schema.js';

export const letterEnum = pgEnum('letter_grade', GRADE_SCALE.map((r) => r.letter) as [string, ...string[]]);
export const traditionalEnum = pgEnum('traditional_grade', TraditionalGrade.options as [string, ...string[]]);

/** CASE expression giving the scale's value for a percent (rounded half-up, as gradeFromPercent does). */
function onScale(percent: AnyPgColumn, pick: (row: (typeof GRADE_SCALE)[number]) => string): SQL {
  const whens = GRADE_SCALE.map(
    (row) =>
      sql`WHEN floor(${percent} + 0.5) >= ${sql.raw(String(row.minPercent))} THEN ${sql.raw(pick(row))}`,
  );
  return sql`CASE ${sql.join(whens, sql` `)} END`;
}

/** A student's grade for a sitting, in all four transcript columns. Written by grades/record-grade.ts. */
export const grades = pgTable(
  'grades',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    percent: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    letter: letterEnum().notNull(),
    gpaPoints: numeric({ precision: 3, scale: 2, mode: 'number' }).notNull(),
    traditional: traditionalEnum().notNull(),
    /** null: graded automatically (a computer test's score). */
    gradedBy: uuid().references(() => users.id),
    /** The attempt whose score this grade is (computer tests). */
    attemptId: uuid().references(() => attempts.id),
    gradedAt: createdAt(),
    /** State attestation: the commission protocol that fixed the grade. */
    protocolNumber: text(),
    protocolDate: date(),
    publishedAt: at(),
    /** The examiner's comment (oral and written exams), shown with the grade once published. */
    comment: text().notNull().default(''),
  },
  (t) => [
    unique().on(t.sittingId, t.studentId),
    check('grades_percent_range', sql`${t.percent} between 0 and 100`),
    check('grades_gpa_range', sql`${t.gpaPoints} between 0 and 4`),
    // The letter, points and traditional grade are derived from the percent; they can never disagree.
    check(
      'grades_letter_matches_percent',
      sql`${t.letter}::text = ${onScale(t.percent, (r) => `'${r.letter}'`)}`,
    ),
    check(
      'grades_points_match_percent',
      sql`${t.gpaPoints} = ${onScale(t.percent, (r) => r.gpaPoints.toFixed(2))}`,
    ),
    check(
      'grades_traditional_matches_percent',
      sql`${t.traditional}::text = ${onScale(t.percent, (r) => `'${r.traditional}'`)}`,
    ),
  ],
);

/**
 * The course journal's marks before the exam (from the university's AIS): the average of current
 * work and the two midterms, in percent. The result page's final grades table reads them.
 */
export const journalMarks = pgTable(
  'journal_marks',
  {
    studentId: userRef(),
    disciplineId: uuid()
      .notNull()
      .references(() => disciplines.id),
    currentAverage: numeric({ precision: 5, scale: 2, mode: 'number' }),
    midterm1: numeric({ precision: 5, scale: 2, mode: 'number' }),
    midterm2: numeric({ precision: 5, scale: 2, mode: 'number' }),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.disciplineId] }),
    check(
      'journal_percent_range',
      sql`coalesce(${t.currentAverage}, 0) between 0 and 100 and coalesce(${t.midterm1}, 0) between 0 and 100 and coalesce(${t.midterm2}, 0) between 0 and 100`,
    ),
  ],
);
