import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status status-loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="status status-empty">{children}</p>;
}

/** Whether live updates (socket.io) are arriving. */
export function LiveIndicator({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={live ? 'live-indicator' : 'live-indicator offline'} role="status">
      {live ? t('schedule.live') : t('schedule.offline')}
    </span>
  );
}
