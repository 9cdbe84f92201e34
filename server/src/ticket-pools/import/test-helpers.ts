import { readFileSync } from 'node:fs';
import type { PoolParseResult } from './parse-pool.js';

/** A file from ./examples as its bytes, as the import route receives it. */
export const exampleBytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./examples/${name}`, import.meta.url)));

/** UTF-8 bytes of a text, as a file saved as UTF-8 without a byte-order mark. */
export const utf8 = (text: string) => new TextEncoder().encode(text);

/** The accepted result, or a failure that shows the file's errors. */
export function accepted(result: PoolParseResult) {
  if (!result.ok)
    throw new Error(`expected the file to import, got ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

/** The errors as `line: message` strings, easy to compare and to read when a test fails. */
export function rejections(result: PoolParseResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${result.counts.tickets} tickets`);
  return result.errors.map((e) => `${e.line}: ${e.message}`);
}

/** Only the line numbers of the errors. */
export const rejectedLines = (result: PoolParseResult) =>
  rejections(result).map((r) => Number(r.split(':')[0]));
