import { useTranslation } from 'react-i18next';

/** Whether the page is following the sitting live (the socket is connected and watching). */
export function LiveStatus({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={live ? 'live-indicator' : 'live-indicator offline'} role="status">
      {live ? t('sheetsConsole.live') : t('sheetsConsole.offline')}
    </span>
  );
}
