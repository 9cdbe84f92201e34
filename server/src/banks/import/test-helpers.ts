import { readFileSync } from 'node:fs';
import type { ParseResult } from './parse-bank.js';

/** A file from ./examples, as the import route would receive it. */
export const example = (name: string) => readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8');

/** The accepted result, or a failure that shows the file's errors. */
export function accepted(result: ParseResult) {
  if (!result.ok)
    throw new Error(`expected the file to import, got ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

/** The errors as `line: message` strings, easy to compare and to read when a test fails. */
export function rejections(result: ParseResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${result.counts.total} questions`);
  return result.errors.map((e) => `${e.line}: ${e.message}`);
}
