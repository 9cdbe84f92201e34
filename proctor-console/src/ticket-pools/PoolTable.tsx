import type { TicketPoolSummary } from '@adal/shared';
import { EmptyState, formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { questionsRange } from './pool-import.js';

/** The discipline's pools, newest first: tickets, questions per ticket, exams using it, when imported. */
export function PoolTable({
  pools,
  shown,
  onShow,
}: {
  pools: TicketPoolSummary[];
  shown: string | null;
  onShow: (poolId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (pools.length === 0) return <EmptyState>{t('ticketPools.pools.empty')}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="pools" data-testid="pool-table">
        <thead>
          <tr>
            <th scope="col">{t('ticketPools.pools.poolTitle')}</th>
            <th scope="col" className="count">
              {t('ticketPools.pools.tickets')}
            </th>
            <th scope="col" className="count">
              {t('ticketPools.pools.questions')}
            </th>
            <th scope="col" className="count">
              {t('ticketPools.pools.exams')}
            </th>
            <th scope="col">{t('ticketPools.pools.imported')}</th>
            <th scope="col">{t('ticketPools.pools.action')}</th>
          </tr>
        </thead>
        <tbody>
          {pools.map((pool) => (
            <tr key={pool.poolId} data-pool-id={pool.poolId}>
              <th scope="row">{pool.title}</th>
              <td className="count">{pool.counts.tickets}</td>
              <td className="count">{questionsRange(pool.counts.questions)}</td>
              <td className="count">{pool.sittings}</td>
              <td>
                <time dateTime={pool.createdAt}>{formatDateTime(pool.createdAt, language)}</time>
              </td>
              <td>
                {shown === pool.poolId ? (
                  <span className="muted">{t('ticketPools.pools.shown')}</span>
                ) : (
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t('ticketPools.pools.showLabel', { title: pool.title })}
                    onClick={() => onShow(pool.poolId)}
                  >
                    {t('ticketPools.pools.show')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
