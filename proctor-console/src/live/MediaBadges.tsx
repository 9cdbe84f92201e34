import { useTranslation } from 'react-i18next';
import type { StudentMedia } from './student-media.js';

/**
 * Connection quality (colour and text) and one badge per source the student is not sending. A
 * student with no source at all is simply "not connected".
 */
export function MediaBadges({ media }: { media: StudentMedia }) {
  const { t } = useTranslation();
  return (
    <div className="media-badges">
      <span className={`quality quality-${media.quality}`} data-quality={media.quality}>
        {t(`media.live.quality.${media.quality}`)}
      </span>
      {media.quality !== 'offline' &&
        media.missing.map((source) => (
          <span key={source} className="badge badge-red missing-source" data-missing={source}>
            {t(`media.live.missingSource.${source}`)}
          </span>
        ))}
    </div>
  );
}
