import type { SittingWithRoster } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  formatDate,
  formatTime,
  LOCALES,
  Loading,
  useAuth,
  useDocumentTitle,
  useLanguage,
} from '@adal/shared/web';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordingsLink } from '../recordings/RecordingsLink.js';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { OverviewTable } from './OverviewTable.js';
import {
  byAttention,
  defaultFilter,
  filterCounts,
  filterRows,
  matchesQuery,
  type RowFilter,
} from './overview-rows.js';
import { useIdentityStatuses } from './use-identity-statuses.js';
import { type ProctoringOverviewState, useProctoringOverview } from './use-proctoring-overview.js';
import './proctoring.css';

/** The proctoring overview of one sitting (`/sittings/:id/proctoring`), live. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { sittingId, sitting } = useStaffSitting();
  const proctoring = useProctoringOverview(sittingId);
  const { state } = sitting;
  useDocumentTitle(
    state.status === 'ready'
      ? t('proctoring.title', { discipline: state.data.discipline.name })
      : t('proctoring.open'),
  );
  const refused = anyNotYours(sitting, proctoring.overview);

  return (
    <section className="proctoring-page" aria-labelledby="proctoring-title">
      <p>
        <Link to="/">{t('proctoring.back')}</Link>
      </p>
      {refused ? (
        <p className="notice notice-error" role="alert">
          {t('proctoring.notAllowed')}
        </p>
      ) : (
        <>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sitting.reload} />}
          {state.status === 'ready' && <SittingOverview sitting={state.data} proctoring={proctoring} />}
        </>
      )}
    </section>
  );
}

function SittingOverview({
  sitting,
  proctoring,
}: {
  sitting: SittingWithRoster;
  proctoring: ProctoringOverviewState;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { state, reload } = proctoring.overview;
  const discipline = sitting.discipline.name;

  return (
    <>
      <div className="page-head">
        <div>
          <h1 id="proctoring-title">{t('proctoring.title', { discipline })}</h1>
          <p className="muted">
            {t('proctoring.when', {
              group: sitting.group.name,
              date: formatDate(sitting.startsAt, language),
              time: formatTime(sitting.startsAt, language),
            })}
          </p>
        </div>
        <div className="sitting-links">
          {state.status === 'ready' && (
            <span className={proctoring.live ? 'live-indicator' : 'live-indicator offline'} role="status">
              {proctoring.live ? t('proctoring.liveOn') : t('proctoring.liveOff')}
            </span>
          )}
          <Link
            className="button-link live-link"
            to={`/sittings/${sitting.sittingId}/live`}
            aria-label={t('proctoring.liveGridLabel', { discipline })}
          >
            {t('proctoring.liveGrid')}
          </Link>
          <RecordingsLink sittingId={sitting.sittingId} discipline={discipline} />
        </div>
      </div>
      <p className="muted">{t('proctoring.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          {!state.data.canAct && (
            <p className="notice notice-info" data-testid="read-only">
              {t('proctoring.readOnly')}
            </p>
          )}
          {proctoring.refreshFailed && (
            <p className="notice notice-error" role="alert">
              {t('proctoring.refreshFailed')}
            </p>
          )}
          <StudentsList sittingId={sitting.sittingId} proctoring={proctoring} locale={LOCALES[language]} />
        </>
      )}
    </>
  );
}

function StudentsList({
  sittingId,
  proctoring,
  locale,
}: {
  sittingId: string;
  proctoring: ProctoringOverviewState;
  locale: string;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const meId = user?.id ?? '';
  const { state } = proctoring.overview;
  const data = state.status === 'ready' ? state.data : null;
  const identity = useIdentityStatuses(proctoring.socket, sittingId);
  const [chosen, setChosen] = useState<RowFilter | null>(null);
  const [query, setQuery] = useState('');
  const students = data?.students ?? [];
  const filter = chosen ?? defaultFilter(data?.proctors ?? [], meId);
  const counts = filterCounts(students, meId);
  const rows = useMemo(
    () =>
      byAttention(
        filterRows(students, filter, meId).filter((row) => matchesQuery(row, query, locale)),
        locale,
      ),
    [students, filter, meId, query, locale],
  );
  if (!data) return null;
  const attention = students.filter((row) => row.needsAttention).length;

  return (
    <>
      <div className="proctoring-controls">
        <fieldset className="proctoring-filter">
          <legend>{t('proctoring.filter.label')}</legend>
          {(['mine', 'all'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="proctoring-filter"
                value={value}
                checked={filter === value}
                onChange={() => setChosen(value)}
              />
              {t(`proctoring.filter.${value}`, { count: counts[value] })}
            </label>
          ))}
        </fieldset>
        <label className="proctoring-search">
          {t('proctoring.filter.search')}
          <input
            type="search"
            value={query}
            placeholder={t('proctoring.filter.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <p className="muted proctoring-summary" data-testid="proctoring-summary">
          {t('proctoring.summary', { total: students.length, attention })}
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState>
          {filter === 'mine' && counts.mine === 0
            ? t('proctoring.table.noneMine')
            : t('proctoring.table.empty')}
        </EmptyState>
      ) : (
        <OverviewTable
          sittingId={data.sittingId}
          rows={rows}
          proctors={data.proctors}
          canAct={data.canAct}
          offset={data.offset}
          onRow={proctoring.applyRow}
          identity={identity}
        />
      )}
    </>
  );
}
