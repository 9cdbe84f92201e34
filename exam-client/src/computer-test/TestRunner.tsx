import { ErrorNotice, Loading, useDocumentTitle } from '@adal/shared/web';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ChatLogPanel } from '../chat-log/ChatLogPanel.js';
import { ProctorInstructions } from '../chat-log/ProctorInstructions.js';
import { SittingEndedNotice } from '../chat-log/SittingEndedNotice.js';
import { SuspendedNotice } from '../chat-log/SuspendedNotice.js';
import { useAttemptHold } from '../chat-log/use-attempt-hold.js';
import { useChatLog } from '../chat-log/use-chat-log.js';
import { useInstructions } from '../chat-log/use-instructions.js';
import { answeredCount } from './answers.js';
import { Countdown } from './Countdown.js';
import { FinishPanel } from './FinishPanel.js';
import { useTestFlow } from './flow-context.js';
import { testPaths } from './paths.js';
import { QuestionCard } from './QuestionCard.js';
import { QuestionStrip } from './QuestionStrip.js';
import {
  CameraOffNotice,
  ClosedOverlay,
  ConnectionBanner,
  PausedOverlay,
  StorageWarning,
} from './RunnerNotices.js';
import { useRunner } from './use-runner.js';

/** How long "Time is up" shows before the result opens. */
const CLOSED_NOTICE_MS = 1500;

/** The test itself (seeds 000–004): header and countdown, the strip, the questions, Chat & log, Finish. */
export function TestRunner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sittingId = '', attemptId = '' } = useParams();
  const { devicesReady, socket } = useTestFlow();
  const runner = useRunner(attemptId);
  const { view, clock, sync, snapshot } = runner;
  const log = useChatLog(sittingId, socket);
  const instructions = useInstructions(sittingId, log.entries);
  const hold = useAttemptHold(attemptId, view, socket);
  const [current, setCurrent] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const finishing = useRef(false);
  useDocumentTitle(view ? view.discipline.name : t('test.steps.test'));

  // Closed by the deadline or the proctor: show why, then the result. (Finish navigates itself.)
  useEffect(() => {
    if (!runner.closed || finishing.current) return;
    const timer = setTimeout(
      () => navigate(testPaths.result(sittingId, attemptId), { replace: true }),
      CLOSED_NOTICE_MS,
    );
    return () => clearTimeout(timer);
  }, [runner.closed, navigate, sittingId, attemptId]);

  if (!view || !runner.loaded) {
    return runner.error ? (
      <ErrorNotice error={runner.error} onRetry={() => void runner.reload()} />
    ) : (
      <Loading />
    );
  }

  const total = view.questions.length;
  const responseOf = (id: string) => snapshot.answers.get(id)?.response;
  const answered = answeredCount(view.questions, responseOf);
  const allAnswered = answered === total;
  const locked = !runner.accepting;
  const { ended } = instructions;
  const open = !runner.closed && !ended;
  // A lost camera or screen suspends the attempt (a notice: the devices panel must stay reachable);
  // any other stop is the proctor's pause (the overlay). Both at once: pausedByProctor says so.
  const suspended = open && clock?.status === 'suspended';
  const pausedByProctor = open && (hold ? hold.pausedByProctor : Boolean(clock?.pausedAt) && !suspended);
  const pausedOverlay = open && runner.paused && !suspended;
  const proctorAsks = (
    <ProctorInstructions instructions={instructions} acknowledge={instructions.acknowledge} />
  );

  const select = (index: number) => {
    setConfirming(false);
    if (!showAll) return setCurrent(index);
    const id = view.questions[index]?.questionId;
    const heading = id ? document.getElementById(`question-${id}-title`) : null;
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  const card = (index: number) => {
    const q = view.questions[index];
    if (!q) return null;
    return (
      <QuestionCard
        key={q.questionId}
        question={q}
        number={index + 1}
        total={total}
        answer={snapshot.answers.get(q.questionId)}
        disabled={locked}
        onChange={(response) => sync?.change(q.questionId, response)}
      />
    );
  };

  return (
    <div className="test-runner" data-attempt-id={view.attemptId}>
      <header className="runner-head">
        <div>
          <h1>{view.discipline.name}</h1>
          <p className="muted">
            {t(`controlKind.${view.controlKind}`)} · {t('test.runner.testingTime')}:{' '}
            {t('common.minutes', { count: view.durationMinutes })} ·{' '}
            {t('test.result.attemptsUsed', { used: view.number, allowed: view.attemptsAllowed })}
          </p>
        </div>
        <Countdown clock={clock} />
      </header>
      {runner.connectionLost && <ConnectionBanner pending={snapshot.pending} onRetry={runner.retry} />}
      {!snapshot.storageOk && <StorageWarning />}
      {!devicesReady && open && <CameraOffNotice />}
      {suspended && (
        <SuspendedNotice
          suspension={instructions.suspension}
          clockStopped={Boolean(clock?.pausedAt)}
          pausedByProctor={pausedByProctor}
        />
      )}
      {open && !pausedOverlay && proctorAsks}
      <div className="runner-body">
        {/* The sitting is over: its message takes the questions' place; the Chat & log stays. */}
        {ended && (
          <div className="runner-main">
            <SittingEndedNotice ended={ended} />
          </div>
        )}
        <div
          className="runner-main"
          hidden={Boolean(ended)}
          inert={runner.paused || runner.closed || runner.timeUp}
        >
          <div className="runner-progress">
            <p role="status" data-testid="answered-count">
              {t('test.runner.answered', { answered, total })}
            </p>
            <button
              type="button"
              className="button-secondary"
              aria-pressed={showAll}
              onClick={() => {
                setShowAll(!showAll);
                setConfirming(false);
              }}
            >
              {t('test.runner.showAll')}
            </button>
          </div>
          <QuestionStrip
            questions={view.questions}
            answers={snapshot.answers}
            current={showAll ? null : current}
            onSelect={select}
          />
          {confirming && allAnswered ? (
            <FinishPanel
              attemptId={view.attemptId}
              pending={snapshot.pending}
              onBack={() => setConfirming(false)}
              onFinishing={() => {
                finishing.current = true;
              }}
              onFinished={() =>
                navigate(testPaths.result(sittingId, attemptId), {
                  replace: true,
                  state: { justFinished: true },
                })
              }
              onRefused={() => {
                finishing.current = false;
                void runner.reload();
              }}
            />
          ) : showAll ? (
            <div className="question-list">{view.questions.map((_, index) => card(index))}</div>
          ) : (
            <>
              {card(Math.min(current, total - 1))}
              <div className="step-actions question-nav">
                <button
                  type="button"
                  className="button-secondary"
                  disabled={current === 0}
                  onClick={() => setCurrent(current - 1)}
                >
                  {t('test.runner.previous')}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={current >= total - 1}
                  onClick={() => setCurrent(current + 1)}
                >
                  {t('test.runner.next')}
                </button>
              </div>
            </>
          )}
          {allAnswered && !confirming && !locked && (
            <div className="step-actions finish-row">
              <button type="button" className="button-primary" onClick={() => setConfirming(true)}>
                {t('test.finish.button')}
              </button>
            </div>
          )}
        </div>
        <ChatLogPanel log={log} />
      </div>
      {pausedOverlay && <PausedOverlay>{proctorAsks}</PausedOverlay>}
      {(runner.closed || runner.timeUp) && !finishing.current && !ended && (
        <ClosedOverlay timeUp={runner.timeUp} />
      )}
    </div>
  );
}
