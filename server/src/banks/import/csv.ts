import { OPTION_IDS, type QuestionKind, TRUE_FALSE_OPTIONS } from '@adal/shared';
import { CsvError, parse } from 'csv-parse/sync';
import { type DraftQuestion, emptyOutput, type FormatOutput } from './draft.js';
import { tidy } from './text.js';
import { DIFFICULTY_HINT, difficultyOf, letterOf, optionIndexOfLetter, truthOf } from './vocabulary.js';

const OPTION_COLUMNS = OPTION_IDS.map((id) => `option_${id}` as const);
/** The template's columns (README.md); `comment` is the teacher's own and is not imported. */
export const CSV_COLUMNS = [
  'kind',
  'difficulty',
  'topic',
  'question',
  ...OPTION_COLUMNS,
  'correct',
  'discipline',
  'comment',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['kind', 'question', 'correct'];

const KIND_WORDS: Record<string, QuestionKind> = {
  single: 'single',
  multiple: 'multiple',
  true_false: 'true_false',
  truefalse: 'true_false',
  tf: 'true_false',
  short_answer: 'short_answer',
  short: 'short_answer',
};

const columnName = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const isColumn = (name: string): name is Column => (CSV_COLUMNS as readonly string[]).includes(name);

/**
 * Excel writes ';' where the decimal separator is a comma (Russian and Kazakh locales) and ','
 * elsewhere; "Unicode text" is tab-separated. The header row tells which: the delimiter that
 * splits it into the most template column names.
 */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t']) {
    const score = headerLine.split(delimiter).filter((cell) => isColumn(columnName(cell))).length;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

interface CsvRecord {
  fields: string[];
  /** The line the record starts on: a quoted field may hold line breaks. */
  line: number;
  endLine: number;
}

/** The CSV template: a header row, then one question per row (README.md). */
export function parseCsv(source: string): FormatOutput {
  const out = emptyOutput();
  const lines = source.split('\n');
  const headerLine = lines.find((line) => line.trim()) ?? '';
  const records = readRecords(source, detectDelimiter(headerLine), lines, out);
  const header = records.shift();
  if (!header) return out;
  const columns = readHeader(header, out);
  if (!columns) return out;
  for (const record of records) {
    if (record.fields.every((field) => !field.trim())) continue; // Excel's ";;;;" rows
    const draft = readRow(record, columns, header.fields.length, out);
    if (draft) out.drafts.push(draft);
  }
  return out;
}

function readRecords(source: string, delimiter: string, lines: string[], out: FormatOutput): CsvRecord[] {
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
    let line = (records.at(-1)?.endLine ?? 0) + 1;
    while (line < lines.length && !lines[line - 1]?.trim()) line++;
    out.errors.push({ line, message: csvErrorMessage(error) });
  }
  return records;
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted text (") that starts in this row is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text right after a closing quote: inside quoted text, write a quote as ""';
    default:
      return `the row cannot be read as CSV (${error.message})`;
  }
}

const COLUMN_LIST = 'kind, difficulty, topic, question, option_a…option_j, correct, discipline, comment';

function readHeader(header: CsvRecord, out: FormatOutput): Map<Column, number> | undefined {
  if (!header.fields.some((cell) => isColumn(columnName(cell)))) {
    out.errors.push({
      line: header.line,
      message: `the first line is not the template's header row (${COLUMN_LIST}): is this a CSV file made from the template?`,
    });
    return undefined;
  }
  const columns = new Map<Column, number>();
  const before = out.errors.length;
  header.fields.forEach((cell, index) => {
    const name = columnName(cell);
    if (!name) return; // Excel leaves empty header cells after the last column
    if (!isColumn(name)) {
      const shown = cell.trim().length > 40 ? `${cell.trim().slice(0, 40)}…` : cell.trim();
      out.errors.push({
        line: header.line,
        message: `unknown column "${shown}": the template's columns are ${COLUMN_LIST}`,
      });
    } else if (columns.has(name)) {
      out.errors.push({ line: header.line, message: `column "${name}" appears twice` });
    } else {
      columns.set(name, index);
    }
  });
  for (const name of REQUIRED) {
    if (!columns.has(name))
      out.errors.push({ line: header.line, message: `the header row has no "${name}" column` });
  }
  return out.errors.length === before ? columns : undefined;
}

function readRow(
  record: CsvRecord,
  columns: Map<Column, number>,
  width: number,
  out: FormatOutput,
): DraftQuestion | undefined {
  const { line, fields } = record;
  const errors: string[] = [];
  const cell = (name: Column) => {
    const index = columns.get(name);
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  if (fields.slice(width).some((field) => field.trim())) {
    errors.push('more values than header columns: text with a comma or semicolon must be in double quotes');
  }

  const kindCell = cell('kind');
  const kind = KIND_WORDS[columnName(kindCell)];
  if (!kind) errors.push(`kind "${kindCell}": use single, multiple, true_false or short_answer`);

  const difficultyCell = cell('difficulty');
  const difficulty = difficultyCell ? difficultyOf(difficultyCell) : undefined;
  if (difficultyCell && !difficulty)
    errors.push(`unknown difficulty "${difficultyCell}": ${DIFFICULTY_HINT}`);

  const discipline = cell('discipline');
  if (discipline) out.disciplines.push({ line, value: discipline });

  const options = OPTION_COLUMNS.map((name) => tidy(cell(name)));
  const count = options.reduce((last, text, i) => (text ? i + 1 : last), 0);
  const gap = options.slice(0, count).findIndex((text) => !text);
  if (gap >= 0) errors.push(`option_${OPTION_IDS[gap]} is empty but a later option is filled`);

  const draft: DraftQuestion = {
    line,
    kind: kind ?? 'single',
    difficulty,
    topic: cell('topic') || undefined,
    stem: tidy(cell('question')),
    options: options.slice(0, count).map((text, i) => ({ id: OPTION_IDS[i] as string, text })),
    correct: [],
  };
  if (kind) draft.correct = readCorrect(kind, cell('correct'), draft, errors);
  for (const message of errors) out.errors.push({ line, message });
  return errors.length ? undefined : draft;
}

/** The `correct` cell by kind: letters for choices, true/false, accepted answers split by '|'. */
function readCorrect(kind: QuestionKind, value: string, draft: DraftQuestion, errors: string[]): string[] {
  if (!value) {
    errors.push('"correct" is empty');
    return [];
  }
  if (kind === 'true_false' || kind === 'short_answer') {
    if (draft.options.length)
      errors.push(`a ${kind} question takes no options: put the answer in "correct" only`);
    if (kind === 'short_answer') {
      return value
        .split('|')
        .map((answer) => tidy(answer))
        .filter(Boolean);
    }
    draft.options = [...TRUE_FALSE_OPTIONS];
    const truth = truthOf(value);
    if (!truth) errors.push(`"correct" of a true/false question is true or false, not "${value}"`);
    return truth ? [truth] : [];
  }
  const letters = value.split(/[\s,;]+/).filter(Boolean);
  const indexes = new Set<number>();
  for (const letter of letters) {
    const index = letter.length === 1 ? optionIndexOfLetter(letter) : undefined;
    if (index === undefined) errors.push(`"correct" lists "${letter}": give option letters such as A or A;C`);
    else if (index >= draft.options.length)
      errors.push(`"correct" lists ${letterOf(index)}, but option_${letterOf(index).toLowerCase()} is empty`);
    else indexes.add(index);
  }
  if (kind === 'single' && letters.length > 1) {
    errors.push(
      `a single-answer question has one letter in "correct", not ${letters.length}: use kind "multiple"`,
    );
  }
  if (kind === 'multiple' && letters.length === 1) {
    errors.push('a multiple-answer question has at least two letters in "correct": use kind "single"');
  }
  return [...indexes].sort((a, b) => a - b).map((i) => OPTION_IDS[i] as string);
}
