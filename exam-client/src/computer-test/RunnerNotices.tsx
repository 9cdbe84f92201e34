import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The network dropped: the student keeps answering; the answers wait on this computer (seed 004: "Retry"). */
export function ConnectionBanner({ pending, onRetry }: { pending: number; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error connection-banner" role="alert" data-testid="connection-lost">
      <div>
        <p>{t('test.connection.lost')}</p>
        {pending > 0 && <p data-testid="pending-count">{t('test.connection.pending', { count: pending })}</p>}
      </div>
      <button type="button" className="button-secondary" onClick={onRetry}>
        {t('test.connection.retry')}
      </button>
    </div>
  );
}

export function StorageWarning() {
  const { t } = useTranslation();
  return (
    <p className="notice notice-error" role="alert">
      {t('test.connection.noStorage')}
    </p>
  );
}

export function CameraOffNotice() {
  const { t } = useTranslation();
  return (
    <p className="notice notice-error" role="alert" data-testid="camera-off">
      {t('test.checks.offInTest')}
    </p>
  );
}

/**
 * The proctor paused the test: the clock stands still and nothing can be answered until resumed.
 * What the proctor asks meanwhile (a warning, a room scan) shows inside it. A suspension (camera
 * or screen lost) is not shown here: it must leave the devices panel reachable.
 */
export function PausedOverlay({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="runner-overlay" data-testid="paused">
      <div className="card">
        <div role="alert">
          <h2>{t('test.paused.title')}</h2>
          <p>{t('test.paused.body')}</p>
        </div>
        {children}
      </div>
    </div>
  );
}

/** Time is up or the attempt was closed: answers are locked while the result opens. */
export function ClosedOverlay({ timeUp }: { timeUp: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="runner-overlay" data-testid="time-up">
      <div className="card" role="alert">
        <h2>{timeUp ? t('test.timeUp.title') : t('test.result.closing')}</h2>
        <p>{timeUp ? t('test.timeUp.body') : t('test.timeUp.closed')}</p>
      </div>
    </div>
  );
}
