import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.js';
import { disciplines } from '../university/schema.js';

export const questionKindEnum = pgEnum('question_kind', ['single', 'multiple', 'true_false', 'short_answer']);
export const difficultyEnum = pgEnum('difficulty', ['simple', 'medium', 'hard']);

export const questionBanks = pgTable('question_banks', {
  id: id(),
  disciplineId: uuid()
    .notNull()
    .references(() => disciplines.id),
  title: text().notNull(),
  createdAt: createdAt(),
});

export interface QuestionOption {
  id: string;
  text: string;
}

export const questions = pgTable(
  'questions',
  {
    id: id(),
    bankId: uuid()
      .notNull()
      .references(() => questionBanks.id, { onDelete: 'cascade' }),
    kind: questionKindEnum().notNull(),
    difficulty: difficultyEnum().notNull(),
    topic: text().notNull().default(''),
    stem: text().notNull(),
    options: jsonb().$type<QuestionOption[]>().notNull().default([]),
    /** Option ids for choice kinds; accepted strings for short answers. Never sent to students. */
    correct: jsonb().$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('questions_has_correct', sql`jsonb_array_length(${t.correct}) > 0`)],
);

/** Closed tickets for written, oral and state exams. */
export const ticketPools = pgTable('ticket_pools', {
  id: id(),
  disciplineId: uuid()
    .notNull()
    .references(() => disciplines.id),
  title: text().notNull(),
  createdAt: createdAt(),
});

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    poolId: uuid()
      .notNull()
      .references(() => ticketPools.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    questions: jsonb().$type<string[]>().notNull(),
  },
  (t) => [
    unique().on(t.poolId, t.number),
    check('tickets_number_positive', sql`${t.number} > 0`),
    check('tickets_has_questions', sql`jsonb_array_length(${t.questions}) > 0`),
  ],
);
