import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/** Staff who sign in here are sent to the proctor console, where their work is. */
export function StaffNotice() {
  const { t } = useTranslation();
  useDocumentTitle(t('wrongApp.staffTitle'));
  return (
    <section className="card wrong-app" aria-labelledby="wrong-app-title">
      <h1 id="wrong-app-title">{t('wrongApp.staffTitle')}</h1>
      <p>{t('wrongApp.staffBody')}</p>
      <a className="button-link" href="/proctor/">
        {t('wrongApp.staffLink')}
      </a>
    </section>
  );
}
