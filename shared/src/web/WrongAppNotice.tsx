import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './use-document-title.js';

/**
 * Someone signed in to the other app: staff at the student portal, a student at the proctor
 * console. Says so and links to where their work is.
 */
export function WrongAppNotice({ audience, href }: { audience: 'staff' | 'student'; href: string }) {
  const { t } = useTranslation();
  const title = t(`wrongApp.${audience}Title`);
  useDocumentTitle(title);
  return (
    <section className="card wrong-app" aria-labelledby="wrong-app-title">
      <h1 id="wrong-app-title">{title}</h1>
      <p>{t(`wrongApp.${audience}Body`)}</p>
      <a className="button-link" href={href}>
        {t(`wrongApp.${audience}Link`)}
      </a>
    </section>
  );
}
