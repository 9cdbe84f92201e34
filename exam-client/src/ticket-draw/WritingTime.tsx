import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../computer-test/Countdown.js';
import { FinishWriting } from './FinishWriting.js';
import { useDeadlinePassed } from './use-deadline-passed.js';
import { WritingHoldNotice } from './WritingHoldNotice.js';
import { type WritingState, writingPhase } from './writing-clock.js';
import '../computer-test/computer-test.css';

/** While time is up here but the server has not closed the writing time yet, ask this often. */
const CLOSE_POLL_MS = 3000;

/**
 * A written exam's writing time (exam-procedures.md: "2 hours are given; video stays on"): the
 * computer test's countdown on the server's deadline, pause and suspension, and "I have finished".
 */
export function WritingTime({ writing, onReload }: { writing: WritingState; onReload(): void }) {
  const { t } = useTranslation();
  const phase = writingPhase(writing);
  const timeUp = useDeadlinePassed(writing.clock, phase !== 'running' && phase !== 'suspended');
  const waitingToClose = timeUp && phase !== 'over';

  useEffect(() => {
    if (!waitingToClose) return;
    const timer = setInterval(onReload, CLOSE_POLL_MS);
    return () => clearInterval(timer);
  }, [waitingToClose, onReload]);

  const state = phase === 'running' && timeUp ? 'time_up' : phase;
  return (
    <section
      className="card writing-time"
      aria-labelledby="writing-time-title"
      data-testid="writing-time"
      data-state={state}
      data-attempt-id={writing.attemptId}
    >
      <div className="page-head">
        <h2 id="writing-time-title">{t('writtenExam.writing.title')}</h2>
        {/* Once writing is over a frozen time left would only mislead. */}
        {phase !== 'over' && <Countdown clock={writing.clock} />}
      </div>
      {phase === 'over' ? (
        <p className="notice notice-info" role="status" data-testid="writing-over">
          {t('writtenExam.writing.over')}
        </p>
      ) : (
        <>
          <p className="muted">{t('writtenExam.writing.intro')}</p>
          <WritingHoldNotice phase={phase} clockStopped={writing.hold.clockStopped} />
          {waitingToClose ? (
            <p role="status">{t('writtenExam.writing.timeUp')}</p>
          ) : (
            <FinishWriting attemptId={writing.attemptId} onFinished={onReload} />
          )}
        </>
      )}
    </section>
  );
}
