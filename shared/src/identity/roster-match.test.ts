import { describe, expect, it } from 'vitest';
import { compareWithRoster } from './roster-match.js';
import { editDistance, toMrzLatin } from './transliterate.js';

const TODAY = '2026-12-07';
const listed = { fullName: 'Әлиев Арман Серікұлы', iin: '040512500320' };
const doc = { surname: 'ALIEV', givenNames: 'ARMAN', iin: '040512500320', expiryDate: '2034-05-11' };

describe('transliteration', () => {
  it('writes Kazakh and Russian names in MRZ Latin', () => {
    expect(toMrzLatin('Әлиев Арман')).toBe('ALIEV ARMAN');
    expect(toMrzLatin('Жұмабаев Ғалым')).toBe('ZHUMABAEV GALYM');
    expect(toMrzLatin('Щукина Юлия')).toBe('SHCHUKINA IULIIA');
    expect(editDistance('KITTEN', 'SITTING')).toBe(3);
  });
});

describe('comparing the document with the list', () => {
  it('matches when the IIN and the name agree', () => {
    expect(compareWithRoster(doc, listed, TODAY)).toEqual({
      verdict: 'match',
      reasons: ['iin_matches', 'name_matches'],
    });
  });

  it('accepts other transliterations of the same name', () => {
    const yulia = { fullName: 'Щукина Юлия', iin: '040512500320' };
    expect(
      compareWithRoster({ ...doc, surname: 'SHCHUKINA', givenNames: 'YULIYA' }, yulia, TODAY).verdict,
    ).toBe('match');
  });

  it('is partial when a letter was misread or the IIN is unreadable', () => {
    expect(compareWithRoster({ ...doc, surname: 'ALIEB' }, listed, TODAY)).toEqual({
      verdict: 'partial',
      reasons: ['iin_matches', 'name_close'],
    });
    expect(compareWithRoster({ ...doc, iin: null }, listed, TODAY)).toEqual({
      verdict: 'partial',
      reasons: ['iin_unreadable', 'name_matches'],
    });
  });

  it('is a mismatch for another IIN, another name or an expired document', () => {
    expect(compareWithRoster({ ...doc, iin: '040512500338' }, listed, TODAY).verdict).toBe('mismatch');
    expect(compareWithRoster({ ...doc, surname: 'BEKOVA', givenNames: 'DANA' }, listed, TODAY)).toEqual({
      verdict: 'mismatch',
      reasons: ['iin_matches', 'name_differs'],
    });
    expect(compareWithRoster({ ...doc, expiryDate: '2025-01-01' }, listed, TODAY)).toEqual({
      verdict: 'mismatch',
      reasons: ['iin_matches', 'name_matches', 'document_expired'],
    });
  });
});
