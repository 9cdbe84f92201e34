import {
  BANK_IMPORT_LIMITS,
  type BankFormat,
  type BankSummary,
  ImportBankRejected,
  ImportBankResult,
  type ImportLineError,
} from '@adal/shared';
import { ApiError, errorFromResponse } from '@adal/shared/web';

/** What the file input accepts: GIFT and Aiken are plain text, CSV the template. */
export const ACCEPTED_FILES = '.txt,.gift,.csv';

/**
 * The format a file name suggests. `.csv` and `.gift` say it; the example files' double
 * extensions (`example.gift.txt`, `example.aiken.txt`) too. A bare `.txt` may be GIFT or
 * Aiken, so the user is asked (null).
 */
export function guessFormat(fileName: string): BankFormat | null {
  const name = fileName.trim().toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.gift') || name.endsWith('.gift.txt')) return 'gift';
  if (name.endsWith('.aiken.txt') || name.endsWith('.aiken')) return 'aiken';
  return null;
}

/** A bank title from the file name: without its extensions, separators turned into spaces. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/(\.(gift|aiken|txt|csv))+$/i, '') || base;
  return stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Why a file cannot be sent, before any upload: empty, or over the server's text limit. */
export type TextProblem = 'emptyFile' | 'tooLarge';

export function textProblem(text: string): TextProblem | null {
  if (text.trim().length === 0) return 'emptyFile';
  if (text.length > BANK_IMPORT_LIMITS.maxTextChars) return 'tooLarge';
  return null;
}

export const LIMIT_MEGABYTES = BANK_IMPORT_LIMITS.maxTextChars / (1024 * 1024);

/** One line of the file with every reason the importer gave for it, in line order. */
export interface RejectedLine {
  line: number;
  messages: string[];
}

/** The rejected file's errors grouped by line (the server lists them sorted, possibly several per line). */
export function groupByLine(errors: readonly ImportLineError[]): RejectedLine[] {
  const byLine = new Map<number, string[]>();
  for (const { line, message } of errors) {
    const messages = byLine.get(line);
    if (messages) messages.push(message);
    else byLine.set(line, [message]);
  }
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([line, messages]) => ({ line, messages }));
}

export type ImportOutcome =
  | { kind: 'imported'; result: ImportBankResult }
  | { kind: 'rejected'; lines: RejectedLine[]; truncated: boolean }
  | { kind: 'failed'; error: ApiError };

/**
 * What an import's HTTP answer means. 201 is the new bank; a 400 with `lines` is a rejected file
 * (nothing imported); anything else is an ApiError, shaped as the api client shapes it (so field
 * errors such as body.title keep their paths).
 */
export function importOutcome(status: number, body: unknown): ImportOutcome {
  if (status === 201) {
    const parsed = ImportBankResult.safeParse(body);
    if (parsed.success) return { kind: 'imported', result: parsed.data };
    return {
      kind: 'failed',
      error: new ApiError('bad_response', 'import answered outside the contract', status, [], parsed.error),
    };
  }
  if (status === 400) {
    const rejected = ImportBankRejected.safeParse(body);
    if (rejected.success)
      return {
        kind: 'rejected',
        lines: groupByLine(rejected.data.error.lines),
        truncated: rejected.data.error.truncated,
      };
  }
  if (status >= 200 && status < 300)
    return { kind: 'failed', error: new ApiError('bad_response', `unexpected status ${status}`, status) };
  return { kind: 'failed', error: errorFromResponse(status, body) };
}

/** The import form's fields, as its error messages name them. */
export type ImportField = 'file' | 'format' | 'title' | 'disciplineId' | 'defaultTopic';

/** Body fields of the request by the form field they come from (`text` and `fileName` are the file). */
const FIELD_OF: Record<string, ImportField> = {
  text: 'file',
  fileName: 'file',
  format: 'format',
  title: 'title',
  disciplineId: 'disciplineId',
  defaultTopic: 'defaultTopic',
};

/** The form fields a 400's field errors point at (`body.title` → title). */
export function importFieldErrors(error: ApiError): Set<ImportField> {
  const fields = new Set<ImportField>();
  for (const { path } of error.fields) {
    const field = FIELD_OF[path.replace(/^body\./, '').split('.')[0] ?? ''];
    if (field) fields.add(field);
  }
  return fields;
}

/** Where an import is: reading the file, sending it, or waiting for the server's check. */
export type ImportProgress =
  | { phase: 'reading'; loaded: number; total: number }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'checking' };

/** Whole percent of the current phase, or null when there is nothing to measure (indeterminate). */
export function progressPercent(progress: ImportProgress): number | null {
  if (progress.phase === 'checking' || progress.total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((progress.loaded / progress.total) * 100)));
}

/** The banks a sitting of this discipline may draw from, newest first (as the server lists them). */
export const banksOfDiscipline = (banks: readonly BankSummary[], disciplineId: string): BankSummary[] =>
  banks.filter((b) => b.discipline.id === disciplineId);
