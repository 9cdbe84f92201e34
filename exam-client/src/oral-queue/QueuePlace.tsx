import type { AdalSocket } from '@adal/shared/web';
import { formatTime, useAuth, useLanguage, useResource, useServerEvent } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/**
 * An oral exam: the student's place in the queue and when questioning starts; "You are called"
 * when it is their turn. Other students' names are never sent here.
 */
export function QueuePlace({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi } = useAuth();
  const place = useResource(
    (signal) => callApi('studentQueue', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  useServerEvent(socket, 'oral:queueChanged', (e) => {
    if (e.sittingId === sittingId) place.reload();
  });
  useServerEvent(socket, 'log:appended', (e) => {
    if (e.sittingId === sittingId && e.entry.type === 'ticket_drawn') place.reload();
  });
  if (place.state.status !== 'ready') return null;
  const q = place.state.data;
  if (q.stage === 'absent' || q.stage === 'drawing') return null;
  return (
    <section className="card queue-place" aria-labelledby="queue-place-title" data-stage={q.stage}>
      <h2 id="queue-place-title">{t('oralQueue.mine.title')}</h2>
      {q.stage === 'answering' && (
        <p className="notice notice-success" role="status">
          {t('oralQueue.mine.called')}
        </p>
      )}
      {q.stage === 'answered' && <p>{t('oralQueue.mine.answered')}</p>}
      {q.stage === 'preparing' && (
        <>
          <p data-testid="queue-place">{t('oralQueue.mine.place', { place: q.place, ahead: q.ahead })}</p>
          <p className="muted">
            {q.questioningStartsAt
              ? t('oralQueue.mine.startsAt', { time: formatTime(q.questioningStartsAt, language) })
              : t('oralQueue.mine.waitingForDraws')}
          </p>
        </>
      )}
    </section>
  );
}
