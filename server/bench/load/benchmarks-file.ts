/** Writes this benchmark's section of BENCHMARKS.md and nothing else of the file. */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_MD = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
/**
 * Replaces the text between a benchmark's markers (`<!-- bench:load -->` … `<!-- /bench:load -->`),
 * appending them at the end the first time.
 */
export async function writeSection(
  markdown: string,
  path = BENCHMARKS_MD,
  name = 'bench:load',
): Promise<void> {
  const OPEN = `<!-- ${name} -->`;
  const CLOSE = `<!-- /${name} -->`;
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
