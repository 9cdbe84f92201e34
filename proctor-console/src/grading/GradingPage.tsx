import type { GradeRow, SittingGrades, SittingWithRoster } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  errorCode,
  isApiError,
  Loading,
  useAuth,
  useDocumentTitle,
  useResource,
} from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { GradeTable, type RowEditing } from './GradeTable.js';
import {
  bodyOf,
  canGrade,
  type Draft,
  draftOf,
  isChanged,
  replaceRow,
  type SaveState,
  summarize,
} from './grade-draft.js';
import { PublishDeadline } from './PublishDeadline.js';
import { PublishGrades } from './PublishGrades.js';
import './grading.css';

/**
 * An oral or written exam's grade sheet (`/sittings/:id/grading`): the examiner grades each
 * student with a comment and publishes the grades; commissions and the dean's office read it.
 */
export function GradingPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { sittingId, callApi, sitting } = useStaffSitting();
  const grades = useResource(
    (signal) => callApi('sittingGrades', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const discipline = sitting.state.status === 'ready' ? sitting.state.data.discipline.name : '';
  useDocumentTitle(discipline ? t('grading.title', { discipline }) : t('grading.link'));
  const refused = anyNotYours(sitting, grades);
  // The server refuses a computer test's grade sheet: it is graded automatically.
  const computerTest = grades.state.status === 'error' && errorCode(grades.state.error) === 'conflict';

  return (
    <section className="grading-page" aria-labelledby="grading-title">
      <p>
        <Link to="/">{t('grading.back')}</Link>
      </p>
      <div className="page-head">
        <h1 id="grading-title">{discipline ? t('grading.title', { discipline }) : t('grading.link')}</h1>
        {grades.state.status === 'ready' && (
          <button type="button" className="button-secondary" onClick={grades.reload}>
            {t('grading.refresh')}
          </button>
        )}
      </div>
      {refused ? (
        <p className="notice notice-error" role="alert">
          {t('grading.notAllowed')}
        </p>
      ) : computerTest ? (
        <p className="notice notice-info">{t('grading.computerTest')}</p>
      ) : (
        <>
          {(sitting.state.status === 'loading' || grades.state.status === 'loading') && <Loading />}
          {sitting.state.status === 'error' && (
            <ErrorNotice error={sitting.state.error} onRetry={sitting.reload} />
          )}
          {grades.state.status === 'error' && (
            <ErrorNotice error={grades.state.error} onRetry={grades.reload} />
          )}
          {sitting.state.status === 'ready' && grades.state.status === 'ready' && (
            <GradeSheet
              sitting={sitting.state.data}
              grades={grades.state.data}
              editable={user !== null && canGrade(user.role, sitting.state.data.kind)}
              onRow={(row) => grades.update((g) => ({ ...g, rows: replaceRow(g.rows, row) }))}
              onReload={grades.reload}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The loaded sheet; exported for its render test (`now` fixes the deadline's clock there). */
export function GradeSheet({
  sitting,
  grades,
  editable,
  onRow,
  onReload,
  now,
}: {
  sitting: SittingWithRoster;
  grades: SittingGrades;
  /** The examiner's view (canGrade); otherwise read-only. */
  editable: boolean;
  onRow: (row: GradeRow) => void;
  onReload: () => void;
  now?: number;
}) {
  const { t } = useTranslation();
  const { callApi, sessionEnded } = useAuth();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [published, setPublished] = useState<number | null>(null);
  const summary = summarize(grades.rows);
  const draftFor = (row: GradeRow) => drafts[row.studentId] ?? draftOf(row);
  const unsavedRows = grades.rows.filter((r) => isChanged(draftFor(r), r)).length;

  const save = async (row: GradeRow) => {
    const draft = draftFor(row);
    setSaves((s) => ({ ...s, [row.studentId]: { status: 'saving' } }));
    try {
      const next = await callApi('gradeStudent', {
        params: { sittingId: sitting.sittingId, studentId: row.studentId },
        body: bodyOf(draft),
      });
      onRow(next);
      // The row now shows what the server holds, unless the examiner typed on meanwhile.
      setDrafts(({ [row.studentId]: typed, ...rest }) =>
        typed && typed !== draft ? { ...rest, [row.studentId]: typed } : rest,
      );
      setSaves((s) => ({ ...s, [row.studentId]: { status: 'saved' } }));
    } catch (error) {
      if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
      setSaves((s) => ({ ...s, [row.studentId]: { status: 'error', error } }));
    }
  };

  const editing = (row: GradeRow): RowEditing => ({
    draft: draftFor(row),
    save: saves[row.studentId] ?? { status: 'idle' },
    onDraft: (draft) => {
      setDrafts((d) => ({ ...d, [row.studentId]: draft }));
      setPublished(null);
    },
    onSave: () => void save(row),
  });

  return (
    <>
      <p className="muted">{sitting.kind === 'oral' ? t('grading.oralIntro') : t('grading.intro')}</p>
      {!editable && (
        <p className="notice notice-info" data-testid="grading-read-only">
          {sitting.kind === 'state_exam' || sitting.kind === 'thesis_defence'
            ? t('grading.commissionOnly')
            : t('grading.readOnly')}
        </p>
      )}
      <PublishDeadline publishBy={grades.publishBy} unpublished={summary.unpublished} now={now} />
      <div className="grading-toolbar">
        <p data-testid="grading-summary">{t('grading.summary', { ...summary })}</p>
        {editable && (
          <PublishGrades
            sittingId={sitting.sittingId}
            unpublished={summary.unpublished}
            unsavedRows={unsavedRows}
            publishBy={grades.publishBy}
            onPublished={(result) => {
              setPublished(result.published);
              onReload();
            }}
          />
        )}
      </div>
      {published !== null && (
        <p className="notice notice-info" role="status" data-testid="publish-result">
          {t('grading.publish.done', { count: published })}
        </p>
      )}
      {grades.rows.length === 0 ? (
        <EmptyState>{t('grading.empty')}</EmptyState>
      ) : (
        <GradeTable rows={grades.rows} editing={editable ? editing : null} />
      )}
    </>
  );
}
