import { BANK_IMPORT_LIMITS, type BankFormat, type ImportLineError } from '@adal/shared';
import { parseAiken } from './aiken.js';
import { parseCsv } from './csv.js';
import type { FormatOutput } from './draft.js';
import { type Accepted, finalise, type ImportDefaults } from './finalise.js';
import { parseGift } from './gift.js';
import { normaliseSource } from './text.js';

export type { ImportDefaults } from './finalise.js';

/** Every question, or — when anything at all is wrong — none, and the reasons by line. */
export type ParseResult =
  | ({ ok: true } & Accepted)
  | {
      ok: false;
      /** Sorted by line, at most BANK_IMPORT_LIMITS.maxErrors. */
      errors: ImportLineError[];
      /** More errors were found than are listed. */
      truncated: boolean;
    };

const PARSERS: Record<BankFormat, (source: string) => FormatOutput> = {
  gift: parseGift,
  aiken: parseAiken,
  csv: parseCsv,
};

/**
 * Reads a question bank file. Pure: no database, no clock. An import is all-or-nothing, so a
 * single bad question makes the whole result `ok: false`.
 */
export function parseBank(format: BankFormat, text: string, defaults: ImportDefaults = {}): ParseResult {
  if (text.length > BANK_IMPORT_LIMITS.maxTextChars) {
    return rejected([{ line: 1, message: 'the file is larger than 2 MB: split it into several banks' }]);
  }
  const source = normaliseSource(text);
  const unreadable = unreadableLine(source);
  if (unreadable) return rejected([unreadable]);

  const { drafts, errors, disciplines } = PARSERS[format](source);
  const accepted = finalise(drafts, disciplines, defaults, errors);
  if (!errors.length && accepted.questions.length === 0) {
    errors.push({ line: 1, message: 'the file has no questions' });
  }
  return errors.length ? rejected(errors) : { ok: true, ...accepted };
}

/**
 * A Word or Excel file uploaded as is, or text saved in a Windows code page, turns into
 * characters no teacher wrote. Better one clear error than a hundred odd ones.
 */
function unreadableLine(source: string): ImportLineError | undefined {
  const binary = source.indexOf('\u0000');
  if (binary >= 0) {
    return {
      line: lineOf(source, binary),
      message: 'this is not a text file (a Word or Excel file?): save it as plain text or CSV UTF-8',
    };
  }
  const replaced = source.indexOf('\uFFFD');
  if (replaced >= 0) {
    return {
      line: lineOf(source, replaced),
      message: 'the file is not UTF-8 text: save it as "UTF-8" (in Excel: "CSV UTF-8")',
    };
  }
  return undefined;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function rejected(errors: ImportLineError[]): ParseResult {
  const sorted = errors.map((error, order) => ({ error, order }));
  sorted.sort((a, b) => a.error.line - b.error.line || a.order - b.order);
  return {
    ok: false,
    errors: sorted.slice(0, BANK_IMPORT_LIMITS.maxErrors).map((s) => s.error),
    truncated: errors.length > BANK_IMPORT_LIMITS.maxErrors,
  };
}
