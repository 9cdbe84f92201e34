import { useAuth } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canReviewAppeals } from './review.js';
import './appeals.css';

/** The way from a computer test's card to its appeals, for those who review them. */
export function AppealsLink({ sittingId, discipline }: { sittingId: string; discipline: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user || !canReviewAppeals(user.role)) return null;
  return (
    <p className="appeals-link-row">
      <Link
        className="button-link-secondary"
        to={`/sittings/${sittingId}/appeals`}
        aria-label={t('appeals.review.linkLabel', { discipline })}
      >
        {t('appeals.review.link')}
      </Link>
    </p>
  );
}
