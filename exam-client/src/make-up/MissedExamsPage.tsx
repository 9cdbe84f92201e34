import type { MakeUpApplicationView, MissedSitting } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  LiveIndicator,
  Loading,
  useAuth,
  useDocumentTitle,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSchedule } from '../schedule/schedule-context.js';
import { MissedSittingCard } from './MissedSittingCard.js';
import './make-up.css';

/** The application just sent replaces the sitting's latest one, without a reload. */
const withApplication = (list: MissedSitting[], view: MakeUpApplicationView): MissedSitting[] =>
  list.map((m) => (m.sittingId === view.sitting.sittingId ? { ...m, application: view } : m));

/**
 * "Missed exams" (exam-procedures.md, "Absence and make-up"): each sitting the student missed,
 * the application for a make-up sitting with its evidence, and the decision as it arrives.
 */
export function MissedExamsPage() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { socket, live } = useSchedule();
  useDocumentTitle(t('makeUp.student.title'));
  const missed = useResource((signal) => callApi('missedSittings', { signal }), [callApi]);
  const [decided, setDecided] = useState(false);
  const [sent, setSent] = useState(false);
  // The schedule reloads itself on the same event (schedule-context.tsx): the make-up sitting shows there.
  useServerEvent(socket, 'makeUp:decided', () => {
    setDecided(true);
    missed.reload();
  });
  // Decisions made while the connection was down never arrive as events.
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) missed.reload();
  });
  const { state } = missed;

  return (
    <section className="missed-exams" aria-labelledby="missed-title">
      <p>
        <Link to="/">{t('makeUp.student.back')}</Link>
      </p>
      <div className="page-head">
        <h1 id="missed-title">{t('makeUp.student.title')}</h1>
        {state.status === 'ready' && <LiveIndicator live={live} />}
      </div>
      <p className="muted">{t('makeUp.student.intro')}</p>
      <div aria-live="polite">
        {decided && <p className="notice notice-info">{t('makeUp.student.decidedNotice')}</p>}
        {sent && !decided && <p className="notice notice-info">{t('makeUp.student.form.sent')}</p>}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={missed.reload} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <EmptyState>{t('makeUp.student.empty')}</EmptyState>
        ) : (
          <div className="missed-list">
            {state.data.map((m) => (
              <MissedSittingCard
                key={m.sittingId}
                missed={m}
                onApplied={(view) => {
                  setSent(true);
                  setDecided(false);
                  missed.update((list) => withApplication(list, view));
                }}
              />
            ))}
          </div>
        ))}
    </section>
  );
}
