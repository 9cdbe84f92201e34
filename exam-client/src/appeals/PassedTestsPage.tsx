import {
  EmptyState,
  ErrorNotice,
  Loading,
  useAuth,
  useDocumentTitle,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSchedule } from '../schedule/schedule-context.js';
import { choosePeriod } from './academic-period.js';
import { PassedTestsTable } from './PassedTestsTable.js';
import { PeriodFilter } from './PeriodFilter.js';
import './appeals.css';

/**
 * "Passed tests" (seed 002): the student's finished computer tests for a period, with correct
 * answers before and after appeal and the grade; a test's name opens its appeal page.
 */
export function PassedTestsPage() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { socket } = useSchedule();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('appeals.passed.title'));
  const today = useMemo(() => new Date(), []);
  const choice = choosePeriod(search, today);
  const { from, to } = choice.period;
  const valid = choice.ok;
  const tests = useResource(
    (signal) => (valid ? callApi('passedTests', { query: { from, to }, signal }) : Promise.resolve([])),
    [callApi, from, to, valid],
  );
  // A decided appeal changes "correct after appeal" and the grade.
  useServerEvent(socket, 'appeal:decided', () => tests.reload());
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) tests.reload();
  });
  const { state } = tests;

  return (
    <section className="passed-tests" aria-labelledby="passed-title">
      <p>
        <Link to="/">{t('common.back')}</Link>
      </p>
      <div className="page-head">
        <h1 id="passed-title">{t('appeals.passed.title')}</h1>
      </div>
      <p className="muted">{t('appeals.passed.intro')}</p>
      <PeriodFilter
        period={choice.period}
        invalid={!valid}
        onChange={(period) => setSearch({ from: period.from, to: period.to })}
      />
      {valid && state.status === 'loading' && <Loading />}
      {valid && state.status === 'error' && <ErrorNotice error={state.error} onRetry={tests.reload} />}
      {valid &&
        state.status === 'ready' &&
        (state.data.length === 0 ? (
          <EmptyState>{t('appeals.passed.empty')}</EmptyState>
        ) : (
          <PassedTestsTable tests={state.data} />
        ))}
    </section>
  );
}
