import { isOfficeRole, type Me } from '@adal/shared';
import { ErrorNotice, Loading, useAuth, useDocumentTitle, useResource } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { BankTable } from './BankTable.js';
import { ImportForm } from './ImportForm.js';
import './banks.css';

/** `/banks`: the dean's office imports teachers' files as question banks and sees what each holds. */
export function BanksPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.banks.title'));
  if (!isOfficeRole(user.role))
    return (
      <section aria-labelledby="banks-title">
        <h1 id="banks-title">{t('staff.banks.title')}</h1>
        <p className="notice notice-error" role="alert">
          {t('staff.banks.notAllowed')}
        </p>
      </section>
    );
  return <BanksForOffice />;
}

function BanksForOffice() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const banks = useResource((signal) => callApi('listBanks', { signal }), [callApi]);
  const disciplines = useResource((signal) => callApi('listDisciplines', { signal }), [callApi]);

  return (
    <section className="banks-page" aria-labelledby="banks-title">
      <h1 id="banks-title">{t('staff.banks.title')}</h1>
      <p className="muted">{t('staff.banks.intro')}</p>
      {disciplines.state.status === 'loading' && <Loading />}
      {disciplines.state.status === 'error' && (
        <ErrorNotice error={disciplines.state.error} onRetry={disciplines.reload} />
      )}
      {disciplines.state.status === 'ready' && (
        <ImportForm disciplines={disciplines.state.data} onImported={banks.reload} />
      )}
      <h2 className="banks-list-title">{t('staff.banks.listTitle')}</h2>
      {banks.state.status === 'loading' && <Loading />}
      {banks.state.status === 'error' && <ErrorNotice error={banks.state.error} onRetry={banks.reload} />}
      {banks.state.status === 'ready' && <BankTable banks={banks.state.data} />}
    </section>
  );
}
