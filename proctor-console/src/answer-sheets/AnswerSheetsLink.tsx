import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way from a written, oral or state exam's card to its answer-sheet gallery. */
export function AnswerSheetsLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className="button-link-secondary nowrap"
      to={`/sittings/${sittingId}/sheets`}
      aria-label={t('sheetsConsole.links.sheetsLabel', { discipline })}
    >
      {t('sheetsConsole.links.sheets')}
    </Link>
  );
}
