import { http, type SittingRecording } from '@adal/shared';
import { formatDateTime, urlFor, useLanguage } from '@adal/shared/web';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/**
 * Plays one recording from a moment: the session report's links (`?recording=<id>&t=<seconds>`)
 * land here, so a flag in the report opens the video where it happened.
 */
export function RecordingPlayer({
  sittingId,
  recordings,
}: {
  sittingId: string;
  recordings: readonly SittingRecording[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const id = params.get('recording');
  const offset = Math.max(0, Math.floor(Number(params.get('t') ?? 0)) || 0);
  const video = useRef<HTMLVideoElement>(null);
  const segment = recordings.find((r) => r.id === id);
  useEffect(() => {
    video.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  if (!id) return null;
  const close = () => setParams({}, { replace: true });
  if (!segment)
    return (
      <p className="notice notice-error" role="alert">
        {t('media.recordings.player.missing')}{' '}
        <button type="button" className="button-secondary" onClick={close}>
          {t('media.recordings.player.close')}
        </button>
      </p>
    );
  const at = new Date(Date.parse(segment.start) + offset * 1000);
  return (
    <section className="recording-player card" aria-labelledby="recording-player-title">
      <h2 id="recording-player-title">
        {t('media.recordings.player.title', {
          name: segment.studentName,
          time: formatDateTime(at.toISOString(), language),
        })}
      </h2>
      {/* Media fragments: the browser starts the file at t seconds. */}
      <video
        ref={video}
        controls
        preload="metadata"
        src={`${urlFor(http.downloadRecording, { sittingId, recordingId: segment.id })}#t=${offset}`}
        data-offset={offset}
      />
      <button type="button" className="button-secondary" onClick={close}>
        {t('media.recordings.player.close')}
      </button>
    </section>
  );
}
