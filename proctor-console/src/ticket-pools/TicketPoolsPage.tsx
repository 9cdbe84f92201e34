import { type DisciplineList, isOfficeRole, type Me } from '@adal/shared';
import { ErrorNotice, Loading, useAuth, useDocumentTitle, useResource } from '@adal/shared/web';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExamPools } from './ExamPools.js';
import { PoolImportForm } from './PoolImportForm.js';
import { PoolPreview } from './PoolPreview.js';
import { PoolTable } from './PoolTable.js';
import '../banks/banks.css';
import './ticket-pools.css';

/**
 * `/ticket-pools`: the dean's office imports teachers' ticket files for a discipline, looks at
 * a pool's tickets, and chooses the pool each of the discipline's closed-ticket exams draws from.
 */
export function TicketPoolsPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('ticketPools.title'));
  if (!isOfficeRole(user.role))
    return (
      <section aria-labelledby="pools-title">
        <h1 id="pools-title">{t('ticketPools.title')}</h1>
        <p className="notice notice-error" role="alert">
          {t('ticketPools.notAllowed')}
        </p>
      </section>
    );
  return <PoolsForOffice />;
}

function PoolsForOffice() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const disciplines = useResource((signal) => callApi('listDisciplines', { signal }), [callApi]);
  // The discipline is in the address, so a reload or a shared link keeps it.
  const [search, setSearch] = useSearchParams();
  const disciplineId = search.get('discipline') ?? '';
  const choose = (id: string) => setSearch(id ? { discipline: id } : {}, { replace: true });

  return (
    <section className="pools-page" aria-labelledby="pools-title">
      <div className="page-head">
        <h1 id="pools-title">{t('ticketPools.title')}</h1>
        <Link to="/ticket-pools/formats">{t('ticketPools.import.help')}</Link>
      </div>
      <p className="muted">{t('ticketPools.intro')}</p>
      {disciplines.state.status === 'loading' && <Loading />}
      {disciplines.state.status === 'error' && (
        <ErrorNotice error={disciplines.state.error} onRetry={disciplines.reload} />
      )}
      {disciplines.state.status === 'ready' && (
        <>
          <DisciplineChooser disciplines={disciplines.state.data} value={disciplineId} onChange={choose} />
          {disciplineId ? (
            <DisciplinePools key={disciplineId} disciplineId={disciplineId} />
          ) : (
            <p className="status status-empty">{t('ticketPools.chooseFirst')}</p>
          )}
        </>
      )}
    </section>
  );
}

function DisciplineChooser({
  disciplines,
  value,
  onChange,
}: {
  disciplines: DisciplineList;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field pools-discipline">
      <label htmlFor="pools-discipline">{t('ticketPools.discipline')}</label>
      <select id="pools-discipline" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('ticketPools.chooseDiscipline')}</option>
        {disciplines.map((d) => (
          <option key={d.id} value={d.id}>
            {d.code} · {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One discipline: the import form, its pools, the tickets of the pool being looked at, its exams. */
function DisciplinePools({ disciplineId }: { disciplineId: string }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const pools = useResource(
    (signal) => callApi('listTicketPools', { params: { disciplineId }, signal }),
    [callApi, disciplineId],
  );
  const [shown, setShown] = useState<string | null>(null);
  const onImported = useCallback(() => pools.reload(), [pools.reload]);

  return (
    <>
      <PoolImportForm disciplineId={disciplineId} onImported={onImported} onShow={setShown} />
      {pools.state.status === 'loading' && <Loading />}
      {pools.state.status === 'error' && <ErrorNotice error={pools.state.error} onRetry={pools.reload} />}
      {pools.state.status === 'ready' && (
        <>
          <h2 className="pools-list-title">{t('ticketPools.pools.title')}</h2>
          <PoolTable pools={pools.state.data.pools} shown={shown} onShow={setShown} />
          {shown && <PoolPreview poolId={shown} onClose={() => setShown(null)} />}
          <ExamPools
            sittings={pools.state.data.sittings}
            pools={pools.state.data.pools}
            onAttached={pools.reload}
          />
        </>
      )}
    </>
  );
}
