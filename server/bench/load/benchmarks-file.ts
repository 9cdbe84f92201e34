/** Writes this benchmark's section of BENCHMARKS.md and nothing else of the file. */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_MD = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
const OPEN = '<!-- bench:load -->';
const CLOSE = '<!-- /bench:load -->';

/** Replaces the text between the markers (appending them at the end the first time). */
export async function writeSection(markdown: string, path = BENCHMARKS_MD): Promise<void> {
  // Read just before writing: other benchmarks edit their own sections of the same file.
  const text = await readFile(path, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${OPEN}\n${markdown.trim()}\n${CLOSE}`;
  const start = text.indexOf(OPEN);
  const end = text.indexOf(CLOSE);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + CLOSE.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(path, next);
}
