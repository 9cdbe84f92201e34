import type { Me, RosterEntry } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  LiveIndicator,
  Loading,
  useAuth,
  useDocumentTitle,
  useResource,
} from '@adal/shared/web';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { byStart, canSetAdmission, canWatchLive, replaceRosterEntry } from './roster.js';
import { SittingCard } from './SittingCard.js';
import { SittingsOverview } from './SittingsOverview.js';
import { useWatchedSittings } from './use-watched-sittings.js';

/**
 * The sittings this user may see (proctors: assigned; commission: its own; dean's office and
 * admins: all), each with its students' access. Updates live.
 */
export function SittingsPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  useDocumentTitle(t('console.title'));
  const sittings = useResource(
    async (signal) => byStart(await callApi('listSittings', { signal })),
    [callApi],
  );
  const live = useWatchedSittings(sittings);
  const canAdmit = canSetAdmission(user.role);
  const canWatch = canWatchLive(user.role);
  const { state, update } = sittings;

  const onRosterEntry = useCallback(
    (sittingId: string, entry: RosterEntry) => update((list) => replaceRosterEntry(list, sittingId, entry)),
    [update],
  );

  return (
    <section aria-labelledby="console-title">
      <div className="page-head">
        <h1 id="console-title">{t('console.title')}</h1>
        {state.status === 'ready' && <LiveIndicator live={live} />}
      </div>
      {canAdmit ? (
        <p className="muted">{t('console.intro')}</p>
      ) : (
        <p className="notice notice-info">{t('console.viewOnly')}</p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sittings.reload} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <EmptyState>{t('console.empty')}</EmptyState>
        ) : (
          <>
            <SittingsOverview sittings={state.data} />
            <div className="sitting-list">
              {state.data.map((sitting) => (
                <SittingCard
                  key={sitting.sittingId}
                  sitting={sitting}
                  canAdmit={canAdmit}
                  canWatch={canWatch}
                  onRosterEntry={onRosterEntry}
                />
              ))}
            </div>
          </>
        ))}
    </section>
  );
}
