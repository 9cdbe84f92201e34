import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/** Students who sign in here are sent to the exam portal at the site root. */
export function StudentNotice() {
  const { t } = useTranslation();
  useDocumentTitle(t('wrongApp.studentTitle'));
  return (
    <section className="card wrong-app" aria-labelledby="wrong-app-title">
      <h1 id="wrong-app-title">{t('wrongApp.studentTitle')}</h1>
      <p>{t('wrongApp.studentBody')}</p>
      <a className="button-link" href="/">
        {t('wrongApp.studentLink')}
      </a>
    </section>
  );
}
