import { catalogues, type LogEntry } from '@adal/shared';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryFacts, entryTitle, withDetails } from './entry-text.js';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: catalogues.en }, ru: { translation: catalogues.ru } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

const entry = (over: Partial<LogEntry>): LogEntry => ({
  seq: 1,
  at: '2026-06-01T09:10:00.000Z',
  source: 'system',
  type: 'admitted',
  severity: 'info',
  text: '',
  evidence: null,
  durationMs: null,
  confidence: null,
  prevHash: 'a',
  hash: 'b',
  ...over,
});

describe('entry labels in English', () => {
  it('says what each kind of entry is', () => {
    expect(entryTitle(t, entry({ source: 'auto_flag', type: 'multiple_faces' }))).toBe('More than one face');
    expect(entryTitle(t, entry({ source: 'proctor', type: 'cheat_sheet' }))).toBe('Crib or notes');
    expect(entryTitle(t, entry({ source: 'system', type: 'leave_permitted' }))).toBe('Permitted to leave');
    expect(entryTitle(t, entry({ source: 'proctor', type: 'flag_confirmed', evidence: { refSeq: 4 } }))).toBe(
      'Flag #4 confirmed',
    );
    expect(
      entryTitle(t, entry({ source: 'media', type: 'source_stopped', evidence: { source: 'webcam' } })),
    ).toBe('Camera stopped');
    expect(entryTitle(t, entry({ source: 'chat', type: 'to_proctor' }))).toBe('From the student');
    expect(entryTitle(t, entry({ source: 'system', type: 'brand_new' }))).toBe('Entry “brand_new”');
  });

  it('lists duration, confidence, repeats and author under a flag', () => {
    const flag = entry({
      source: 'auto_flag',
      type: 'looking_away',
      durationMs: 125_000,
      confidence: 72,
      evidence: { count: 3 },
    });
    expect(entryFacts(t, flag)).toEqual(['2 min 5 s', 'confidence 72 %', 'reported 3 times']);
    const raised = entry({ source: 'proctor', type: 'talking', evidence: { raisedByName: 'B. Proctor' } });
    expect(entryFacts(t, raised)).toEqual(['by B. Proctor']);
  });
});

/** Every key path of a catalogue, "a.b.c". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('the student detail catalogue', () => {
  it('has exactly the same keys in Kazakh and Russian as in English', () => {
    const en = keyPaths(catalogues.en.studentDetail).sort();
    expect(keyPaths(catalogues.kk.studentDetail).sort()).toEqual(en);
    expect(keyPaths(catalogues.ru.studentDetail).sort()).toEqual(en);
  });

  it('uses the same interpolations in every language', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const leaves = (c: unknown, prefix = ''): [string, string][] =>
      typeof c === 'string'
        ? [[prefix, c]]
        : Object.entries(c as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
    const en = new Map(leaves(catalogues.en.studentDetail));
    for (const language of ['kk', 'ru'] as const) {
      for (const [path, text] of leaves(catalogues[language].studentDetail)) {
        expect({ path, vars: vars(text) }).toEqual({ path, vars: vars(en.get(path) ?? '') });
      }
    }
  });
});

describe('flag details', () => {
  it('follow the flag name in its title, and stay off entries that are not automatic flags', () => {
    expect(
      entryTitle(
        t,
        entry({
          source: 'auto_flag',
          type: 'navigation_blocked',
          evidence: { details: ['example.com', 'vk.com'] },
        }),
      ),
    ).toBe('Navigation away blocked — example.com, vk.com');
    expect(
      entryTitle(t, entry({ source: 'auto_flag', type: 'navigation_blocked', evidence: { count: 2 } })),
    ).toBe('Navigation away blocked');
    expect(
      entryTitle(t, entry({ source: 'system', type: 'leave_permitted', evidence: { details: ['x'] } })),
    ).toBe('Permitted to leave');
    expect(withDetails(t, 'Risky extension', [])).toBe('Risky extension');
  });
});
