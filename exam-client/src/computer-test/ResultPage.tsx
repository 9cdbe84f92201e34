import type { AttemptResult, TestInfo } from '@adal/shared';
import {
  ErrorNotice,
  isApiError,
  Loading,
  useAuth,
  useDocumentTitle,
  useLanguage,
  useResource,
} from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { SittingEndedNotice } from '../chat-log/SittingEndedNotice.js';
import { TrustScoreSection } from '../chat-log/TrustScoreSection.js';
import { useChatLog } from '../chat-log/use-chat-log.js';
import { useInstructions } from '../chat-log/use-instructions.js';
import { useSchedule } from '../schedule/schedule-context.js';
import { AppealPrompt } from './AppealPrompt.js';
import { formatDateTimeSeconds } from './format.js';
import { DifficultyTable, FinalGradesTable, TestGrade } from './GradeTables.js';
import { testPaths } from './paths.js';
import './computer-test.css';

/** The server closes a timed-out attempt at its deadline; until it has, ask again this often. */
const STILL_OPEN_RETRY_MS = 2000;

/** The result page (seed 002): times, final grades, results by difficulty, the test grade. */
export function ResultPage() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { sittingId = '', attemptId = '' } = useParams();
  const location = useLocation();
  const result = useResource(
    (signal) => callApi('attemptResult', { params: { attemptId }, signal }),
    [callApi, attemptId],
  );
  const info = useResource(
    (signal) => callApi('testInfo', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { socket } = useSchedule();
  // Why the sitting ended, when the proctor ended it (the reason is in the Chat&log).
  const log = useChatLog(sittingId, socket);
  const { ended } = useInstructions(sittingId, log.entries);
  const justFinished = (location.state as { justFinished?: boolean } | null)?.justFinished === true;
  const [askAppeal, setAskAppeal] = useState(justFinished);
  useDocumentTitle(t('test.result.title'));

  const stillOpen =
    result.state.status === 'error' &&
    isApiError(result.state.error) &&
    result.state.error.code === 'conflict';
  useEffect(() => {
    if (!stillOpen) return;
    const timer = setTimeout(result.reload, STILL_OPEN_RETRY_MS);
    return () => clearTimeout(timer);
  }, [stillOpen, result.reload]);

  if (result.state.status === 'loading' || stillOpen)
    return stillOpen ? <p className="status">{t('test.result.closing')}</p> : <Loading />;
  if (result.state.status === 'error')
    return <ErrorNotice error={result.state.error} onRetry={result.reload} />;
  const data = result.state.data;

  return (
    <div className="computer-test test-result" data-status={data.status}>
      <section className="card" aria-labelledby="result-title">
        <div className="page-head">
          <h1 id="result-title">{t('test.result.title')}</h1>
          <p className="muted">{t('test.result.attempt', { number: data.number })}</p>
        </div>
        {askAppeal && (
          <AppealPrompt
            appealPath={testPaths.appeal(sittingId, attemptId)}
            onNo={() => setAskAppeal(false)}
          />
        )}
        <ResultTimes result={data} />
        {ended && <SittingEndedNotice ended={ended} />}
        {!(ended?.kind === 'terminated' && data.status === 'terminated') && <StatusNotice result={data} />}
        <FinalGradesTable grades={data.finalGrades} />
        <DifficultyTable result={data} />
        {data.grade && <TestGrade grade={data.grade} />}
        {info.state.status === 'ready' && <Retake info={info.state.data} />}
        <p>
          <Link to="/">{t('common.back')}</Link>
        </p>
      </section>
      <TrustScoreSection sittingId={sittingId} socket={socket} />
    </div>
  );
}

function ResultTimes({ result }: { result: AttemptResult }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <dl className="test-info">
      <div>
        <dt>{t('test.result.startedAt')}</dt>
        <dd>
          <time dateTime={result.startedAt}>{formatDateTimeSeconds(result.startedAt, language)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('test.result.finishedAt')}</dt>
        <dd>
          {result.finishedAt ? (
            <time dateTime={result.finishedAt}>{formatDateTimeSeconds(result.finishedAt, language)}</time>
          ) : (
            t('test.result.empty')
          )}
        </dd>
      </div>
    </dl>
  );
}

/** Why this attempt is graded the way it is: voided by the time-out policy, timed out, not the counting one. */
function StatusNotice({ result }: { result: AttemptResult }) {
  const { t } = useTranslation();
  const text =
    result.status === 'voided'
      ? t('test.result.voided')
      : result.status === 'timed_out'
        ? t('test.result.timedOut')
        : result.status === 'terminated'
          ? t('test.result.terminated')
          : result.percent !== null && !result.counts
            ? t('test.result.notCounting')
            : null;
  if (!text) return null;
  return (
    <p
      className={result.status === 'voided' ? 'notice notice-error' : 'notice notice-info'}
      data-testid="result-status"
    >
      {text}
    </p>
  );
}

/** "Retake" (seed 004) repeats the pre-checks and the test while attempts are left: "attempts (1/2)". */
function Retake({ info }: { info: TestInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canRetake =
    info.attemptsUsed < info.attemptsAllowed && info.blockedBy === null && !info.attemptInProgress;
  return (
    <div className="step-actions retake">
      <p className="muted">
        {t('test.result.attemptsUsed', { used: info.attemptsUsed, allowed: info.attemptsAllowed })}
      </p>
      {canRetake && (
        <button
          type="button"
          className="button-primary"
          onClick={() => navigate(testPaths.start(info.sittingId))}
        >
          {t('test.result.retake')}
        </button>
      )}
    </div>
  );
}
