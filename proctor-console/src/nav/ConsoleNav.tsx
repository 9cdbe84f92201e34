import { isOfficeRole, type Role } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './console-nav.css';

/**
 * The console's sections. Only the dean's office and admins have more than the sittings (the
 * question banks and the ticket pools), so only they see the bar.
 */
export function ConsoleNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (!isOfficeRole(role)) return null;
  return (
    <nav className="console-nav" aria-label={t('staff.nav.label')}>
      <NavLink to="/" end>
        {t('staff.nav.sittings')}
      </NavLink>
      <NavLink to="/banks">{t('staff.nav.banks')}</NavLink>
      <NavLink to="/ticket-pools">{t('ticketPools.nav')}</NavLink>
    </nav>
  );
}
