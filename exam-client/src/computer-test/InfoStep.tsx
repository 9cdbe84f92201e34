import type { TestInfo } from '@adal/shared';
import { ErrorNotice, useAuth, useDocumentTitle } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ChatLogPanel } from '../chat-log/ChatLogPanel.js';
import { ProctorInstructions } from '../chat-log/ProctorInstructions.js';
import { SittingEndedNotice } from '../chat-log/SittingEndedNotice.js';
import { useChatLog } from '../chat-log/use-chat-log.js';
import { useInstructions } from '../chat-log/use-instructions.js';
import { useTestFlow } from './flow-context.js';
import { InfoNotices } from './InfoNotices.js';
import { testPaths } from './paths.js';

/**
 * The info page (seed 001): who, what, how long, how many questions, attempts used; "Next"
 * starts the test at once (or resumes the open attempt, same paper).
 */
export function InfoStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { callApi } = useAuth();
  const { sittingId, info, rulesAgreed, devicesReady, socket } = useTestFlow();
  // Waiting here for admission is when the proctor checks the room and may write or warn.
  const log = useChatLog(sittingId, socket);
  const instructions = useInstructions(sittingId, log.entries);
  const { ended } = instructions;
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('test.info.title'));
  const data = info.state.status === 'ready' ? info.state.data : null;
  const canStart = Boolean(data && !data.blockedBy && rulesAgreed && devicesReady);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const view = await callApi('startAttempt', { params: { sittingId }, body: {} });
      navigate(testPaths.attempt(sittingId, view.attemptId));
    } catch (cause) {
      setError(cause);
      setStarting(false);
      info.reload(); // blockedBy may have changed (admission revoked, attempts used)
    }
  };

  return (
    <>
      <section className="card test-step" aria-labelledby="info-title">
        <h1 id="info-title">{t('test.info.title')}</h1>
        <InfoNotices ended={ended ? <SittingEndedNotice ended={ended} /> : undefined} />
        {!ended && <ProctorInstructions instructions={instructions} acknowledge={instructions.acknowledge} />}
        {data && <InfoTable info={data} />}
        <p>{t('test.info.startsAtOnce')}</p>
        {!rulesAgreed && (
          <p className="notice notice-info">
            <Link to={testPaths.step(sittingId, 'rules')}>{t('test.info.rulesFirst')}</Link>
          </p>
        )}
        {rulesAgreed && !devicesReady && <p className="notice notice-info">{t('test.checks.waiting')}</p>}
        {error !== null && <ErrorNotice error={error} />}
        <div className="step-actions">
          <button type="button" className="button-primary" disabled={!canStart || starting} onClick={start}>
            {starting ? t('test.info.starting') : t('test.info.next')}
          </button>
        </div>
      </section>
      <ChatLogPanel log={log} inline />
    </>
  );
}

function InfoTable({ info }: { info: TestInfo }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('test.info.student'), info.student.fullName],
    [t('test.info.discipline'), `${info.discipline.name} (${info.discipline.code})`],
    [t('test.info.controlKind'), t(`controlKind.${info.controlKind}`)],
    [t('test.info.duration'), t('common.minutes', { count: info.durationMinutes })],
    [t('test.info.questions'), String(info.questionCount)],
    [
      t('test.info.attempts'),
      t('test.info.attemptsValue', { used: info.attemptsUsed, allowed: info.attemptsAllowed }),
    ],
  ];
  return (
    <dl className="test-info">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
