import { catalogues } from '@adal/shared';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the extension catalogue', () => {
  const en = leaves(catalogues.en.extension as unknown as Tree);

  for (const language of ['kk', 'ru'] as const) {
    const other = leaves(catalogues[language].extension as unknown as Tree);

    it(`${language} has the same placeholders as en`, () => {
      for (const [key, text] of en)
        expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
    });

    it(`${language} is translated, not an English copy`, () => {
      const copied = [...en].filter(([key, text]) => /[A-Za-z]{3}/.test(text) && other.get(key) === text);
      expect(copied.map(([key]) => key)).toEqual([]);
      const hidden = [...other].filter(([, text]) => /[\u00ad\u200b-\u200f]/.test(text));
      expect(hidden.map(([key]) => key)).toEqual([]);
    });
  }
});
