import type { MediaSource } from '@adal/shared';
import { mediaErrorText, type PublishSnapshot } from '@adal/shared/web/media';
import { useTranslation } from 'react-i18next';

/** One line per source: what the proctor receives now, and why not when it is missing. */
export function SourceStatusList({
  sources,
  shown,
}: {
  sources: PublishSnapshot;
  shown: readonly MediaSource[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="source-status">
      {shown.map((source) => {
        const state = sources[source];
        const status = state?.status ?? 'missing';
        return (
          <li key={source} data-source={source} data-status={status}>
            <span className="source-name">{t(`media.sources.${source}`)}</span>
            <span className={`source-state state-${status}`}>{t(`media.status.${status}`)}</span>
            {state?.error && <span className="source-error">{mediaErrorText(t, state.error)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
