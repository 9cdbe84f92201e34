import type { FlagEpisode } from '@adal/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from './entries.js';
import { withDetails } from './entry-text.js';

/** Automatic flags going on right now (they join the log once they are over). */
export function OngoingFlags({ ongoing }: { ongoing: FlagEpisode[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const current = ongoing.filter((e) => e.endedAt === null);
  return (
    <section className="sd-ongoing" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('studentDetail.ongoing.title')}</h3>
      {current.length === 0 ? (
        <p className="muted">{t('studentDetail.ongoing.none')}</p>
      ) : (
        <ul className="sd-ongoing-list">
          {current.map((episode) => (
            <li key={episode.id} className="badge badge-red" data-flag={episode.type}>
              {t('studentDetail.ongoing.item', {
                flag: withDetails(t, t(`studentDetail.flags.${episode.type}`), episode.details),
                time: clockTime(episode.startedAt),
                confidence: episode.confidence,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
