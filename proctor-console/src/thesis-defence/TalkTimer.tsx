import { type DefenceStage, talkWarning } from '@adal/shared';
import { formatTimeLeft } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

interface TalkTimerProps {
  elapsedMs: number;
  stage: DefenceStage;
  warnMinutes: number;
  talkMinutes: number;
}

/** Whole seconds, counting up: 00:07:00 shows from the seventh minute, not a second before. */
const shown = (ms: number) => formatTimeLeft(Math.floor(Math.max(0, ms) / 1000) * 1000);

/**
 * The defender's talk timer, counting up: amber from the first warning (7 min), red "time is up"
 * at the talk's length (10 min). The note below is a live region that changes only at those
 * thresholds, so a screen reader announces them and not every second.
 */
export function TalkTimer({ elapsedMs, stage, warnMinutes, talkMinutes }: TalkTimerProps) {
  const { t } = useTranslation();
  const level = talkWarning(elapsedMs, warnMinutes, talkMinutes);
  const note =
    stage === 'interrupted'
      ? t('thesisDefence.timer.paused')
      : stage !== 'talk'
        ? t('thesisDefence.timer.ended')
        : level === 'over'
          ? t('thesisDefence.timer.over', { minutes: talkMinutes })
          : level === 'warn'
            ? t('thesisDefence.timer.warn', { minutes: warnMinutes })
            : '';
  return (
    <div className="talk-timer" data-level={level} data-stage={stage}>
      <span id="talk-timer-label" className="talk-timer-label">
        {t('thesisDefence.timer.label')}{' '}
        <span className="muted">({t('thesisDefence.timer.limit', { minutes: talkMinutes })})</span>
      </span>
      <span
        role="timer"
        aria-labelledby="talk-timer-label"
        className="talk-timer-value"
        data-testid="talk-timer"
      >
        {shown(elapsedMs)}
      </span>
      <p className="talk-timer-note" role="status" aria-live="polite" data-testid="talk-timer-note">
        {note}
      </p>
    </div>
  );
}
