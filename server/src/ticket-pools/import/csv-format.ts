import { CsvError, parse } from 'csv-parse/sync';
import { tidy } from '../../banks/import/text.js';
import type { DraftTicket, FormatOutput } from './draft.js';
import { stripNumbering, ticketNumberOf } from './headings.js';

type Column = 'ticket' | 'question' | 'comment';

/** Column names in English, Russian and Kazakh (README.md); compared after `columnKey`. */
const COLUMN_NAMES: Record<string, Column> = {
  ticket: 'ticket',
  ticket_number: 'ticket',
  ticket_no: 'ticket',
  билет: 'ticket',
  номер_билета: 'ticket',
  '№_билета': 'ticket',
  билет_нөмірі: 'ticket',
  question: 'question',
  вопрос: 'question',
  сұрақ: 'question',
  comment: 'comment',
  комментарий: 'comment',
  примечание: 'comment',
  түсініктеме: 'comment',
  ескертпе: 'comment',
};
const COLUMN_LIST = 'ticket (билет), question (вопрос, сұрақ), and optionally comment';

const columnKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim()
    .toLocaleLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/\.$/, '');
const columnOf = (cell: string): Column | undefined => COLUMN_NAMES[columnKey(cell)];

/**
 * The delimiter that splits the header row into the most known column names: ',' as most
 * programs write it, ';' as Excel does in Russian and Kazakh locales, a tab in "Unicode text".
 */
export function detectDelimiter(headerLine: string): { delimiter: string; known: Set<Column> } {
  let best = { delimiter: ',', known: new Set<Column>() };
  for (const delimiter of [',', ';', '\t']) {
    const known = new Set(
      headerLine
        .split(delimiter)
        .map(columnOf)
        .filter((c) => c !== undefined),
    );
    if (known.size > best.known.size) best = { delimiter, known };
  }
  return best;
}

const firstLine = (source: string) => source.split('\n').find((line) => line.trim()) ?? '';

/** Is this a CSV file: does its first line name both a ticket and a question column? */
export function looksLikeCsv(source: string): boolean {
  const { known } = detectDelimiter(firstLine(source));
  return known.has('ticket') && known.has('question');
}

interface CsvRecord {
  fields: string[];
  /** The line the record starts on: a quoted field may hold line breaks. */
  line: number;
  endLine: number;
}

function readRecords(source: string, delimiter: string, out: FormatOutput): CsvRecord[] {
  const records: CsvRecord[] = [];
  try {
    parse(source, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], context) => {
        const breaks = fields.reduce((sum, field) => sum + (field.match(/\n/g)?.length ?? 0), 0);
        records.push({ fields, line: context.lines - breaks, endLine: context.lines });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The record that failed starts on the first non-blank line after the last one read.
    const lines = source.split('\n');
    let line = (records.at(-1)?.endLine ?? 0) + 1;
    while (line < lines.length && !lines[line - 1]?.trim()) line++;
    out.errors.push({
      line,
      message:
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted text (") that starts in this row is never closed'
          : `the row cannot be read as CSV (${error.message})`,
    });
  }
  return records;
}

function readHeader(header: CsvRecord, out: FormatOutput): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  const before = out.errors.length;
  header.fields.forEach((cell, index) => {
    if (!columnKey(cell)) return; // Excel leaves empty header cells after the last column
    const column = columnOf(cell);
    if (!column) {
      const shown = cell.trim().length > 40 ? `${cell.trim().slice(0, 40)}…` : cell.trim();
      out.errors.push({
        line: header.line,
        message: `unknown column "${shown}": the columns are ${COLUMN_LIST}`,
      });
    } else if (columns.has(column)) {
      out.errors.push({ line: header.line, message: `the ${column} column appears twice` });
    } else columns.set(column, index);
  });
  for (const column of ['ticket', 'question'] as const)
    if (!columns.has(column))
      out.errors.push({
        line: header.line,
        message: `the header row has no ${column} column: the first line names the columns (${COLUMN_LIST})`,
      });
  return out.errors.length === before ? columns : undefined;
}

/**
 * The CSV format (README.md): a header row, then one question per row with its ticket's number.
 * A ticket's rows need not stand together; its questions keep the order of its rows.
 */
export function parseTicketCsv(source: string): FormatOutput {
  const out: FormatOutput = { tickets: [], errors: [] };
  const records = readRecords(source, detectDelimiter(firstLine(source)).delimiter, out);
  const header = records.shift();
  if (!header) return out;
  const columns = readHeader(header, out);
  if (!columns) return out;
  const byNumber = new Map<number, DraftTicket>();
  const cell = (record: CsvRecord, column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.fields[index] ?? '');
  };
  for (const record of records) {
    const { line, fields } = record;
    if (fields.every((field) => !field.trim())) continue; // Excel's ";;" rows
    if (fields.slice(header.fields.length).some((field) => field.trim()))
      out.errors.push({
        line,
        message:
          'more values than header columns: a question with a comma or semicolon must be in double quotes',
      });
    const written = cell(record, 'ticket').trim();
    const number = ticketNumberOf(written);
    if (!number.ok)
      out.errors.push({
        line,
        message: written
          ? number.message
          : 'the ticket cell is empty: write the ticket number on every row (merged cells in Excel keep it only on the first)',
      });
    const text = tidy(stripNumbering(cell(record, 'question')).text);
    if (!text) out.errors.push({ line, message: 'the question is empty' });
    if (!number.ok || !text) continue;
    let ticket = byNumber.get(number.number);
    if (!ticket) {
      ticket = { number: number.number, line, questions: [] };
      byNumber.set(number.number, ticket);
      out.tickets.push(ticket);
    }
    ticket.questions.push({ line, text });
  }
  return out;
}
