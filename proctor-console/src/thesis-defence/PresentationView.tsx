import { useAuth } from '@adal/shared/web';
import {
  apiTokenSource,
  FULL_LAYER,
  mediaErrorText,
  TrackView,
  useFeedTrack,
  useWatcher,
} from '@adal/shared/web/media';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PresentationViewProps {
  sittingId: string;
  studentId: string;
  fullName: string;
}

/**
 * The defender's shared screen (the presentation) large, their camera beside it, and their
 * microphone on demand: the live watcher of the sitting, as on the live page.
 */
export function PresentationView({ sittingId, studentId, fullName }: PresentationViewProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const tokens = useMemo(() => apiTokenSource(callApi, sittingId), [callApi, sittingId]);
  const { watcher, status } = useWatcher(tokens);
  const [listening, setListening] = useState(false);
  // The screen is one layer; the camera is raised to full quality while this student defends.
  const screen = useFeedTrack(watcher, studentId, 'screen', { visible: true, spatialLayer: 0 });
  const webcam = useFeedTrack(watcher, studentId, 'webcam', { visible: true, spatialLayer: FULL_LAYER });
  const audio = useFeedTrack(watcher, studentId, 'microphone', { visible: listening, spatialLayer: 0 });
  return (
    <section className="card defence-presentation" aria-labelledby="defence-presentation-title">
      <div className="page-head">
        <h2 id="defence-presentation-title">{t('thesisDefence.screen.title')}</h2>
        <span
          className={`connection-state connection-${status.state}`}
          role="status"
          data-state={status.state}
        >
          {t(`media.connection.${status.state}`)}
          {status.state === 'failed' && status.error && ` ${mediaErrorText(t, status.error.code)}`}
        </span>
      </div>
      <div className="defence-views">
        <figure className="defence-screen">
          <div className="view-frame">
            <TrackView
              track={screen}
              label={t('thesisDefence.screen.label', { name: fullName })}
              testId="defence-screen"
            />
            {!screen && <span className="tile-no-video">{t('thesisDefence.screen.none')}</span>}
          </div>
        </figure>
        <figure className="defence-camera">
          <div className="view-frame">
            <TrackView track={webcam} label={t('thesisDefence.screen.camera', { name: fullName })} />
            {!webcam && <span className="tile-no-video">{t('media.live.noVideo')}</span>}
          </div>
          <figcaption>{t('thesisDefence.screen.camera', { name: fullName })}</figcaption>
          <button
            type="button"
            className={listening ? 'button-primary' : 'button-secondary'}
            aria-pressed={listening}
            onClick={() => setListening((on) => !on)}
          >
            {listening ? t('media.live.stopListening') : t('media.live.listen')}
          </button>
        </figure>
      </div>
      {listening && (
        <TrackView track={audio} label={t('media.sources.microphone')} muted={false} testId="defence-audio" />
      )}
    </section>
  );
}
