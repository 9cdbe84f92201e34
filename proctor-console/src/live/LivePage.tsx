import type { SittingWithRoster } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  LOCALES,
  Loading,
  useAuth,
  useDocumentTitle,
  useLanguage,
} from '@adal/shared/web';
import { apiTokenSource, mediaErrorText, useWatcher } from '@adal/shared/web/media';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { orderByOverview, tileRisks } from '../proctoring/overview-rows.js';
import { useProctoringOverview } from '../proctoring/use-proctoring-overview.js';
import { isNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { SelectedStudent } from './SelectedStudent.js';
import { StudentTile } from './StudentTile.js';
import { mediaByStudent } from './student-media.js';

/**
 * The live view of one sitting (`/sittings/:id/live`): a tile per student on its roster, in the
 * proctoring overview's order (needs attention first, then risk) once that has loaded.
 */
export function LivePage() {
  const { t } = useTranslation();
  const { sitting } = useStaffSitting();
  const { state } = sitting;
  useDocumentTitle(
    state.status === 'ready'
      ? t('media.live.title', { discipline: state.data.discipline.name })
      : t('media.live.open'),
  );

  return (
    <section className="live-page" aria-labelledby="live-title">
      <p>
        <Link to="/">{t('media.live.back')}</Link>
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (isNotYours(state.error) ? (
          <p className="notice notice-error" role="alert">
            {t('media.live.notAllowed')}
          </p>
        ) : (
          <ErrorNotice error={state.error} onRetry={sitting.reload} />
        ))}
      {state.status === 'ready' && <LiveGrid sitting={state.data} />}
    </section>
  );
}

function LiveGrid({ sitting }: { sitting: SittingWithRoster }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const tokens = useMemo(() => apiTokenSource(callApi, sitting.sittingId), [callApi, sitting.sittingId]);
  const { watcher, producers, status } = useWatcher(tokens);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const studentIds = useMemo(() => sitting.students.map((s) => s.studentId), [sitting.students]);
  const media = useMemo(() => mediaByStudent(producers, studentIds), [producers, studentIds]);
  const selected = sitting.students.find((s) => s.studentId === selectedId);
  const { language } = useLanguage();
  const { overview } = useProctoringOverview(sitting.sittingId);
  // Without the overview (still loading, or refused) the tiles keep the roster's order.
  const rows = overview.state.status === 'ready' ? overview.state.data.students : null;
  const ordered = useMemo(
    () => orderByOverview(sitting.students, rows, LOCALES[language]),
    [sitting.students, rows, language],
  );
  const risks = useMemo(() => tileRisks(rows), [rows]);
  const selectedMedia = selected && media.get(selected.studentId);
  const refused = status.state === 'failed' && status.error?.code === 'forbidden';

  return (
    <>
      <div className="page-head">
        <h1 id="live-title">{t('media.live.title', { discipline: sitting.discipline.name })}</h1>
        <span
          className={`connection-state connection-${status.state}`}
          role="status"
          data-state={status.state}
        >
          {t(`media.connection.${status.state}`)}
          {status.state === 'failed' &&
            status.error &&
            !refused &&
            ` ${mediaErrorText(t, status.error.code)}`}
        </span>
      </div>
      {refused ? (
        <p className="notice notice-error" role="alert">
          {t('media.live.notAllowed')}
        </p>
      ) : (
        <>
          <p className="muted">{t('media.live.intro')}</p>
          {selected && selectedMedia && (
            <SelectedStudent
              key={selected.studentId}
              student={selected}
              media={selectedMedia}
              watcher={watcher}
              onClose={() => setSelectedId(null)}
            />
          )}
          {sitting.students.length === 0 ? (
            <EmptyState>{t('console.noStudents')}</EmptyState>
          ) : (
            <ul className="live-grid">
              {ordered.map((student) => {
                const own = media.get(student.studentId);
                if (!own) return null;
                return (
                  <StudentTile
                    key={student.studentId}
                    student={student}
                    media={own}
                    risk={risks.get(student.studentId)}
                    watcher={watcher}
                    selected={student.studentId === selectedId}
                    onSelect={(id) => setSelectedId((current) => (current === id ? null : id))}
                  />
                );
              })}
            </ul>
          )}
        </>
      )}
    </>
  );
}
