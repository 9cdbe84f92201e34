import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way from a written, oral or state exam's card to its ticket draw. */
export function TicketDrawLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className="button-link-secondary nowrap"
      to={`/sittings/${sittingId}/draw`}
      aria-label={t('sheetsConsole.links.drawLabel', { discipline })}
    >
      {t('sheetsConsole.links.draw')}
    </Link>
  );
}
