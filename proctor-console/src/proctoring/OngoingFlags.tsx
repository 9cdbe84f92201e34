import type { FlagEpisode } from '@adal/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, ongoingFirstStarted, runningFor } from './overview-rows.js';

/** The flags going on right now, each with how long it has lasted (ticking every second). */
export function OngoingFlags({ episodes, offset }: { episodes: readonly FlagEpisode[]; offset: number }) {
  const { t } = useTranslation();
  const ongoing = ongoingFirstStarted(episodes);
  if (ongoing.length === 0) return <span className="muted">{t('proctoring.table.none')}</span>;
  return (
    <ul className="ongoing-flags">
      {ongoing.map((episode) => (
        <li key={episode.id} data-flag={episode.type}>
          <RunningFlag episode={episode} offset={offset} />
        </li>
      ))}
    </ul>
  );
}

function RunningFlag({ episode, offset }: { episode: FlagEpisode; offset: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <>
      {t('proctoring.ongoingFor', {
        flag: t(`proctoring.metric.${episode.type}`),
        duration: formatDuration(runningFor(episode, now, offset)),
      })}
    </>
  );
}

/** The local time, updated every `intervalMs` while the component is shown. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
