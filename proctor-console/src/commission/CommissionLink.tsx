import type { SittingKind } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './commission-link.css';

/** State attestation is graded by its commission: the kinds that have a commission grading page. */
export const hasCommissionGrading = (kind: SittingKind): boolean =>
  kind === 'state_exam' || kind === 'thesis_defence';

/** The way from a state exam's or thesis defence's card to the commission's grading. */
export function CommissionLink({
  sittingId,
  discipline,
  kind,
}: {
  sittingId: string;
  discipline: string;
  kind: SittingKind;
}) {
  const { t } = useTranslation();
  if (!hasCommissionGrading(kind)) return null;
  return (
    <p className="commission-link-row">
      <Link
        className="button-link-secondary commission-link"
        to={`/sittings/${sittingId}/commission`}
        aria-label={t('commission.linkLabel', { discipline })}
        data-testid="commission-link"
      >
        {t('commission.link')}
      </Link>
    </p>
  );
}
