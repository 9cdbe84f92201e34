import { z } from 'zod';
import { LetterGrade, TraditionalGrade } from '../domain/grades.js';
import { Id } from './sittings.js';
import { StudentLogParams } from './violations.js';

/**
 * Grades of oral and written exams (exam-procedures.md, "Grading and publication"): the examiner
 * grades each student with a comment; students see nothing until the grades are published.
 * Written results are due within `resultsWithinHours` of the sitting's end (default one day).
 */

/** A grade as the scale gives it (percent → letter, points, traditional). */
export const GradeValue = z.object({
  percent: z.number().min(0).max(100),
  letter: LetterGrade,
  gpaPoints: z.number().min(0).max(4),
  traditional: TraditionalGrade,
});
export type GradeValue = z.infer<typeof GradeValue>;

/** The examiner's grade for one student: a percent on the scale and a comment. */
export const GradeStudentBody = z
  .object({
    percent: z.number().min(0).max(100).multipleOf(0.01),
    comment: z.string().trim().max(2000).default(''),
  })
  .strict();
export type GradeStudentBody = z.infer<typeof GradeStudentBody>;

export const GradeRow = z.object({
  studentId: Id,
  fullName: z.string(),
  /** The drawn ticket, if any. */
  ticketNumber: z.number().int().min(1).nullable(),
  /** Answer-sheet pages: current, and how many are accepted. */
  sheetPages: z.number().int().min(0),
  sheetsAccepted: z.number().int().min(0),
  /** The student's sitting is over (permitted to leave, terminated, denied). */
  finished: z.boolean(),
  grade: GradeValue.nullable(),
  comment: z.string(),
  gradedByName: z.string().nullable(),
  gradedAt: z.string().datetime().nullable(),
  publishedAt: z.string().datetime().nullable(),
});
export type GradeRow = z.infer<typeof GradeRow>;

export const SittingGrades = z.object({
  sittingId: Id,
  rows: z.array(GradeRow),
  /** Written exams: when results must be published by (sitting end + resultsWithinHours). */
  publishBy: z.string().datetime().nullable(),
  /** Some grades are recorded but not published yet. */
  unpublished: z.number().int().min(0),
});
export type SittingGrades = z.infer<typeof SittingGrades>;

export const GradeParams = StudentLogParams;

/** Publishes every recorded grade of the sitting not yet published; audited. */
export const PublishGradesResult = z.object({ published: z.number().int().min(0) });
export type PublishGradesResult = z.infer<typeof PublishGradesResult>;

/** What the student sees on the sitting page: nothing until published. */
export const StudentExamResult = z.object({
  sittingId: Id,
  published: z.boolean(),
  grade: GradeValue.nullable(),
  comment: z.string().nullable(),
  publishedAt: z.string().datetime().nullable(),
  /**
   * State attestation: the commission protocol that fixed the grade (its number and date go to the
   * transcript); null for an examiner's grade; absent until the grade is published.
   */
  protocolNumber: z.string().nullable().optional(),
  protocolDate: z.iso.date().nullable().optional(),
});
export type StudentExamResult = z.infer<typeof StudentExamResult>;

/** Pushed to a student when their grade is published. */
export const GradePublished = z.object({ sittingId: Id });
export type GradePublished = z.infer<typeof GradePublished>;
