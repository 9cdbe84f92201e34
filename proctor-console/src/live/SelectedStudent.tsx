import type { RosterEntry } from '@adal/shared';
import { FULL_LAYER, TrackView, useFeedTrack, type Watcher } from '@adal/shared/web/media';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaBadges } from './MediaBadges.js';
import type { StudentMedia } from './student-media.js';

interface SelectedStudentProps {
  student: RosterEntry;
  media: StudentMedia;
  watcher: Watcher | null;
  onClose: () => void;
}

/**
 * The selected student: webcam at full quality, the screen and the phone camera, the exam tab while
 * the student sends it (optional: started from the extension); sound on demand.
 */
export function SelectedStudent({ student, media, watcher, onClose }: SelectedStudentProps) {
  const { t } = useTranslation();
  const [listening, setListening] = useState(false);
  const id = student.studentId;
  const webcam = useFeedTrack(watcher, id, 'webcam', { visible: true, spatialLayer: FULL_LAYER });
  const screen = useFeedTrack(watcher, id, 'screen', { visible: true, spatialLayer: 0 });
  const phone = useFeedTrack(watcher, id, 'phone', { visible: true, spatialLayer: 0 });
  const sendsTab = media.live.has('tab');
  const tab = useFeedTrack(watcher, id, 'tab', { visible: sendsTab, spatialLayer: 0 });
  const audio = useFeedTrack(watcher, id, 'microphone', { visible: listening, spatialLayer: 0 });
  const views = [
    { source: 'webcam', track: webcam },
    { source: 'screen', track: screen },
    { source: 'phone', track: phone },
    ...(sendsTab ? [{ source: 'tab', track: tab } as const] : []),
  ] as const;
  const panel = useRef<HTMLElement>(null);
  // Selected from a tile further down: bring the panel into view.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);

  return (
    <section
      ref={panel}
      className="card selected-student"
      aria-labelledby="selected-title"
      data-student-id={id}
    >
      <div className="page-head">
        <div>
          <p className="muted">{t('media.live.selected')}</p>
          <h2 id="selected-title">{student.fullName}</h2>
        </div>
        <div className="selected-actions">
          <button
            type="button"
            className={listening ? 'button-primary' : 'button-secondary'}
            aria-pressed={listening}
            onClick={() => setListening((on) => !on)}
            disabled={!media.live.has('microphone')}
          >
            {listening ? t('media.live.stopListening') : t('media.live.listen')}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('media.live.close')}
          </button>
        </div>
      </div>
      <MediaBadges media={media} />
      <div className="selected-views">
        {views.map(({ source, track }) => (
          <figure key={source} className={`selected-view view-${source}`}>
            <div className="view-frame">
              <TrackView track={track} label={t(`media.sources.${source}`)} testId={`selected-${source}`} />
              {!track && <span className="tile-no-video">{t('media.live.noVideo')}</span>}
            </div>
            <figcaption>{t(`media.sources.${source}`)}</figcaption>
          </figure>
        ))}
      </div>
      {listening && (
        <TrackView
          track={audio}
          label={t('media.sources.microphone')}
          muted={false}
          testId="selected-audio"
        />
      )}
    </section>
  );
}
