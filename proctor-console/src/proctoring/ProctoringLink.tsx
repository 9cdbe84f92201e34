import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './proctoring-link.css';

/** The way from a sitting's card to its proctoring overview, beside the live view. */
export function ProctoringLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className="button-link-secondary proctoring-link"
      to={`/sittings/${sittingId}/proctoring`}
      aria-label={t('proctoring.openLabel', { discipline })}
    >
      {t('proctoring.open')}
    </Link>
  );
}
