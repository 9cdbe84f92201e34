import type { AttemptClock } from '@adal/shared';
import {
  errorMessage,
  formatTimeLeft,
  isApiError,
  LOCALES,
  timeLeftMs,
  useAuth,
  useLanguage,
} from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeOf, isOpen, type ShownAttempt } from './attempt-rows.js';
import './attempts.css';

/** The countdown of one running attempt; it ticks only while the clock runs. */
function TimeLeft({ attempt }: { attempt: ShownAttempt }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = attempt.pausedAt === null;
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const left = formatTimeLeft(timeLeftMs(attempt, now));
  return (
    <span className="attempt-time" data-testid="attempt-time-left">
      {t('staff.attempts.timeLeft', { time: left })}
    </span>
  );
}

function PauseButton({
  sittingId,
  attempt,
  studentName,
  onClock,
}: {
  sittingId: string;
  attempt: ShownAttempt;
  studentName: string;
  onClock: (attemptId: string, clock: AttemptClock) => void;
}) {
  const { t } = useTranslation();
  const { callApi, sessionEnded } = useAuth();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const paused = attempt.pausedAt !== null;

  const onClick = () => {
    setPending(true);
    setError(null);
    const params = { sittingId, attemptId: attempt.attemptId };
    callApi(paused ? 'resumeAttempt' : 'pauseAttempt', { params, body: {} }).then(
      (clock) => {
        setPending(false);
        onClock(attempt.attemptId, clock);
      },
      (caught: unknown) => {
        setPending(false);
        if (isApiError(caught) && caught.code === 'unauthenticated') sessionEnded();
        else setError(caught);
      },
    );
  };

  return (
    <>
      <button
        type="button"
        className={paused ? 'button-primary' : 'button-secondary'}
        onClick={onClick}
        disabled={pending}
        aria-label={t(paused ? 'staff.attempts.resumeLabel' : 'staff.attempts.pauseLabel', {
          name: studentName,
        })}
      >
        {paused ? t('staff.attempts.resume') : t('staff.attempts.pause')}
      </button>
      {error !== null && (
        <span className="inline-error" role="alert">
          {errorMessage(t, error)}
        </span>
      )}
    </>
  );
}

/** A student's test in the roster: status, progress, time left or result, and Pause/Resume. */
export function AttemptCell({
  sittingId,
  attempt,
  studentName,
  canPause,
  onClock,
}: {
  sittingId: string;
  attempt: ShownAttempt | undefined;
  studentName: string;
  canPause: boolean;
  onClock: (attemptId: string, clock: AttemptClock) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!attempt) return <span className="muted">{t('staff.attempts.notStarted')}</span>;
  const badge = badgeOf(attempt);
  const open = isOpen(attempt.status);
  const percent =
    attempt.percent === null
      ? null
      : new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(attempt.percent);

  return (
    <div className="attempt-cell" data-attempt-id={attempt.attemptId} data-attempt-status={badge}>
      <div className="attempt-line">
        <span className={`badge attempt-badge attempt-${badge}`}>
          <span className="badge-dot" aria-hidden="true" />
          {badge === 'paused' ? t('staff.attempts.paused') : t(`staff.attempts.status.${badge}`)}
        </span>
        {attempt.number > 1 && (
          <span className="muted">{t('staff.attempts.attempt', { number: attempt.number })}</span>
        )}
        {open && <TimeLeft attempt={attempt} />}
        {percent !== null && (
          <span className="attempt-result" data-testid="attempt-result">
            {t('staff.attempts.result', { percent })}
          </span>
        )}
      </div>
      <div className="attempt-line">
        <span data-testid="attempt-answered">
          {t('staff.attempts.answered', { answered: attempt.answered, total: attempt.questions })}
        </span>
        {canPause && open && (
          <PauseButton sittingId={sittingId} attempt={attempt} studentName={studentName} onClock={onClock} />
        )}
      </div>
    </div>
  );
}
