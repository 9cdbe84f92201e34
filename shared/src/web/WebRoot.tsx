import { type ReactNode, StrictMode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AuthProvider } from './auth.js';
import { createI18n, initialLanguage } from './i18n.js';
import { LanguageProvider } from './language-context.js';

/** The providers every app needs: translations, the session, the language choice. */
export function WebRoot({ children }: { children: ReactNode }) {
  const [i18n] = useState(() => createI18n(initialLanguage()));
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AuthProvider>
          <LanguageProvider i18n={i18n}>{children}</LanguageProvider>
        </AuthProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
