import { z } from 'zod';
import { LetterGrade, TraditionalGrade } from '../domain/grades.js';
import { Difficulty, QuestionKind } from '../domain/questions.js';
import { ControlKind } from '../domain/sitting-kinds.js';
import { DisciplineRef, Id } from './sittings.js';

/**
 * A computer test, as the student's screens and the server's clock see it (exam-procedures.md,
 * "Computer-based test"). The deadline lives on the server; clients only display it.
 */

const BlueprintFields = z
  .object({
    simple: z.number().int().min(0).max(500),
    medium: z.number().int().min(0).max(500),
    hard: z.number().int().min(0).max(500),
    shuffleQuestions: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
  })
  .strict();
const notEmpty = (b: { simple: number; medium: number; hard: number }) => b.simple + b.medium + b.hard > 0;
const EMPTY_PAPER = { message: 'a paper needs at least one question' };

/** How many questions of each difficulty a sitting's paper has, drawn from the sitting's bank. */
export const Blueprint = BlueprintFields.refine(notEmpty, EMPTY_PAPER);
export type Blueprint = z.infer<typeof Blueprint>;
export type BlueprintInput = z.input<typeof Blueprint>;

export const AttemptStatus = z.enum([
  'in_progress',
  'suspended',
  'finished',
  'timed_out',
  'voided',
  'terminated',
]);
export type AttemptStatus = z.infer<typeof AttemptStatus>;

/** A question as the student sees it: options in the student's own order, never the key. */
export const PaperQuestion = z.object({
  questionId: Id,
  kind: QuestionKind,
  difficulty: Difficulty,
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type PaperQuestion = z.infer<typeof PaperQuestion>;

/** What the student answered: option ids (choice kinds) or one typed answer (short answer). */
export const AnswerResponse = z.array(z.string().max(2000)).max(20);
export type AnswerResponse = z.infer<typeof AnswerResponse>;

export const SavedAnswer = z.object({
  questionId: Id,
  response: AnswerResponse,
  /** The client's save counter for this question: the idempotency key with the attempt and question. */
  revision: z.number().int().min(1),
});
export type SavedAnswer = z.infer<typeof SavedAnswer>;

export const AttemptClock = z.object({
  status: AttemptStatus,
  startedAt: z.string().datetime(),
  /** When the attempt closes; moves later by the time a pause lasted. */
  deadlineAt: z.string().datetime(),
  /**
   * Set while the clock stands still: a proctor paused the test, or a lost camera or screen
   * suspended it under a policy that stops the clock. The deadline moves by that time.
   */
  pausedAt: z.string().datetime().nullable(),
  /** A proctor paused the test (answers locked, clock stopped). */
  pausedByProctor: z.boolean(),
  /** Set while the attempt is suspended because the webcam or the screen stopped. */
  suspendedAt: z.string().datetime().nullable(),
  /** The server's clock when this was sent, so the client can correct for its own clock's skew. */
  serverNow: z.string().datetime(),
});
export type AttemptClock = z.infer<typeof AttemptClock>;

export const AttemptView = AttemptClock.extend({
  attemptId: Id,
  sittingId: Id,
  number: z.number().int().min(1),
  attemptsAllowed: z.number().int().min(1),
  discipline: DisciplineRef,
  controlKind: ControlKind,
  durationMinutes: z.number().int(),
  questions: z.array(PaperQuestion),
  answers: z.array(SavedAnswer),
});
export type AttemptView = z.infer<typeof AttemptView>;

export const AttemptParams = z.object({ attemptId: Id }).strict();
export type AttemptParams = z.infer<typeof AttemptParams>;
export const SittingAttemptParams = z.object({ sittingId: Id, attemptId: Id }).strict();
export type SittingAttemptParams = z.infer<typeof SittingAttemptParams>;

/** The info page before a test starts (seed 001): who, what, how long, attempts used. */
export const TestInfo = z.object({
  sittingId: Id,
  student: z.object({ id: Id, fullName: z.string() }),
  discipline: DisciplineRef,
  controlKind: ControlKind,
  durationMinutes: z.number().int(),
  questionCount: z.number().int(),
  attemptsUsed: z.number().int().min(0),
  attemptsAllowed: z.number().int().min(1),
  /** An attempt in progress resumes instead of starting a new one. */
  attemptInProgress: Id.nullable(),
  /** Why the student may not start now, or null. */
  /** sitting_ended: the proctor terminated it, denied admission or let the student leave. */
  /** extension_missing: the sitting requires the proctoring extension and it never answered. */
  blockedBy: z
    .enum([
      'not_admitted',
      'no_attempts_left',
      'no_paper',
      'not_a_test',
      'sitting_ended',
      'extension_missing',
    ])
    .nullable(),
});
export type TestInfo = z.infer<typeof TestInfo>;

/** Finishing needs the tick "I understand that I answered all questions and finish the test". */
export const FinishAttemptBody = z.object({ confirmAllAnswered: z.literal(true) }).strict();
export type FinishAttemptBody = z.infer<typeof FinishAttemptBody>;

export const DifficultyResult = z.object({
  difficulty: Difficulty,
  questions: z.number().int(),
  correct: z.number(),
});

export const GradeOnScale = z.object({
  percent: z.number(),
  letter: LetterGrade,
  gpaPoints: z.number(),
  traditional: TraditionalGrade,
});

/**
 * The final grades table (seed 002): the journal's average current mark and midterms, the
 * admission rating (mean of the midterms), the exam (this test's counting percent) and the final
 * (60 % rating + 40 % exam). null where the journal has no mark yet.
 */
export const FinalGrades = z.object({
  currentAverage: z.number().nullable(),
  midterm1: z.number().nullable(),
  midterm2: z.number().nullable(),
  rating: z.number().nullable(),
  exam: z.number().nullable(),
  final: GradeOnScale.nullable(),
});
export type FinalGrades = z.infer<typeof FinalGrades>;

/** Results by difficulty (seed 002) and the test grade; recomputed when an appeal is upheld. */
export const AttemptResult = z.object({
  attemptId: Id,
  sittingId: Id,
  number: z.number().int(),
  status: AttemptStatus,
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
  byDifficulty: z.array(DifficultyResult),
  questions: z.number().int(),
  /** Sum of question scores (several-answer questions may score a fraction under partial credit). */
  correct: z.number(),
  /** null when the attempt was voided (time ran out under the "void" policy). */
  percent: z.number().nullable(),
  /** The attempt that counts for the grade, by the sitting's policy. */
  counts: z.boolean(),
  attemptsUsed: z.number().int(),
  attemptsAllowed: z.number().int(),
  /** This test's grade on the scale (null when voided). */
  grade: GradeOnScale.nullable(),
  finalGrades: FinalGrades,
});
export type AttemptResult = z.infer<typeof AttemptResult>;

/** Student → server: one answer, saved at once and acknowledged. */
export const AttemptAnswerPayload = SavedAnswer.extend({ attemptId: Id }).strict();
export type AttemptAnswerPayload = z.infer<typeof AttemptAnswerPayload>;
export const AttemptAnswerAck = z.object({
  questionId: Id,
  /** The revision now stored: the payload's, or a newer one already saved. */
  revision: z.number().int(),
  savedAt: z.string().datetime(),
});
export type AttemptAnswerAck = z.infer<typeof AttemptAnswerAck>;

/** Server → student (and the sitting's watchers): the clock or status of an attempt changed. */
export const AttemptChanged = AttemptClock.extend({ attemptId: Id, sittingId: Id, studentId: Id });
export type AttemptChanged = z.infer<typeof AttemptChanged>;

/** A student's attempt as the sitting's proctor sees it. */
export const SittingAttempt = AttemptClock.extend({
  attemptId: Id,
  studentId: Id,
  number: z.number().int(),
  questions: z.number().int(),
  answered: z.number().int(),
  percent: z.number().nullable(),
});
export type SittingAttempt = z.infer<typeof SittingAttempt>;
export const SittingAttemptList = z.array(SittingAttempt);

/** The sitting's blueprint and what its bank holds per difficulty. */
export const BlueprintState = z.object({
  blueprint: Blueprint.nullable(),
  /** The bank papers are drawn from (its discipline is the sitting's). */
  bankId: Id.nullable(),
  available: z.object({ simple: z.number().int(), medium: z.number().int(), hard: z.number().int() }),
});
export type BlueprintState = z.infer<typeof BlueprintState>;

/** Sets the blueprint, and optionally which bank of the sitting's discipline papers come from. */
export const SetBlueprintBody = BlueprintFields.extend({ bankId: Id.optional() }).refine(
  notEmpty,
  EMPTY_PAPER,
);
export type SetBlueprintBody = z.input<typeof SetBlueprintBody>;
