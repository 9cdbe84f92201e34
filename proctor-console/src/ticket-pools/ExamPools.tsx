import type { TicketPoolSummary, TicketSitting } from '@adal/shared';
import { EmptyState, ErrorNotice, formatDateTime, isApiError, useAuth, useLanguage } from '@adal/shared/web';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { examPoolState, ticketsRepeat } from './pool-import.js';

/** The discipline's written, oral and state exams to come, each with its pool and a way to change it. */
export function ExamPools({
  sittings,
  pools,
  onAttached,
}: {
  sittings: TicketSitting[];
  pools: TicketPoolSummary[];
  onAttached: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="exam-pools" aria-labelledby="exam-pools-title">
      <h2 id="exam-pools-title">{t('ticketPools.attach.title')}</h2>
      <p className="muted">{t('ticketPools.attach.intro')}</p>
      {sittings.length === 0 ? (
        <EmptyState>{t('ticketPools.attach.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="exam-pools-table" data-testid="exam-pools">
            <thead>
              <tr>
                <th scope="col">{t('ticketPools.attach.exam')}</th>
                <th scope="col">{t('ticketPools.attach.group')}</th>
                <th scope="col">{t('ticketPools.attach.start')}</th>
                <th scope="col" className="count">
                  {t('ticketPools.attach.students')}
                </th>
                <th scope="col">{t('ticketPools.attach.pool')}</th>
                <th scope="col">{t('ticketPools.attach.action')}</th>
              </tr>
            </thead>
            <tbody>
              {sittings.map((sitting) => (
                <ExamRow key={sitting.sittingId} sitting={sitting} pools={pools} onAttached={onAttached} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ExamRow({
  sitting,
  pools,
  onAttached,
}: {
  sitting: TicketSitting;
  pools: TicketPoolSummary[];
  onAttached: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi, sessionEnded } = useAuth();
  const { current, unknownPool, locked, choices } = examPoolState(sitting, pools);
  const [chosen, setChosen] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [attached, setAttached] = useState(false);
  const kind = t(`sittingKind.${sitting.kind}`);
  const selectId = `exam-pool-${sitting.sittingId}`;
  const chosenPool = pools.find((p) => p.poolId === chosen);
  const repeatWarning = ticketsRepeat(sitting, chosenPool ?? current);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setPending(true);
    setFailure(null);
    setConflict(false);
    setAttached(false);
    callApi('attachTicketPool', { params: { sittingId: sitting.sittingId }, body: { poolId: chosen } }).then(
      () => {
        setPending(false);
        setChosen('');
        setAttached(true);
        onAttached();
      },
      (caught: unknown) => {
        setPending(false);
        if (isApiError(caught) && caught.code === 'unauthenticated') return sessionEnded();
        // The first student opened the table meanwhile: the list shows the exam as locked now.
        if (isApiError(caught) && caught.code === 'conflict') {
          setConflict(true);
          onAttached();
        } else setFailure(caught);
      },
    );
  };

  return (
    <tr data-sitting-id={sitting.sittingId} data-draw-started={locked}>
      <th scope="row">{kind}</th>
      <td>{sitting.group.name}</td>
      <td>
        <time dateTime={sitting.startsAt}>{formatDateTime(sitting.startsAt, language)}</time>
      </td>
      <td className="count">{sitting.students}</td>
      <td data-testid="exam-pool-current">
        {current
          ? current.title
          : unknownPool
            ? t('ticketPools.attach.otherPool')
            : t('ticketPools.attach.noPool')}
        {repeatWarning && (
          <p className="field-hint exam-pool-warning">
            {t('ticketPools.attach.fewTickets', {
              tickets: (chosenPool ?? current)?.counts.tickets ?? 0,
              students: sitting.students,
            })}
          </p>
        )}
      </td>
      <td>
        {locked ? (
          <span className="exam-pool-locked">{t('ticketPools.attach.locked')}</span>
        ) : choices.length === 0 ? (
          <span className="muted">{t('ticketPools.attach.noOtherPool')}</span>
        ) : (
          <form className="exam-pool-form" onSubmit={onSubmit} aria-busy={pending}>
            <label className="visually-hidden" htmlFor={selectId}>
              {t('ticketPools.attach.choosePoolLabel', { group: sitting.group.name, kind })}
            </label>
            <select
              id={selectId}
              value={chosen}
              disabled={pending}
              onChange={(e) => {
                setChosen(e.target.value);
                setAttached(false);
              }}
            >
              <option value="">{t('ticketPools.attach.choosePool')}</option>
              {choices.map((pool) => (
                <option key={pool.poolId} value={pool.poolId}>
                  {pool.title} ({pool.counts.tickets})
                </option>
              ))}
            </select>
            <button type="submit" className="button-primary" disabled={pending || !chosen}>
              {pending ? t('ticketPools.attach.attaching') : t('ticketPools.attach.attach')}
            </button>
          </form>
        )}
        {attached && (
          <span className="exam-pool-saved" role="status">
            {t('ticketPools.attach.attached')}
          </span>
        )}
        {conflict && (
          <p className="notice notice-error" role="alert">
            {t('ticketPools.attach.conflict')}
          </p>
        )}
        {failure !== null && <ErrorNotice error={failure} />}
      </td>
    </tr>
  );
}
