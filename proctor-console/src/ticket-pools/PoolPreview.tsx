import { ErrorNotice, Loading, useAuth, useResource } from '@adal/shared/web';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Every ticket of one pool with its questions, by number (staff only: the server says so too). */
export function PoolPreview({ poolId, onClose }: { poolId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const pool = useResource(
    (signal) => callApi('ticketPool', { params: { poolId }, signal }),
    [callApi, poolId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = pool.state.status === 'ready';
  // Opening a pool moves the focus to its tickets, which appear below the table.
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  return (
    <section className="card pool-preview" aria-labelledby="pool-preview-title" data-testid="pool-preview">
      {pool.state.status === 'loading' && <Loading />}
      {pool.state.status === 'error' && <ErrorNotice error={pool.state.error} onRetry={pool.reload} />}
      {pool.state.status === 'ready' && (
        <>
          <div className="page-head">
            <h2 id="pool-preview-title" ref={heading} tabIndex={-1}>
              {t('ticketPools.preview.title', { title: pool.state.data.title })}
            </h2>
            <button type="button" className="button-secondary" onClick={onClose}>
              {t('ticketPools.preview.close')}
            </button>
          </div>
          <p className="muted">{t('ticketPools.preview.staffOnly')}</p>
          <ol className="pool-tickets">
            {pool.state.data.tickets.map((ticket) => (
              <li key={ticket.number} data-ticket={ticket.number}>
                <h3>{t('ticketPools.preview.ticket', { number: ticket.number })}</h3>
                <ol>
                  {ticket.questions.map((question, i) => (
                    // Questions may hold line breaks (CSV cells); the list keeps them. They never reorder.
                    <li key={i}>{question}</li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
