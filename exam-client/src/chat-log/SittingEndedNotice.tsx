import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SittingEnded } from './instructions.js';
import './chat-log.css';

/** The student's sitting is over (terminated, not admitted, let go): why, and what that means. */
export function SittingEndedNotice({ ended, children }: { ended: SittingEnded; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section
      className="notice notice-error sitting-ended"
      role="alert"
      aria-labelledby="sitting-ended-title"
      data-testid="sitting-ended"
      data-ended={ended.kind}
    >
      <div>
        <h2 id="sitting-ended-title">{t(`studentLog.ended.${ended.kind}`)}</h2>
        {ended.reason && <p>{t('studentLog.ended.reason', { reason: ended.reason })}</p>}
        <p>{t(`studentLog.ended.${ended.kind}Body`)}</p>
        {children}
      </div>
    </section>
  );
}
