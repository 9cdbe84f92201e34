import type { SittingWithRoster } from '@adal/shared';
import { formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { admittedCount } from './roster.js';

/** Jump links to each sitting with its admitted count: rosters are long, the page scrolls. */
export function SittingsOverview({ sittings }: { sittings: SittingWithRoster[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <nav className="sittings-overview" aria-label={t('console.overview')}>
      <ul>
        {sittings.map((sitting) => (
          <li key={sitting.sittingId}>
            <a href={`#sitting-${sitting.sittingId}`}>
              <span className="overview-title">{sitting.discipline.name}</span>
              <span className="overview-meta">
                {t(`sittingKind.${sitting.kind}`)} · {formatDateTime(sitting.startsAt, language)}
              </span>
              <span className="overview-count">
                {t('console.admittedCount', {
                  admitted: admittedCount(sitting),
                  total: sitting.students.length,
                })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
