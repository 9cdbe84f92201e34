import { catalogues } from '@adal/shared';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

/** Every leaf as "path → its {{placeholders}}", sorted. */
function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [
          `${prefix}${key} → ${[...value.matchAll(/\{\{(\w+)\}\}/g)]
            .map((m) => m[1])
            .sort()
            .join(',')}`,
        ]
      : leaves(value, `${prefix}${key}.`),
  );
}
const strings = (tree: Tree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));

describe('the make-up catalogue', () => {
  const en = leaves(catalogues.en.makeUp as Tree).sort();

  it.each(['kk', 'ru'] as const)('%s has exactly en’s keys, with the same placeholders', (language) => {
    expect(leaves(catalogues[language].makeUp as Tree).sort()).toEqual(en);
  });

  it.each(['kk', 'ru'] as const)('%s is translated, not copied from en', (language) => {
    const english = new Set(strings(catalogues.en.makeUp as Tree));
    // Strings without words of their own (placeholders, file types) may be the same everywhere.
    const copied = strings(catalogues[language].makeUp as Tree).filter(
      (s) => english.has(s) && /[A-Za-z]{3,}/.test(s.replace(/\{\{\w+\}\}/g, '')),
    );
    expect(copied).toEqual([]);
  });
});
