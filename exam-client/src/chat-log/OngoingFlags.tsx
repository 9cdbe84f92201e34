import type { FlagEpisode } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { useNow } from '../appeals/use-now.js';
import { useLogWords } from './use-log-words.js';

/** Automatic flags going on right now, with their running length ("now: no face — 12 s"). */
export function OngoingFlags({ episodes }: { episodes: readonly FlagEpisode[] }) {
  const { t } = useTranslation();
  const words = useLogWords();
  const now = useNow(episodes.length > 0);
  if (episodes.length === 0) return null;
  return (
    <section className="ongoing-flags" aria-labelledby="ongoing-flags-title">
      <h3 id="ongoing-flags-title" className="visually-hidden">
        {t('studentLog.panel.ongoingTitle')}
      </h3>
      <ul>
        {episodes.map((ep) => (
          <li key={ep.id} data-type={ep.type}>
            {t('studentLog.panel.ongoing', {
              label: t(`studentLog.entry.auto_flag.${ep.type}`),
              // Server time against this computer's: never shown below zero.
              duration: words.duration(now - Date.parse(ep.startedAt)),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
