import {
  AccessBadge,
  ErrorNotice,
  formatDateTime,
  Loading,
  useDocumentTitle,
  useLanguage,
} from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSchedule } from '../schedule/schedule-context.js';

/** Loaded on demand: it brings mediasoup-client and the QR encoder. */
const DeviceCheck = lazy(() => import('../devices/DeviceCheck.js').then((m) => ({ default: m.DeviceCheck })));

/** The exam room: admission, then the device check; the exam flows fill it in later. */
export function SittingPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { sittingId } = useParams();
  const { schedule, socket } = useSchedule();
  const { state } = schedule;
  const entry = state.status === 'ready' ? state.data.find((e) => e.sittingId === sittingId) : undefined;
  useDocumentTitle(entry ? entry.discipline.name : t('sitting.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={schedule.reload} />;

  return (
    <div className="sitting-page">
      <section className="card sitting" aria-labelledby="sitting-title">
        {entry ? (
          <>
            <h1 id="sitting-title">{entry.discipline.name}</h1>
            <p className="muted">
              {t(`sittingKind.${entry.kind}`)} · {t(`controlKind.${entry.controlKind}`)} ·{' '}
              {formatDateTime(entry.startsAt, language)}
            </p>
            <p>
              <AccessBadge access={entry.access} />
            </p>
            <p className="sitting-message">
              {entry.access === 'green' ? t('sitting.opensHere') : t('sitting.notAdmitted')}
            </p>
          </>
        ) : (
          <>
            <h1 id="sitting-title">{t('sitting.title')}</h1>
            <p>{t('sitting.notFound')}</p>
          </>
        )}
        <Link to="/">{t('common.back')}</Link>
      </section>
      {/* Before the exam content: the student's devices must be live (exam-procedures, "Device check"). */}
      {entry && (
        <Suspense fallback={<Loading />}>
          <DeviceCheck sittingId={entry.sittingId} socket={socket} />
        </Suspense>
      )}
    </div>
  );
}
