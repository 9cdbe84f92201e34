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

describe('the sheets-console catalogue (ticket draw and answer sheets)', () => {
  const en = leaves(catalogues.en.sheetsConsole as Tree).sort();

  it.each(['kk', 'ru'] as const)('%s has exactly en’s keys, with the same placeholders', (language) => {
    expect(leaves(catalogues[language].sheetsConsole as Tree).sort()).toEqual(en);
  });

  it.each(['kk', 'ru'] as const)('%s is translated, not copied from en', (language) => {
    const strings = (tree: Tree): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));
    const own = strings(catalogues[language].sheetsConsole as Tree);
    const english = new Set(strings(catalogues.en.sheetsConsole as Tree));
    // Only the strings without words (placeholders, dashes) may be the same in every language.
    const copied = own.filter((s) => english.has(s) && /[A-Za-z]{3,}/.test(s.replace(/\{\{\w+\}\}/g, '')));
    expect(copied).toEqual([]);
  });
});
