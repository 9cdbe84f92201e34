import type { GradeRow } from '@adal/shared';
import { errorMessage, formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { canSave, type Draft, parsePercent, previewOf, rowStatus, type SaveState } from './grade-draft.js';

export interface RowEditing {
  draft: Draft;
  save: SaveState;
  onDraft: (draft: Draft) => void;
  onSave: () => void;
}

/**
 * The grade sheet: each student of the sitting with their ticket, answer sheets and whether they
 * have finished; the examiner enters a percent (the scale's letter shows as they type) and a
 * comment, and saves the row. Without `editing` the sheet is read-only.
 */
export function GradeTable({
  rows,
  editing,
}: {
  rows: readonly GradeRow[];
  editing: ((row: GradeRow) => RowEditing) | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="grade-table">
        <caption className="visually-hidden">{t('grading.columns.student')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grading.columns.number')}</th>
            <th scope="col">{t('grading.columns.student')}</th>
            <th scope="col">{t('grading.columns.ticket')}</th>
            <th scope="col">{t('grading.columns.sheets')}</th>
            <th scope="col">{t('grading.columns.finished')}</th>
            <th scope="col">{t('grading.columns.percent')}</th>
            <th scope="col">{t('grading.columns.comment')}</th>
            {editing && <th scope="col">{t('grading.columns.save')}</th>}
            <th scope="col">{t('grading.columns.published')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <GradeRowView key={row.studentId} row={row} index={index} editing={editing?.(row) ?? null} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GradeRowView({ row, index, editing }: { row: GradeRow; index: number; editing: RowEditing | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <tr data-testid="grade-row" data-student-id={row.studentId} data-published={row.publishedAt !== null}>
      <td className="muted">{index + 1}</td>
      <th scope="row">{row.fullName}</th>
      <td>{row.ticketNumber ?? <span className="muted">{t('grading.ticketNone')}</span>}</td>
      <td>
        {row.sheetPages === 0 ? (
          <span className="muted">{t('grading.sheetsNone')}</span>
        ) : (
          t('grading.sheets', { pages: row.sheetPages, accepted: row.sheetsAccepted })
        )}
      </td>
      <td>{row.finished ? t('grading.finishedYes') : t('grading.finishedNo')}</td>
      {editing ? <EditCells row={row} editing={editing} /> : <ReadCells row={row} />}
      <td>
        {row.publishedAt ? (
          <time dateTime={row.publishedAt} data-testid="published-at">
            {formatDateTime(row.publishedAt, language)}
          </time>
        ) : (
          <span className="muted">{t('grading.notPublished')}</span>
        )}
      </td>
    </tr>
  );
}

function ReadCells({ row }: { row: GradeRow }) {
  const { t } = useTranslation();
  return (
    <>
      <td>
        {row.grade ? (
          <>
            {row.grade.percent} % <GradePreview grade={row.grade} />
          </>
        ) : (
          <span className="muted">{t('grading.status.notGraded')}</span>
        )}
      </td>
      <td className="grade-comment-text">{row.comment}</td>
    </>
  );
}

function GradePreview({ grade }: { grade: NonNullable<ReturnType<typeof previewOf>> }) {
  const { t } = useTranslation();
  return (
    <span className="grade-preview" data-testid="grade-preview" data-letter={grade.letter}>
      {t('grading.preview', {
        letter: grade.letter,
        points: grade.gpaPoints.toFixed(2),
        traditional: t(`appeals.traditionalGrades.${grade.traditional}`),
      })}
    </span>
  );
}

function EditCells({ row, editing }: { row: GradeRow; editing: RowEditing }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { draft, save } = editing;
  const input = parsePercent(draft.percent);
  const preview = previewOf(input);
  const status = rowStatus(draft, row, save);
  const ready = canSave(draft, row, save);
  const problemId = `grade-problem-${row.studentId}`;
  const statusId = `grade-status-${row.studentId}`;
  return (
    <>
      <td className="grade-percent-cell">
        <input
          type="text"
          inputMode="decimal"
          className="grade-percent"
          value={draft.percent}
          aria-label={t('grading.percentLabel', { name: row.fullName })}
          aria-invalid={input.state === 'invalid'}
          aria-describedby={input.state === 'invalid' ? problemId : undefined}
          onChange={(e) => editing.onDraft({ ...draft, percent: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && ready) editing.onSave();
          }}
        />
        <span aria-live="polite">
          {preview && <GradePreview grade={preview} />}
          {input.state === 'invalid' && (
            <span id={problemId} className="inline-error">
              {t(`grading.invalid.${input.problem}`)}
            </span>
          )}
        </span>
      </td>
      <td>
        <textarea
          className="grade-comment"
          rows={2}
          maxLength={2000}
          value={draft.comment}
          aria-label={t('grading.commentLabel', { name: row.fullName })}
          onChange={(e) => editing.onDraft({ ...draft, comment: e.target.value })}
        />
        {row.publishedAt && status === 'unsaved' && (
          <p className="grade-hint">{t('grading.correctionHint')}</p>
        )}
      </td>
      <td className="grade-save-cell">
        <button
          type="button"
          className="button-secondary"
          disabled={!ready}
          aria-label={t('grading.saveLabel', { name: row.fullName })}
          aria-describedby={statusId}
          onClick={editing.onSave}
        >
          {status === 'saving' ? t('grading.saving') : t('grading.save')}
        </button>
        <span
          id={statusId}
          className="grade-status"
          data-testid="row-status"
          data-status={status}
          role="status"
        >
          {status === 'saved' && t('grading.status.saved')}
          {status === 'unsaved' && t('grading.status.unsaved')}
          {status === 'not_graded' && t('grading.status.notGraded')}
          {status === 'error' &&
            save.status === 'error' &&
            t('grading.status.error', { message: errorMessage(t, save.error) })}
          {status === 'recorded' &&
            row.gradedByName &&
            row.gradedAt &&
            t('grading.gradedBy', { name: row.gradedByName, time: formatDateTime(row.gradedAt, language) })}
        </span>
      </td>
    </>
  );
}
