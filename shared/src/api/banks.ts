import { z } from 'zod';
import { Difficulty, QuestionKind } from '../domain/questions.js';
import { ApiErrorBody } from './errors.js';
import { Id } from './sittings.js';

/**
 * Question banks and their import from teachers' files (server/src/banks/import/README.md):
 * Moodle GIFT, Aiken, and our CSV template. An import is all-or-nothing.
 */

/** The file formats a bank can be imported from. */
export const BankFormat = z.enum(['gift', 'aiken', 'csv']);
export type BankFormat = z.infer<typeof BankFormat>;

/** Limits of one import; the same numbers are quoted to teachers in the import README. */
export const BANK_IMPORT_LIMITS = {
  /** Characters of file text (about 2 MB): a 5,000-question bank fits with room to spare. */
  maxTextChars: 2 * 1024 * 1024,
  maxQuestions: 5_000,
  maxStemChars: 4_000,
  maxOptionChars: 1_000,
  minOptions: 2,
  maxOptions: 10,
  maxAcceptedAnswers: 20,
  /** As long as a student's typed answer may be (AnswerResponse). */
  maxAcceptedChars: 2_000,
  maxTopicChars: 200,
  /** A rejected import lists at most this many errors. */
  maxErrors: 100,
} as const;

/** Option ids in file order: the first option is 'a', the tenth 'j'. */
export const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;

/** A true/false question's two options, in this order; clients show the words in their own language. */
export const TRUE_FALSE_OPTIONS = [
  { id: 'true', text: 'True' },
  { id: 'false', text: 'False' },
] as const;

export const QuestionOption = z
  .object({
    id: z.string().min(1).max(8),
    text: z.string().trim().min(1).max(BANK_IMPORT_LIMITS.maxOptionChars),
  })
  .strict();
export type QuestionOption = z.infer<typeof QuestionOption>;

const common = {
  difficulty: Difficulty,
  topic: z.string().trim().max(BANK_IMPORT_LIMITS.maxTopicChars),
  stem: z.string().trim().min(1).max(BANK_IMPORT_LIMITS.maxStemChars),
};

/** Choice options carry the ids 'a', 'b', 'c'… in order, so an option's id says where it stood in the file. */
const ChoiceOptions = z
  .array(QuestionOption)
  .min(BANK_IMPORT_LIMITS.minOptions)
  .max(BANK_IMPORT_LIMITS.maxOptions)
  .refine((options) => options.every((o, i) => o.id === OPTION_IDS[i]), {
    message: "option ids must be 'a', 'b', 'c'… in order",
  });

const TrueFalseOptions = z.tuple([
  z.object({ id: z.literal('true'), text: z.string() }).strict(),
  z.object({ id: z.literal('false'), text: z.string() }).strict(),
]);

/**
 * One question as an import produces it and the `questions` table stores it (without bank and id).
 * `correct` holds option ids for the choice kinds and true/false, accepted answers for short answers.
 */
export const ParsedQuestion = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('single'),
        ...common,
        options: ChoiceOptions,
        correct: z.array(z.string()).length(1),
      })
      .strict(),
    z
      .object({
        kind: z.literal('multiple'),
        ...common,
        options: ChoiceOptions,
        // One right option would make it a single-answer question: GIFT and CSV agree on that.
        correct: z.array(z.string()).min(2).max(BANK_IMPORT_LIMITS.maxOptions),
      })
      .strict(),
    z
      .object({
        kind: z.literal('true_false'),
        ...common,
        options: TrueFalseOptions,
        correct: z.tuple([z.enum(['true', 'false'])]),
      })
      .strict(),
    z
      .object({
        kind: z.literal('short_answer'),
        ...common,
        options: z.array(QuestionOption).max(0),
        correct: z
          .array(z.string().trim().min(1).max(BANK_IMPORT_LIMITS.maxAcceptedChars))
          .min(1)
          .max(BANK_IMPORT_LIMITS.maxAcceptedAnswers),
      })
      .strict(),
  ])
  .superRefine((q, ctx) => {
    if (new Set(q.correct).size !== q.correct.length) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'the same answer is listed twice' });
    }
    if (q.kind === 'short_answer') return;
    const ids = new Set(q.options.map((o) => o.id));
    for (const id of q.correct) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['correct'], message: `no option '${id}'` });
    }
  });
export type ParsedQuestion = z.infer<typeof ParsedQuestion>;

/** How many questions of each difficulty an import brought (the counts a teacher checks first). */
export const DifficultyCounts = z.object({
  simple: z.number().int().min(0),
  medium: z.number().int().min(0),
  hard: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type DifficultyCounts = z.infer<typeof DifficultyCounts>;

export const KindCounts = z.object({
  single: z.number().int().min(0),
  multiple: z.number().int().min(0),
  true_false: z.number().int().min(0),
  short_answer: z.number().int().min(0),
});
export type KindCounts = z.infer<typeof KindCounts>;

/** Why a file was rejected: the 1-based line of the file and a sentence a teacher can act on. */
export const ImportLineError = z.object({ line: z.number().int().min(1), message: z.string() });
export type ImportLineError = z.infer<typeof ImportLineError>;

/**
 * POST body of a bank import: the file's text (the client reads it as UTF-8) and the new bank's
 * discipline and title. Defaults apply to questions the file gives no difficulty or topic.
 * JSON keeps one body parser for the API; the route needs a body limit of about 8 MB, as
 * Cyrillic text is 2 bytes a character in UTF-8 and JSON escapes line breaks.
 */
export const ImportBankBody = z
  .object({
    format: BankFormat,
    fileName: z.string().trim().min(1).max(255),
    text: z.string().min(1).max(BANK_IMPORT_LIMITS.maxTextChars),
    disciplineId: Id,
    title: z.string().trim().min(1).max(200),
    defaultDifficulty: Difficulty.optional(),
    defaultTopic: z.string().trim().max(BANK_IMPORT_LIMITS.maxTopicChars).optional(),
  })
  .strict();
export type ImportBankBody = z.infer<typeof ImportBankBody>;

/** 201 response: the new bank and what it holds. */
export const ImportBankResult = z.object({
  bankId: Id,
  counts: DifficultyCounts,
  byKind: KindCounts,
});
export type ImportBankResult = z.infer<typeof ImportBankResult>;

/**
 * 400 response when the file has errors: nothing was imported. An ApiErrorResponse
 * (code 'validation_failed') that also lists the file's lines, sorted, at most maxErrors of them.
 */
export const ImportBankRejected = z.object({
  error: ApiErrorBody.extend({
    code: z.literal('validation_failed'),
    lines: z.array(ImportLineError).max(BANK_IMPORT_LIMITS.maxErrors),
    /** More errors were found than are listed. */
    truncated: z.boolean(),
  }),
});
export type ImportBankRejected = z.infer<typeof ImportBankRejected>;

/** A question bank as the dean's office lists them. */
export const BankSummary = z.object({
  bankId: Id,
  title: z.string(),
  discipline: z.object({ id: Id, code: z.string(), name: z.string() }),
  counts: DifficultyCounts,
  createdAt: z.string().datetime(),
});
export type BankSummary = z.infer<typeof BankSummary>;
export const BankList = z.array(BankSummary);

export const DisciplineList = z.array(z.object({ id: Id, code: z.string(), name: z.string() }));
export type DisciplineList = z.infer<typeof DisciplineList>;
