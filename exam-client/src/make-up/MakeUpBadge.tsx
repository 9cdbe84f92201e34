import { useTranslation } from 'react-i18next';
import './make-up.css';

/** Marks a make-up sitting (after a justified absence) in the schedule. */
export function MakeUpBadge() {
  const { t } = useTranslation();
  return (
    <span className="make-up-badge" title={t('makeUp.badgeLabel')} data-testid="make-up-badge">
      {t('makeUp.badge')}
    </span>
  );
}
