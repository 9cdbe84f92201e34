import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './recordings-link.css';

/** The way from a sitting's card to its recordings page, beside the live view. */
export function RecordingsLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className="button-link-secondary recordings-link"
      to={`/sittings/${sittingId}/recordings`}
      aria-label={t('media.recordings.openLabel', { discipline })}
    >
      {t('media.recordings.open')}
    </Link>
  );
}
