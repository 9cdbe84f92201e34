import { EmptyState, ErrorNotice, LiveIndicator, Loading, useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { PassedTestsLink } from '../appeals/PassedTestsLink.js';
import { MissedExamsLink } from '../make-up/MissedExamsLink.js';
import { ScheduleTable } from './ScheduleTable.js';
import { useSchedule } from './schedule-context.js';

/** The student's exam schedule (seeds 000, 001, 003, 004): what, when, and whether they may enter. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { schedule, live } = useSchedule();
  useDocumentTitle(t('schedule.title'));
  const { state } = schedule;

  return (
    <section aria-labelledby="schedule-title">
      <div className="page-head">
        <h1 id="schedule-title">{t('schedule.title')}</h1>
        {state.status === 'ready' && <LiveIndicator live={live} />}
        <PassedTestsLink />
        <MissedExamsLink />
      </div>
      <p className="muted">{t('schedule.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={schedule.reload} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <EmptyState>{t('schedule.empty')}</EmptyState>
        ) : (
          <ScheduleTable entries={state.data} />
        ))}
    </section>
  );
}
