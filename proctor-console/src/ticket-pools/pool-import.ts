import {
  ImportTicketPoolRejected,
  ImportTicketPoolResult,
  TICKET_IMPORT_LIMITS,
  type TicketPoolSummary,
  type TicketSitting,
} from '@adal/shared';
import { ApiError, errorFromResponse } from '@adal/shared/web';
import { groupByLine, type RejectedLine } from '../banks/import-file.js';

/**
 * The file input's hint: text and CSV files. The server reads the format and the encoding from
 * the content, so this only narrows the browser's file dialog.
 */
export const ACCEPTED_FILES = '.txt,.csv,.tsv,text/plain,text/csv';

export const LIMIT_MEGABYTES = TICKET_IMPORT_LIMITS.maxFileBytes / (1024 * 1024);

/** Why a file is not sent, before any upload: empty, or over the server's size limit. */
export type FileProblem = 'emptyFile' | 'tooLarge';

export function fileProblem(size: number): FileProblem | null {
  if (size === 0) return 'emptyFile';
  if (size > TICKET_IMPORT_LIMITS.maxFileBytes) return 'tooLarge';
  return null;
}

/** Base64 of a file's bytes, in chunks (a 2 MB file in one String.fromCharCode call would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type PoolImportOutcome =
  | { kind: 'imported'; result: ImportTicketPoolResult }
  | { kind: 'rejected'; lines: RejectedLine[]; truncated: boolean }
  | { kind: 'failed'; error: ApiError };

/**
 * What an import's HTTP answer means: 201 is the new pool; a 400 with `lines` a rejected file
 * (nothing imported); anything else an ApiError shaped as the api client shapes it.
 */
export function poolImportOutcome(status: number, body: unknown): PoolImportOutcome {
  if (status === 201) {
    const parsed = ImportTicketPoolResult.safeParse(body);
    if (parsed.success) return { kind: 'imported', result: parsed.data };
    return {
      kind: 'failed',
      error: new ApiError('bad_response', 'import answered outside the contract', status, [], parsed.error),
    };
  }
  if (status === 400) {
    const rejected = ImportTicketPoolRejected.safeParse(body);
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
export type PoolField = 'file' | 'title' | 'disciplineId';

const FIELD_OF: Record<string, PoolField> = {
  fileBase64: 'file',
  fileName: 'file',
  format: 'file',
  title: 'title',
  disciplineId: 'disciplineId',
};

/** The form fields a 400's field errors point at (`body.fileBase64` → file). */
export function poolFieldErrors(error: ApiError): Set<PoolField> {
  const fields = new Set<PoolField>();
  for (const { path } of error.fields) {
    const field = FIELD_OF[path.replace(/^body\./, '').split('.')[0] ?? ''];
    if (field) fields.add(field);
  }
  return fields;
}

/** A pool title from the file name: without its extension, underscores turned into spaces. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.(txt|csv|tsv)$/i, '') || base;
  return stem.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, TICKET_IMPORT_LIMITS.maxTitleChars);
}

/** "3", or "2–4" when a pool's tickets have different numbers of questions. */
export const questionsRange = ({ min, max }: { min: number; max: number }): string =>
  min === max ? String(min) : `${min}–${max}`;

/**
 * Fewer tickets than students: the draw deals the pool in rounds, so some students get the same
 * ticket. Worth a warning, not a refusal (small pools are a faculty's choice).
 */
export const ticketsRepeat = (sitting: TicketSitting, pool: TicketPoolSummary | undefined): boolean =>
  pool !== undefined && pool.counts.tickets < sitting.students;

/** What an exam's row offers: the pool it has, and whether another may replace it. */
export function examPoolState(sitting: TicketSitting, pools: readonly TicketPoolSummary[]) {
  const current = pools.find((p) => p.poolId === sitting.ticketPoolId);
  return {
    current,
    /** The sitting's pool is not among this discipline's (should not happen; shown as its id). */
    unknownPool: sitting.ticketPoolId !== null && current === undefined,
    locked: sitting.drawStarted,
    choices: sitting.drawStarted ? [] : pools.filter((p) => p.poolId !== sitting.ticketPoolId),
  };
}
