import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way from a thesis defence's card to its schedule. */
export function DefenceLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className="button-link-secondary nowrap"
      to={`/sittings/${sittingId}/defence`}
      aria-label={t('thesisDefence.linkLabel', { discipline })}
      data-testid="defence-link"
    >
      {t('thesisDefence.link')}
    </Link>
  );
}
