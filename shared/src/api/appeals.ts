import { z } from 'zod';
import { Difficulty, QuestionKind } from '../domain/questions.js';
import { ControlKind } from '../domain/sitting-kinds.js';
import { AttemptStatus, DifficultyResult, GradeOnScale } from './attempts.js';
import { DisciplineRef, Id } from './sittings.js';

/** Appeals of computer tests (seed 002): within the appeal window, per wrongly answered question. */

export const AppealStatus = z.enum(['filed', 'under_review', 'upheld', 'rejected']);
export type AppealStatus = z.infer<typeof AppealStatus>;
export const AppealDecision = z.enum(['pending', 'accepted', 'rejected']);
export type AppealDecision = z.infer<typeof AppealDecision>;

/** A line of the "Passed tests" page. */
export const PassedTest = z.object({
  attemptId: Id,
  sittingId: Id,
  discipline: DisciplineRef,
  controlKind: ControlKind,
  number: z.number().int(),
  status: AttemptStatus,
  finishedAt: z.string().datetime().nullable(),
  byDifficulty: z.array(DifficultyResult),
  questions: z.number().int(),
  correct: z.number(),
  /** Once a question of an appeal is accepted (or the appeal decided): correct answers counting it. */
  correctAfterAppeal: z.number().nullable(),
  byDifficultyAfterAppeal: z.array(DifficultyResult).nullable(),
  grade: GradeOnScale.nullable(),
  appeal: z.object({ appealId: Id, status: AppealStatus }).nullable(),
  /** Until when an appeal may be filed; null when it cannot (voided, or no window). */
  appealOpenUntil: z.string().datetime().nullable(),
});
export type PassedTest = z.infer<typeof PassedTest>;
export const PassedTestList = z.array(PassedTest);

export const PassedTestsQuery = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .strict();
export type PassedTestsQuery = z.infer<typeof PassedTestsQuery>;

const AppealQuestion = z.object({
  questionId: Id,
  /** 1-based place on the student's paper: "Question 5". */
  position: z.number().int().min(1),
  difficulty: Difficulty,
  kind: QuestionKind,
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  /** What the student answered (option ids or the typed answer). */
  response: z.array(z.string()),
});

export const AppealItem = AppealQuestion.extend({
  comment: z.string(),
  decision: AppealDecision,
  reason: z.string().nullable(),
  decidedAt: z.string().datetime().nullable(),
  /** The key: shown to reviewers only. */
  correct: z.array(z.string()).optional(),
});
export type AppealItem = z.infer<typeof AppealItem>;

export const AppealView = z.object({
  appealId: Id,
  attemptId: Id,
  sittingId: Id,
  studentId: Id,
  studentName: z.string(),
  status: AppealStatus,
  filedAt: z.string().datetime(),
  decidedAt: z.string().datetime().nullable(),
  items: z.array(AppealItem),
});
export type AppealView = z.infer<typeof AppealView>;
export const AppealList = z.array(AppealView);

/** The appeal page: the countdown of the window, the wrongly answered questions, and the appeal if filed. */
export const AppealPage = z.object({
  attemptId: Id,
  discipline: DisciplineRef,
  windowEndsAt: z.string().datetime().nullable(),
  serverNow: z.string().datetime(),
  open: z.boolean(),
  wrong: z.array(AppealQuestion),
  appeal: AppealView.nullable(),
});
export type AppealPage = z.infer<typeof AppealPage>;

export const FileAppealBody = z
  .object({
    items: z
      .array(z.object({ questionId: Id, comment: z.string().trim().min(1).max(2000) }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type FileAppealBody = z.infer<typeof FileAppealBody>;

export const AppealParams = z.object({ sittingId: Id, appealId: Id }).strict();
export const DecideAppealItemBody = z
  .object({
    questionId: Id,
    decision: z.enum(['accepted', 'rejected']),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type DecideAppealItemBody = z.infer<typeof DecideAppealItemBody>;

/** Server → student: their appeal was decided; the grade may have changed. */
export const AppealDecided = z.object({
  appealId: Id,
  attemptId: Id,
  sittingId: Id,
  studentId: Id,
  status: AppealStatus,
  percent: z.number().nullable(),
});
export type AppealDecided = z.infer<typeof AppealDecided>;
