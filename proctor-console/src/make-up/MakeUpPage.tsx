import type { MakeUpApplicationView } from '@adal/shared';
import { EmptyState, ErrorNotice, Loading, useAuth, useDocumentTitle, useResource } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationCard } from './ApplicationCard.js';
import { replaceApplication, reviewOrder } from './review.js';
import './make-up.css';

/**
 * "Make-up applications" (`/make-up`): what the dean's office, a commission chair or an admin
 * decides — pending ones first, oldest on top, then the decided ones.
 */
export function MakeUpPage() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  useDocumentTitle(t('makeUp.review.title'));
  const applications = useResource(
    (signal) => callApi('makeUpApplications', { query: {}, signal }),
    [callApi],
  );
  const [stale, setStale] = useState(false);
  const { state } = applications;
  const onDecided = (view: MakeUpApplicationView) => {
    setStale(false);
    applications.update((list) => replaceApplication(list, view));
  };
  const onStale = () => {
    setStale(true);
    applications.reload();
  };

  return (
    <section className="make-up-page" aria-labelledby="make-up-title">
      <div className="page-head">
        <h1 id="make-up-title">{t('makeUp.review.title')}</h1>
        {state.status === 'ready' && (
          <button type="button" className="button-secondary" onClick={applications.reload}>
            {t('makeUp.review.refresh')}
          </button>
        )}
      </div>
      <p className="muted">{t('makeUp.review.intro')}</p>
      {stale && (
        <p className="notice notice-info" role="status">
          {t('makeUp.review.alreadyDecided')}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={applications.reload} />}
      {state.status === 'ready' && <Applications list={state.data} onDecided={onDecided} onStale={onStale} />}
    </section>
  );
}

function Applications({
  list,
  onDecided,
  onStale,
}: {
  list: MakeUpApplicationView[];
  onDecided(view: MakeUpApplicationView): void;
  onStale(): void;
}) {
  const { t } = useTranslation();
  const { pending, decided } = reviewOrder(list);
  return (
    <>
      <section aria-labelledby="make-up-pending">
        <h2 id="make-up-pending">{t('makeUp.review.pending', { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <EmptyState>{t('makeUp.review.emptyPending')}</EmptyState>
        ) : (
          <div className="make-up-list" data-testid="pending-applications">
            {pending.map((a) => (
              <ApplicationCard
                key={a.applicationId}
                application={a}
                onDecided={onDecided}
                onStale={onStale}
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="make-up-decided">
        <h2 id="make-up-decided">{t('makeUp.review.decided')}</h2>
        {decided.length === 0 ? (
          <EmptyState>{t('makeUp.review.emptyDecided')}</EmptyState>
        ) : (
          <div className="make-up-list" data-testid="decided-applications">
            {decided.map((a) => (
              <ApplicationCard
                key={a.applicationId}
                application={a}
                onDecided={onDecided}
                onStale={onStale}
              />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
