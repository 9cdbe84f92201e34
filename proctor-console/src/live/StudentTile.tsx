import type { RosterEntry } from '@adal/shared';
import { GRID_LAYER, TrackView, useFeedTrack, type Watcher } from '@adal/shared/web/media';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TileRisk } from '../proctoring/overview-rows.js';
import { RiskMarker } from '../proctoring/RiskMarker.js';
import { MediaBadges } from './MediaBadges.js';
import type { StudentMedia } from './student-media.js';
import { useOnScreen } from './use-on-screen.js';

interface StudentTileProps {
  student: RosterEntry;
  media: StudentMedia;
  /** From the proctoring overview; absent until it has loaded (or when it is refused). */
  risk?: TileRisk | undefined;
  watcher: Watcher | null;
  selected: boolean;
  onSelect: (studentId: string) => void;
}

/** One student in the grid: their webcam at the lowest layer, paused while the tile is off screen. */
export function StudentTile({ student, media, risk, watcher, selected, onSelect }: StudentTileProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  const onScreen = useOnScreen(ref);
  const track = useFeedTrack(watcher, student.studentId, 'webcam', {
    visible: onScreen && media.live.has('webcam'),
    spatialLayer: GRID_LAYER,
  });

  return (
    <li
      ref={ref}
      className={selected ? 'live-tile selected' : 'live-tile'}
      data-student-id={student.studentId}
      data-on-screen={onScreen}
      data-needs-attention={risk?.needsAttention}
      data-risk={risk?.risk}
    >
      <button
        type="button"
        className="tile-select"
        aria-pressed={selected}
        aria-label={t('media.live.select', { name: student.fullName })}
        onClick={() => onSelect(student.studentId)}
      >
        <TrackView track={track} label={student.fullName} testId="tile-video" />
        {!track && <span className="tile-no-video">{t('media.live.noVideo')}</span>}
      </button>
      <div className="tile-caption">
        <span className="tile-name">{student.fullName}</span>
        {risk && <RiskMarker risk={risk.risk} needsAttention={risk.needsAttention} />}
        <MediaBadges media={media} />
      </div>
    </li>
  );
}
