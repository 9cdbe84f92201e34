import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../domain/sitting-kinds.js';
import { useLanguage } from './language-context.js';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, chooseLanguage } = useLanguage();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === language}
          onClick={() => chooseLanguage(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
