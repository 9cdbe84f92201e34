import {
  type ImportLineError,
  type PoolTicket,
  TICKET_IMPORT_LIMITS,
  type TicketFileEncoding,
  type TicketFileFormat,
  type TicketPoolCounts,
} from '@adal/shared';
import { normaliseSource } from '../../banks/import/text.js';
import { looksLikeCsv, parseTicketCsv } from './csv-format.js';
import { decodeTicketFile } from './decode-file.js';
import { countTickets, finalise } from './finalise.js';
import { parseTicketText } from './text-format.js';

/** Every ticket, or — when anything at all is wrong — none, and the reasons by line. */
export type PoolParseResult =
  | {
      ok: true;
      format: TicketFileFormat;
      encoding: TicketFileEncoding;
      /** In number order. */
      tickets: PoolTicket[];
      counts: TicketPoolCounts;
    }
  | {
      ok: false;
      /** Sorted by line, at most TICKET_IMPORT_LIMITS.maxErrors. */
      errors: ImportLineError[];
      /** More errors were found than are listed. */
      truncated: boolean;
    };

/** The file's format: the one asked for, or CSV when its first line is a ticket,question header. */
export const formatOf = (source: string, asked?: TicketFileFormat): TicketFileFormat =>
  asked ?? (looksLikeCsv(source) ? 'csv' : 'text');

/**
 * Reads a ticket pool file from its bytes. Pure: no database, no clock. An import is
 * all-or-nothing, so a single bad line makes the whole result `ok: false`.
 */
export function parseTicketPool(bytes: Uint8Array, asked?: TicketFileFormat): PoolParseResult {
  const decoded = decodeTicketFile(bytes);
  if (!decoded.ok) return rejected(decoded.errors);
  return parseTicketSource(decoded.text, decoded.encoding, asked);
}

/** The same, from text already decoded (tests, and files known to be UTF-8). */
export function parseTicketSource(
  text: string,
  encoding: TicketFileEncoding = 'utf-8',
  asked?: TicketFileFormat,
): PoolParseResult {
  const source = normaliseSource(text);
  const format = formatOf(source, asked);
  const { tickets: drafts, errors } = format === 'csv' ? parseTicketCsv(source) : parseTicketText(source);
  const tickets = finalise(drafts, errors);
  if (!errors.length && tickets.length === 0)
    errors.push({
      line: 1,
      message:
        format === 'csv'
          ? 'the file has no tickets: after the header row, one row per question'
          : 'the file has no tickets: start each with a line such as "Билет № 1"',
    });
  return errors.length
    ? rejected(errors)
    : { ok: true, format, encoding, tickets, counts: countTickets(tickets) };
}

function rejected(errors: ImportLineError[]): PoolParseResult {
  const sorted = errors.map((error, order) => ({ error, order }));
  sorted.sort((a, b) => a.error.line - b.error.line || a.order - b.order);
  return {
    ok: false,
    errors: sorted.slice(0, TICKET_IMPORT_LIMITS.maxErrors).map((s) => s.error),
    truncated: errors.length > TICKET_IMPORT_LIMITS.maxErrors,
  };
}
