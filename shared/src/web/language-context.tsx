import type { i18n } from 'i18next';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Language } from '../domain/sitting-kinds.js';
import { useAuth } from './auth.js';
import {
  browserStorage,
  isLanguage,
  readStoredLanguage,
  resolveLanguage,
  storeLanguage,
} from './language.js';

export interface LanguageControl {
  language: Language;
  /** The user picked a language: show it, remember it here, and save it to the profile when signed in. */
  chooseLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageControl | null>(null);

export function LanguageProvider({ i18n, children }: { i18n: i18n; children: ReactNode }) {
  const { user, callApi, replaceUser } = useAuth();
  const [language, setLanguage] = useState<Language>(() =>
    isLanguage(i18n.language) ? i18n.language : resolveLanguage({}),
  );

  const show = useCallback(
    (next: Language) => {
      setLanguage(next);
      if (i18n.language !== next) void i18n.changeLanguage(next);
    },
    [i18n],
  );

  const saveToProfile = useCallback(
    (next: Language) => {
      callApi('updateMe', { body: { language: next } }).then(replaceUser, (error: unknown) =>
        // The interface already shows the choice and this browser remembers it; only the profile lags.
        console.warn('could not save the language to the profile', error),
      );
    },
    [callApi, replaceUser],
  );

  // When a user signs in: a choice made in this browser wins and is saved to the profile;
  // without one, the profile's language is shown.
  const userId = user?.id;
  const userLanguage = user?.language;
  const syncedUser = useRef<string | null>(null);
  useEffect(() => {
    if (!userId || !userLanguage) {
      syncedUser.current = null;
      return;
    }
    const stored = readStoredLanguage(browserStorage());
    show(resolveLanguage({ stored, user: userLanguage }));
    if (syncedUser.current === userId) return; // save at most once per sign-in, never in a loop
    syncedUser.current = userId;
    if (stored && stored !== userLanguage) saveToProfile(stored);
  }, [userId, userLanguage, show, saveToProfile]);

  const chooseLanguage = useCallback(
    (next: Language) => {
      storeLanguage(browserStorage(), next);
      show(next);
      if (user && user.language !== next) saveToProfile(next);
    },
    [user, show, saveToProfile],
  );

  const value = useMemo(() => ({ language, chooseLanguage }), [language, chooseLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageControl {
  const control = useContext(LanguageContext);
  if (!control) throw new Error('useLanguage must be used inside <LanguageProvider>');
  return control;
}
