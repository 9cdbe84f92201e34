import { useTranslation } from 'react-i18next';
import type { LockdownState } from './lockdown-session.js';
import './extension.css';

/** During the test: exam mode is on, and whether the proctor sees this tab yet. */
export function LockdownBar({ lockdown }: { lockdown: LockdownState }) {
  const { t } = useTranslation();
  if (!lockdown.on && !lockdown.startError) return null;
  return (
    <section className="lockdown-bar" aria-label={t('extension.bar.label')} data-testid="lockdown-bar">
      {lockdown.on ? (
        <>
          <p>{t('extension.bar.on')}</p>
          <p role="status" data-tab-shared={lockdown.tabShared}>
            {lockdown.tabShared ? t('extension.bar.tabShared') : t('extension.bar.shareTab')}
          </p>
        </>
      ) : (
        <p className="lockdown-error" role="alert">
          {t('extension.bar.startFailed', { code: lockdown.startError })}
        </p>
      )}
      {lockdown.captureError && !lockdown.tabShared && (
        <p className="lockdown-error" role="alert">
          {t('extension.bar.captureFailed', { message: lockdown.captureError })}
        </p>
      )}
    </section>
  );
}
