import { mediaErrorText, TrackView } from '@adal/shared/web/media';
import { useTranslation } from 'react-i18next';
import { MediaBadges } from '../live/MediaBadges.js';
import type { StudentFeeds } from './use-student-feeds.js';

interface LiveMediaProps {
  feeds: StudentFeeds;
  listening: boolean;
  onListen: (on: boolean) => void;
}

/**
 * The webcam large, the screen and the phone camera beside it, the exam tab while the student sends
 * it; the microphone on demand.
 */
export function LiveMedia({ feeds, listening, onListen }: LiveMediaProps) {
  const { t } = useTranslation();
  const { status, media } = feeds;
  const views = [
    { source: 'webcam', track: feeds.webcam },
    { source: 'screen', track: feeds.screen },
    { source: 'phone', track: feeds.phone },
    // Optional (the student starts it from the extension): no empty tile for it.
    ...(media.live.has('tab') ? [{ source: 'tab', track: feeds.tab } as const] : []),
  ] as const;

  return (
    <section className="card sd-media" aria-labelledby="sd-media-title">
      <div className="page-head">
        <h2 id="sd-media-title">{t('studentDetail.media.title')}</h2>
        <div className="sd-media-controls">
          <span className={`connection-state connection-${status.state}`} data-state={status.state}>
            {t(`media.connection.${status.state}`)}
            {status.state === 'failed' && status.error && ` ${mediaErrorText(t, status.error.code)}`}
          </span>
          <button
            type="button"
            className={listening ? 'button-primary' : 'button-secondary'}
            aria-pressed={listening}
            onClick={() => onListen(!listening)}
            disabled={!media.live.has('microphone')}
          >
            {listening ? t('media.live.stopListening') : t('media.live.listen')}
          </button>
        </div>
      </div>
      <MediaBadges media={media} />
      <div className="sd-views">
        {views.map(({ source, track }) => (
          <figure key={source} className={`sd-view sd-view-${source}`}>
            <div className="view-frame">
              <TrackView track={track} label={t(`media.sources.${source}`)} testId={`detail-${source}`} />
              {!track && <span className="tile-no-video">{t('media.live.noVideo')}</span>}
            </div>
            <figcaption>{t(`media.sources.${source}`)}</figcaption>
          </figure>
        ))}
      </div>
      {listening && (
        <TrackView
          track={feeds.audio}
          label={t('media.sources.microphone')}
          muted={false}
          testId="detail-audio"
        />
      )}
    </section>
  );
}
