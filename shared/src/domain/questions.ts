import { z } from 'zod';

/** Question kinds of a computer test (seed 002, 004). */
export const QuestionKind = z.enum(['single', 'multiple', 'true_false', 'short_answer']);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** Difficulty levels of a bank's questions (seed 002). */
export const Difficulty = z.enum(['simple', 'medium', 'hard']);
export type Difficulty = z.infer<typeof Difficulty>;
export const DIFFICULTIES = Difficulty.options;

/**
 * How a several-answer question is scored (per sitting):
 * - all_or_nothing: 1 when exactly the correct options are chosen, else 0;
 * - partial: (correct chosen − wrong chosen) ÷ number of correct options, never below 0.
 */
export const MultipleScoring = z.enum(['all_or_nothing', 'partial']);
export type MultipleScoring = z.infer<typeof MultipleScoring>;

/** Which attempt's result is the grade when retakes are allowed. */
export const CountingAttempt = z.enum(['best', 'last']);
export type CountingAttempt = z.infer<typeof CountingAttempt>;
