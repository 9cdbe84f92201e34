import { z } from 'zod';
import { SittingKind } from '../domain/sitting-kinds.js';
import { ImportLineError } from './banks.js';
import { ApiErrorBody } from './errors.js';
import { DisciplineRef, GroupRef, Id } from './sittings.js';

/**
 * Ticket pools for closed-ticket exams (written, oral, state) and their import from teachers'
 * files (server/src/ticket-pools/README.md): a text file of "Билет № 1" blocks, or a CSV with
 * the columns ticket,question. An import is all-or-nothing, like a question bank's.
 */

/** The two file formats; a file's format is read from its content when the request names none. */
export const TicketFileFormat = z.enum(['text', 'csv']);
export type TicketFileFormat = z.infer<typeof TicketFileFormat>;

/** How the file's bytes were read: what Notepad, Word and Excel save in kk/ru/en locales. */
export const TicketFileEncoding = z.enum(['utf-8', 'utf-16', 'windows-1251']);
export type TicketFileEncoding = z.infer<typeof TicketFileEncoding>;

/** Limits of one pool; the same numbers are quoted to teachers in the import README. */
export const TICKET_IMPORT_LIMITS = {
  /** Bytes of file: 500 tickets of 10 long Cyrillic questions fit with room to spare. */
  maxFileBytes: 2 * 1024 * 1024,
  maxTickets: 500,
  /** Ticket numbers are printed on paper tickets; four digits are plenty. */
  maxTicketNumber: 9_999,
  maxQuestionsPerTicket: 10,
  maxQuestionChars: 2_000,
  maxTitleChars: 200,
  /** A rejected import lists at most this many errors. */
  maxErrors: 100,
} as const;

/** Base64 characters of a file of maxFileBytes. */
const MAX_BASE64_CHARS = Math.ceil(TICKET_IMPORT_LIMITS.maxFileBytes / 3) * 4;

/** One ticket as a pool holds it and staff preview it (never sent to students before their draw). */
export const PoolTicket = z.object({
  number: z.number().int().min(1).max(TICKET_IMPORT_LIMITS.maxTicketNumber),
  questions: z
    .array(z.string().trim().min(1).max(TICKET_IMPORT_LIMITS.maxQuestionChars))
    .min(1)
    .max(TICKET_IMPORT_LIMITS.maxQuestionsPerTicket),
});
export type PoolTicket = z.infer<typeof PoolTicket>;

/** What a pool holds: its tickets, and the fewest, most and all questions of its tickets. */
export const TicketPoolCounts = z.object({
  tickets: z.number().int().min(0),
  questions: z.object({
    min: z.number().int().min(0),
    max: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
});
export type TicketPoolCounts = z.infer<typeof TicketPoolCounts>;

/**
 * POST body of a pool import. The file goes as its bytes (base64), not as text: Russian Excel
 * saves CSV in Windows-1251 and the browser cannot tell which encoding a file has, so the server
 * reads it from the bytes. The route's body limit is 8 MB (the API's usual limit is far smaller).
 */
export const ImportTicketPoolBody = z
  .object({
    disciplineId: Id,
    title: z.string().trim().min(1).max(TICKET_IMPORT_LIMITS.maxTitleChars),
    fileName: z.string().trim().min(1).max(255),
    fileBase64: z.base64().min(1).max(MAX_BASE64_CHARS),
    /** Omitted: read from the file (a header row with ticket and question columns is CSV). */
    format: TicketFileFormat.optional(),
  })
  .strict();
export type ImportTicketPoolBody = z.infer<typeof ImportTicketPoolBody>;

/** 201 response: the new pool, how its file was read, and what it holds. */
export const ImportTicketPoolResult = z.object({
  poolId: Id,
  format: TicketFileFormat,
  encoding: TicketFileEncoding,
  counts: TicketPoolCounts,
});
export type ImportTicketPoolResult = z.infer<typeof ImportTicketPoolResult>;

/**
 * 400 response when the file has errors: nothing was imported. An ApiErrorResponse (code
 * 'validation_failed') that also lists the file's lines, sorted, at most maxErrors of them.
 */
export const ImportTicketPoolRejected = z.object({
  error: ApiErrorBody.extend({
    code: z.literal('validation_failed'),
    lines: z.array(ImportLineError).max(TICKET_IMPORT_LIMITS.maxErrors),
    /** More errors were found than are listed. */
    truncated: z.boolean(),
  }),
});
export type ImportTicketPoolRejected = z.infer<typeof ImportTicketPoolRejected>;

export const DisciplineParams = z.object({ disciplineId: Id }).strict();
export type DisciplineParams = z.infer<typeof DisciplineParams>;
export const TicketPoolParams = z.object({ poolId: Id }).strict();
export type TicketPoolParams = z.infer<typeof TicketPoolParams>;

export const TicketPoolSummary = z.object({
  poolId: Id,
  title: z.string(),
  counts: TicketPoolCounts,
  createdAt: z.string().datetime(),
  /** How many sittings draw from this pool. */
  sittings: z.number().int().min(0),
});
export type TicketPoolSummary = z.infer<typeof TicketPoolSummary>;

/** A closed-ticket sitting of the discipline that has not ended, and the pool it draws from. */
export const TicketSitting = z.object({
  sittingId: Id,
  kind: SittingKind,
  group: GroupRef,
  startsAt: z.string().datetime(),
  durationMinutes: z.number().int(),
  /** Students on the list: with fewer tickets than students, tickets are dealt in several rounds. */
  students: z.number().int().min(0),
  ticketPoolId: Id.nullable(),
  /**
   * The draw's order is fixed (the first student opened the ticket table): the pool can no
   * longer be replaced.
   */
  drawStarted: z.boolean(),
});
export type TicketSitting = z.infer<typeof TicketSitting>;

/** GET response: a discipline's pools, newest first, and its closed-ticket sittings by start. */
export const DisciplineTicketPools = z.object({
  discipline: DisciplineRef,
  pools: z.array(TicketPoolSummary),
  sittings: z.array(TicketSitting),
});
export type DisciplineTicketPools = z.infer<typeof DisciplineTicketPools>;

/** A pool with every ticket, by number: for the staff who keep pools, never for students. */
export const TicketPoolPreview = TicketPoolSummary.extend({
  discipline: DisciplineRef,
  tickets: z.array(PoolTicket),
});
export type TicketPoolPreview = z.infer<typeof TicketPoolPreview>;

/** The pool a written, oral or state exam draws its tickets from (same discipline). */
export const AttachTicketPoolBody = z.object({ poolId: Id }).strict();
export type AttachTicketPoolBody = z.infer<typeof AttachTicketPoolBody>;
