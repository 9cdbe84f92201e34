import { formatTimeLeft } from '@adal/shared/web';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppealWindow, appealMsLeft } from './appeal-window.js';
import { useNow } from './use-now.js';

/** "The time to file an appeal is limited" and the time left (seed 002); tells the page at zero. */
export function AppealCountdown({ window, onExpired }: { window: AppealWindow; onExpired(): void }) {
  const { t } = useTranslation();
  const now = useNow(true);
  const left = appealMsLeft(window, now);
  const expired = left <= 0;
  const told = useRef(false);
  const latest = useRef(onExpired);
  latest.current = onExpired;
  useEffect(() => {
    if (expired && !told.current) {
      told.current = true;
      latest.current();
    }
  }, [expired]);

  return (
    <div className="appeal-countdown notice notice-info">
      <p>{t('appeals.page.limited')}</p>
      <p>
        <span>{t('appeals.page.timeLeft')}: </span>
        <strong className="appeal-clock" data-testid="appeal-time-left">
          {formatTimeLeft(left)}
        </strong>
      </p>
    </div>
  );
}
