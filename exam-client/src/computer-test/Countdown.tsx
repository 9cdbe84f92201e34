import { formatTimeLeft, timeLeftMs } from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountdownClock } from './clock.js';

const LOW_MS = 5 * 60_000;

/** "Time left 00:39:56", top right (seed 002); redraws itself only, four times a second. */
export function Countdown({ clock }: { clock: CountdownClock | null }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = clock ? timeLeftMs(clock, now) : null;
  return (
    <div
      className="countdown"
      data-paused={Boolean(clock?.pausedAt)}
      data-low={left !== null && left < LOW_MS}
    >
      <span id="time-left-label" className="countdown-label">
        {t('test.runner.timeLeft')}
      </span>
      <span
        role="timer"
        aria-labelledby="time-left-label"
        className="countdown-value"
        data-testid="time-left"
      >
        {left === null ? '--:--:--' : formatTimeLeft(left)}
      </span>
    </div>
  );
}
