import { useTranslation } from 'react-i18next';

/** What the on-device monitoring sends, told to the student (issue 7's privacy note). */
export function MonitoringNote() {
  const { t } = useTranslation();
  return (
    <div className="notice notice-info monitoring-note" data-testid="monitoring-note">
      <strong>{t('monitoring.title')}</strong>
      <p>{t('monitoring.note')}</p>
      <p className="hint">{t('monitoring.sent')}</p>
    </div>
  );
}
