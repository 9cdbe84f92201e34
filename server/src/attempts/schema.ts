import type { Difficulty } from '@adal/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { questions } from '../banks/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

export interface PaperItem {
  questionId: string;
  /** Option ids in the order this student sees them (empty for short answers). */
  options: string[];
}

export interface AttemptScore {
  byDifficulty: { difficulty: Difficulty; questions: number; correct: number }[];
  questions: number;
  correct: number;
  /** null: voided (time ran out under the "void" policy). */
  percent: number | null;
}

export const attemptStatusEnum = pgEnum('attempt_status', [
  'in_progress',
  'suspended',
  'finished',
  'timed_out',
  'voided',
  'terminated',
]);

/** One try of one student at one sitting; retakes are attempts 2, 3… up to the policy's limit. */
export const attempts = pgTable(
  'attempts',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    number: integer().notNull(),
    status: attemptStatusEnum().notNull().default('in_progress'),
    /**
     * The questions drawn for this student in display order, each with its options in the
     * student's order; stored so a reload shows the same paper and the draw can be audited.
     */
    paper: jsonb().$type<PaperItem[]>().notNull().default([]),
    startedAt: createdAt(),
    deadlineAt: at().notNull(),
    /**
     * Set while the clock stands still (a proctor's pause, or a suspension under a policy that
     * stops the clock); when it runs again the deadline moves by that time.
     */
    pausedAt: at(),
    /** A proctor paused the test. */
    pausedByProctor: boolean().notNull().default(false),
    /** The webcam or the screen stopped: answers are locked until it is back. */
    suspendedAt: at(),
    pausedMs: integer().notNull().default(0),
    finishedAt: at(),
    /** Scores by difficulty, set when the attempt is graded. */
    result: jsonb().$type<AttemptScore>(),
    /** The score with the questions an appeal accepted counted as correct; the grade uses it. */
    appealResult: jsonb().$type<AttemptScore>(),
  },
  (t) => [
    unique().on(t.sittingId, t.studentId, t.number),
    check('attempts_number_positive', sql`${t.number} >= 1`),
    check('attempts_deadline_after_start', sql`${t.deadlineAt} > ${t.startedAt}`),
    check('attempts_paused_ms', sql`${t.pausedMs} >= 0`),
    // One open attempt per student and sitting, whatever races between two tabs.
    uniqueIndex('attempts_one_open')
      .on(t.sittingId, t.studentId)
      .where(sql`${t.status} in ('in_progress', 'suspended')`),
  ],
);

export const answers = pgTable(
  'answers',
  {
    id: id(),
    attemptId: uuid()
      .notNull()
      .references(() => attempts.id),
    questionId: uuid()
      .notNull()
      .references(() => questions.id),
    response: jsonb().$type<string[]>().notNull(),
    /** Bumped on every save so a late, older save never overwrites a newer one. */
    revision: integer().notNull().default(1),
    savedAt: createdAt(),
  },
  (t) => [unique().on(t.attemptId, t.questionId)],
);

/** Every stored save of an answer, oldest first: the history of work with the test (seeds 000/001). */
export const answerSaves = pgTable(
  'answer_saves',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    attemptId: uuid()
      .notNull()
      .references(() => attempts.id),
    questionId: uuid().notNull(),
    revision: integer().notNull(),
    savedAt: at().notNull(),
  },
  (t) => [index().on(t.attemptId)],
);
