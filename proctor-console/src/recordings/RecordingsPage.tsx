import type { RecordingsDeleted, SittingRecordingList, SittingWithRoster } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  LOCALES,
  Loading,
  type Resource,
  useAuth,
  useDocumentTitle,
  useLanguage,
  useResource,
} from '@adal/shared/web';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { DeletedNotice, DeleteRecordings } from './DeleteRecordings.js';
import { RecordingPlayer } from './RecordingPlayer.js';
import { byStudent } from './recording-rows.js';
import { StudentRecordingsTable } from './StudentRecordingsTable.js';
import './recordings.css';

/** A sitting's recordings (`/sittings/:id/recordings`), grouped per student, with downloads. */
export function RecordingsPage() {
  const { t } = useTranslation();
  const { sittingId, callApi, sitting } = useStaffSitting();
  const [refreshing, setRefreshing] = useState(false);
  const recordings = useResource(
    (signal) =>
      callApi('listRecordings', { params: { sittingId }, signal }).finally(() => setRefreshing(false)),
    [callApi, sittingId],
  );
  const { state } = sitting;
  useDocumentTitle(
    state.status === 'ready'
      ? t('media.recordings.title', { discipline: state.data.discipline.name })
      : t('media.recordings.open'),
  );
  const refused = anyNotYours(sitting, recordings);

  return (
    <section className="recordings-page" aria-labelledby="recordings-title">
      <p>
        <Link to="/">{t('media.recordings.back')}</Link>
      </p>
      {refused ? (
        <p className="notice notice-error" role="alert">
          {t('media.recordings.notAllowed')}
        </p>
      ) : (
        <>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sitting.reload} />}
          {state.status === 'ready' && (
            <SittingRecordings
              sitting={state.data}
              recordings={recordings}
              refreshing={refreshing}
              onRefresh={() => {
                setRefreshing(true);
                recordings.reload();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function SittingRecordings({
  sitting,
  recordings,
  refreshing,
  onRefresh,
}: {
  sitting: SittingWithRoster;
  recordings: Resource<SittingRecordingList>;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useAuth();
  const [deleted, setDeleted] = useState<RecordingsDeleted | null>(null);
  const { state } = recordings;
  const students = useMemo(
    () => (state.status === 'ready' ? byStudent(state.data.recordings, LOCALES[language]) : []),
    [state, language],
  );

  return (
    <>
      <div className="page-head">
        <h1 id="recordings-title">{t('media.recordings.title', { discipline: sitting.discipline.name })}</h1>
        <div className="recordings-actions">
          <button
            type="button"
            className="button-secondary"
            onClick={onRefresh}
            disabled={refreshing || state.status === 'loading'}
          >
            {refreshing ? t('media.recordings.refreshing') : t('media.recordings.refresh')}
          </button>
          {user?.role === 'admin' && state.status === 'ready' && state.data.recordings.length > 0 && (
            <DeleteRecordings
              sittingId={sitting.sittingId}
              discipline={sitting.discipline.name}
              onDeleted={(result) => {
                setDeleted(result);
                onRefresh();
              }}
            />
          )}
        </div>
      </div>
      <p className="muted">
        {t('media.recordings.intro')} {t('media.recordings.downloadHint')}
      </p>
      {deleted && <DeletedNotice result={deleted} />}
      {state.status === 'ready' && (
        <RecordingPlayer sittingId={sitting.sittingId} recordings={state.data.recordings} />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={onRefresh} />}
      {state.status === 'ready' && (
        <div className="recordings-list" aria-busy={refreshing}>
          {state.data.unreachableNodes > 0 && (
            <p className="notice notice-error" role="alert" data-testid="unreachable-nodes">
              {t('media.recordings.unreachable', { count: state.data.unreachableNodes })}
            </p>
          )}
          {students.length === 0 ? (
            <EmptyState>{t('media.recordings.empty')}</EmptyState>
          ) : (
            students.map((student) => (
              <StudentRecordingsTable
                key={student.studentId}
                sittingId={sitting.sittingId}
                student={student}
              />
            ))
          )}
        </div>
      )}
    </>
  );
}
