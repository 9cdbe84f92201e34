import { describe, expect, it, vi } from 'vitest';
import {
  LANGUAGE_STORAGE_KEY,
  languageFromTag,
  readStoredLanguage,
  resolveLanguage,
  storeLanguage,
} from './language.js';

describe('languageFromTag', () => {
  it('maps BCP 47 tags to interface languages', () => {
    expect(languageFromTag('ru-RU')).toBe('ru');
    expect(languageFromTag('kk')).toBe('kk');
    expect(languageFromTag('kz')).toBe('kk');
    expect(languageFromTag('en_US')).toBe('en');
    expect(languageFromTag('de-DE')).toBeNull();
  });
});

describe('resolveLanguage', () => {
  it('prefers the stored choice, then the profile, then the browser, then Kazakh', () => {
    expect(resolveLanguage({ stored: 'en', user: 'ru', navigator: ['kk'] })).toBe('en');
    expect(resolveLanguage({ stored: null, user: 'ru', navigator: ['en-US'] })).toBe('ru');
    expect(resolveLanguage({ navigator: ['de-DE', 'ru-RU', 'en'] })).toBe('ru');
    expect(resolveLanguage({ navigator: ['de-DE'] })).toBe('kk');
    expect(resolveLanguage({})).toBe('kk');
  });

  it('ignores a stored value that is not a language', () => {
    expect(resolveLanguage({ stored: 'fr', user: 'en' })).toBe('en');
  });
});

describe('language storage', () => {
  it('stores under adal.lang and reads it back', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => void map.set(key, value),
    };
    expect(readStoredLanguage(storage)).toBeNull();
    expect(storeLanguage(storage, 'ru')).toBe(true);
    expect(map.get(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(readStoredLanguage(storage)).toBe('ru');
  });

  it('treats blocked storage as no choice, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const blocked = {
      getItem: (): string | null => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(readStoredLanguage(blocked)).toBeNull();
    expect(storeLanguage(blocked, 'en')).toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
