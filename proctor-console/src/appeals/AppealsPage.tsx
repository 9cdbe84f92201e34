import type { AppealView } from '@adal/shared';
import { EmptyState, ErrorNotice, Loading, useDocumentTitle, useResource } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { AppealCard } from './AppealCard.js';
import { appealSummary, replaceAppeal, reviewOrder } from './review.js';
import './appeals.css';

/**
 * A computer test's appeals (`/sittings/:id/appeals`): each appealed question with the key, the
 * student's answer and comment, decided one by one with a reason (seed 002).
 */
export function AppealsPage() {
  const { t } = useTranslation();
  const { sittingId, callApi, sitting } = useStaffSitting();
  // Sorted once per load: a card does not jump away while it is being decided.
  const appeals = useResource(
    async (signal) => reviewOrder(await callApi('listAppeals', { params: { sittingId }, signal })),
    [callApi, sittingId],
  );
  const discipline = sitting.state.status === 'ready' ? sitting.state.data.discipline.name : '';
  useDocumentTitle(discipline ? t('appeals.review.title', { discipline }) : t('appeals.review.link'));
  const refused = anyNotYours(sitting, appeals);
  const { state } = appeals;

  return (
    <section className="appeals-page" aria-labelledby="appeals-title">
      <p>
        <Link to="/">{t('appeals.review.back')}</Link>
      </p>
      <div className="page-head">
        <h1 id="appeals-title">
          {discipline ? t('appeals.review.title', { discipline }) : t('appeals.review.link')}
        </h1>
        {state.status === 'ready' && (
          <button type="button" className="button-secondary" onClick={appeals.reload}>
            {t('appeals.review.refresh')}
          </button>
        )}
      </div>
      {refused ? (
        <p className="notice notice-error" role="alert">
          {t('appeals.review.notAllowed')}
        </p>
      ) : (
        <>
          <p className="muted">{t('appeals.review.intro')}</p>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorNotice error={state.error} onRetry={appeals.reload} />}
          {state.status === 'ready' && (
            <AppealList
              appeals={state.data}
              onDecided={(view) => appeals.update((list) => replaceAppeal(list, view))}
              onStale={appeals.reload}
            />
          )}
        </>
      )}
    </section>
  );
}

function AppealList({
  appeals,
  onDecided,
  onStale,
}: {
  appeals: AppealView[];
  onDecided(view: AppealView): void;
  onStale(): void;
}) {
  const { t } = useTranslation();
  if (appeals.length === 0) return <EmptyState>{t('appeals.review.empty')}</EmptyState>;
  return (
    <>
      <p data-testid="appeals-summary">{t('appeals.review.summary', appealSummary(appeals))}</p>
      <div className="appeal-list">
        {appeals.map((appeal) => (
          <AppealCard key={appeal.appealId} appeal={appeal} onDecided={onDecided} onStale={onStale} />
        ))}
      </div>
    </>
  );
}
