import { LANGUAGES, type Language } from '../domain/sitting-kinds.js';

/** localStorage key of the language the user picked with the switch. */
export const LANGUAGE_STORAGE_KEY = 'adal.lang';
export const DEFAULT_LANGUAGE: Language = 'kk';

/** Intl locale per interface language. */
export const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Maps a BCP 47 tag ("ru-RU", "kk", "en-US") to an interface language; "kz" is a common mistake for kk. */
export function languageFromTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'kz') return 'kk';
  return isLanguage(primary) ? primary : null;
}

export interface LanguageSources {
  /** The user's explicit choice remembered in this browser. */
  stored?: string | null;
  /** The logged-in user's profile language. */
  user?: Language | null;
  /** navigator.languages, most preferred first. */
  navigator?: readonly string[];
}

/** Explicit choice, then the profile, then the browser's preferences, then Kazakh. */
export function resolveLanguage(sources: LanguageSources): Language {
  if (isLanguage(sources.stored)) return sources.stored;
  if (sources.user) return sources.user;
  for (const tag of sources.navigator ?? []) {
    const language = languageFromTag(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem'>;

/** The remembered choice, or null. Storage can be blocked (privacy settings); that means "no choice". */
export function readStoredLanguage(storage: ReadableStorage | undefined): Language | null {
  if (!storage) return null;
  let value: string | null;
  try {
    value = storage.getItem(LANGUAGE_STORAGE_KEY);
  } catch (error) {
    console.warn('language choice cannot be read from storage', error);
    return null;
  }
  return isLanguage(value) ? value : null;
}

/** Remembers the choice; returns false when storage refused it (the choice then lasts until reload). */
export function storeLanguage(storage: WritableStorage | undefined, language: Language): boolean {
  if (!storage) return false;
  try {
    storage.setItem(LANGUAGE_STORAGE_KEY, language);
    return true;
  } catch (error) {
    console.warn('language choice cannot be stored', error);
    return false;
  }
}

/** The browser's localStorage, or undefined outside a browser or when access throws. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch (error) {
    console.warn('localStorage is not available', error);
    return undefined;
  }
}
