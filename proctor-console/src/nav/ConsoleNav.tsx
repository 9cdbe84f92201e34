import { isOfficeRole, type Role } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canReviewMakeUps } from '../make-up/review.js';
import './console-nav.css';

/**
 * The console's sections. Only the dean's office and admins (the question banks, the ticket
 * pools, make-up applications) and commission chairs (make-up applications) have more than the
 * sittings, so only they see the bar.
 */
export function ConsoleNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const office = isOfficeRole(role);
  const makeUps = canReviewMakeUps(role);
  if (!office && !makeUps) return null;
  return (
    <nav className="console-nav" aria-label={t('staff.nav.label')}>
      <NavLink to="/" end>
        {t('staff.nav.sittings')}
      </NavLink>
      {office && <NavLink to="/banks">{t('staff.nav.banks')}</NavLink>}
      {office && <NavLink to="/ticket-pools">{t('ticketPools.nav')}</NavLink>}
      {makeUps && <NavLink to="/make-up">{t('makeUp.review.nav')}</NavLink>}
    </nav>
  );
}
