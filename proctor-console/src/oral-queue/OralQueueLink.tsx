import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way from an oral or state exam's card to its queue. */
export function OralQueueLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className="button-link-secondary nowrap"
      to={`/sittings/${sittingId}/queue`}
      aria-label={t('oralQueue.linkLabel', { discipline })}
    >
      {t('oralQueue.link')}
    </Link>
  );
}
