import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../domain/sitting-kinds.js';
import { type Catalogue, catalogues } from '../i18n/index.js';
import { browserStorage, readStoredLanguage, resolveLanguage } from './language.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

/** One i18next instance per app, loaded synchronously from the bundled catalogues. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  const initialised = instance.init({
    resources: {
      kk: { translation: catalogues.kk },
      ru: { translation: catalogues.ru },
      en: { translation: catalogues.en },
    },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['kk', 'ru', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  // With inline resources and initAsync false, init has finished when it returns.
  initialised.catch((error: unknown) => console.error('i18n failed to initialise', error));
  return instance;
}

/** The language to show before we know who is logged in. */
export function initialLanguage(): Language {
  const stored = readStoredLanguage(browserStorage());
  const navigatorLanguages = typeof navigator === 'undefined' ? [] : navigator.languages;
  return resolveLanguage({ stored, navigator: navigatorLanguages });
}
