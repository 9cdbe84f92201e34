import type { TestInfo } from '@adal/shared';
import { ErrorNotice, Loading } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTestFlow } from './flow-context.js';
import { testPaths } from './paths.js';

/**
 * What the info says before any step: still loading, why the test cannot start, or that a test
 * is already in progress (then "Continue the test" goes straight back to it). `ended` tells why
 * the sitting is over (from the Chat&log, with the proctor's reason) in place of the generic line.
 */
export function InfoNotices({ ended }: { ended?: ReactNode }) {
  const { info } = useTestFlow();
  const { state } = info;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={info.reload} />;
  return (
    <>
      {state.data.attemptInProgress && (
        <ResumeOffer info={state.data} attemptId={state.data.attemptInProgress} />
      )}
      {state.data.blockedBy === 'sitting_ended' && ended
        ? ended
        : state.data.blockedBy && <BlockedNotice blockedBy={state.data.blockedBy} />}
    </>
  );
}

export function BlockedNotice({ blockedBy }: { blockedBy: NonNullable<TestInfo['blockedBy']> }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert" data-blocked-by={blockedBy}>
      <p>{t(`test.blocked.${blockedBy}`)}</p>
    </div>
  );
}

function ResumeOffer({ info, attemptId }: { info: TestInfo; attemptId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section className="notice notice-info resume-offer" aria-labelledby="resume-title">
      <div>
        <h2 id="resume-title">{t('test.resume.title')}</h2>
        <p>{t('test.resume.body')}</p>
      </div>
      <button
        type="button"
        className="button-primary"
        onClick={() => navigate(testPaths.attempt(info.sittingId, attemptId))}
      >
        {t('test.resume.button')}
      </button>
    </section>
  );
}
