import { type CommissionGrading, type CommissionRow, shortName } from '@adal/shared';
import { errorMessage, formatDateTime, isApiError, useAuth, useLanguage } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePercent } from '../grading/grade-draft.js';
import {
  canSaveScore,
  type SaveState,
  type ScoreDraft,
  scoreBody,
  scoreDraftOf,
  scorersOf,
  scoreStatus,
  scores as viewerScores,
} from './commission-rows.js';
import { FixGradeCell } from './FixGradeCell.js';
import { GradeText } from './GradeText.js';

/**
 * The list of students: each scoring member enters their own score and comment per row; the
 * members' scores and the mean show as the viewer may see them; the chair fixes the final grade.
 */
export function ScoreTable({
  grading,
  onRow,
}: {
  grading: CommissionGrading;
  onRow: (row: CommissionRow) => void;
}) {
  const { t } = useTranslation();
  const { callApi, sessionEnded } = useAuth();
  const [drafts, setDrafts] = useState<Record<string, ScoreDraft>>({});
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const scoring = viewerScores(grading.viewer);
  const people = scorersOf(grading.commission.people);
  const draftFor = (row: CommissionRow) => drafts[row.studentId] ?? scoreDraftOf(row);

  const save = async (row: CommissionRow) => {
    const draft = draftFor(row);
    setSaves((s) => ({ ...s, [row.studentId]: { status: 'saving' } }));
    try {
      const next = await callApi('scoreStudent', {
        params: { sittingId: grading.sittingId, studentId: row.studentId },
        body: scoreBody(draft),
      });
      onRow(next);
      // The row now shows what the server holds, unless the member typed on meanwhile.
      setDrafts(({ [row.studentId]: typed, ...rest }) =>
        typed && typed !== draft ? { ...rest, [row.studentId]: typed } : rest,
      );
      setSaves((s) => ({ ...s, [row.studentId]: { status: 'saved' } }));
    } catch (error) {
      if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
      setSaves((s) => ({ ...s, [row.studentId]: { status: 'error', error } }));
    }
  };

  return (
    <div className="table-wrap">
      <table className="commission-table">
        <caption className="visually-hidden">{t('commission.columns.student')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('commission.columns.number')}</th>
            <th scope="col">{t('commission.columns.student')}</th>
            <th scope="col">{t('commission.columns.ticket')}</th>
            {scoring && (
              <>
                <th scope="col">{t('commission.columns.myScore')}</th>
                <th scope="col">{t('commission.columns.comment')}</th>
                <th scope="col">{t('commission.columns.save')}</th>
              </>
            )}
            <th scope="col">{t('commission.columns.scores')}</th>
            <th scope="col">{t('commission.columns.mean')}</th>
            <th scope="col">{t('commission.columns.final')}</th>
          </tr>
        </thead>
        <tbody>
          {grading.rows.map((row, index) => (
            <tr
              key={row.studentId}
              data-testid="commission-row"
              data-student-id={row.studentId}
              data-fixed={row.grade !== null}
              data-announced={row.publishedAt !== null}
            >
              <td className="muted">{index + 1}</td>
              <th scope="row">{row.fullName}</th>
              <td>{row.ticketNumber ?? <span className="muted">{t('commission.ticketNone')}</span>}</td>
              {scoring && (
                <MyScoreCells
                  row={row}
                  draft={draftFor(row)}
                  save={saves[row.studentId] ?? { status: 'idle' }}
                  onDraft={(draft) => setDrafts((d) => ({ ...d, [row.studentId]: draft }))}
                  onSave={() => void save(row)}
                />
              )}
              <td>
                <MemberScores row={row} people={people} />
              </td>
              <td data-testid="mean">{row.mean === null ? '—' : `${row.mean} %`}</td>
              {grading.viewer === 'chair' && !row.publishedAt ? (
                <FixGradeCell sittingId={grading.sittingId} row={row} scorers={people.length} onRow={onRow} />
              ) : (
                <td>
                  <FinalGrade row={row} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MyScoreCells({
  row,
  draft,
  save,
  onDraft,
  onSave,
}: {
  row: CommissionRow;
  draft: ScoreDraft;
  save: SaveState;
  onDraft: (draft: ScoreDraft) => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const input = parsePercent(draft.percent);
  const status = scoreStatus(draft, row, save);
  const ready = canSaveScore(draft, row, save);
  const locked = row.grade !== null;
  const problemId = `score-problem-${row.studentId}`;
  const statusId = `score-status-${row.studentId}`;
  return (
    <>
      <td className="commission-percent-cell">
        <input
          type="text"
          inputMode="decimal"
          className="commission-percent"
          value={draft.percent}
          readOnly={locked}
          aria-label={t('commission.score.percentLabel', { name: row.fullName })}
          aria-invalid={input.state === 'invalid'}
          aria-describedby={input.state === 'invalid' ? problemId : undefined}
          onChange={(e) => onDraft({ ...draft, percent: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && ready) onSave();
          }}
        />
        {input.state === 'invalid' && (
          <span id={problemId} className="inline-error">
            {t(`grading.invalid.${input.problem}`)}
          </span>
        )}
      </td>
      <td>
        <textarea
          className="commission-comment"
          rows={2}
          maxLength={2000}
          value={draft.comment}
          readOnly={locked}
          aria-label={t('commission.score.commentLabel', { name: row.fullName })}
          onChange={(e) => onDraft({ ...draft, comment: e.target.value })}
        />
      </td>
      <td className="commission-save-cell">
        {!locked && (
          <button
            type="button"
            className="button-secondary"
            disabled={!ready}
            aria-label={t('commission.score.saveLabel', { name: row.fullName })}
            aria-describedby={statusId}
            onClick={onSave}
          >
            {status === 'saving' ? t('commission.score.saving') : t('commission.score.save')}
          </button>
        )}
        <span
          id={statusId}
          className="commission-status"
          data-testid="score-status"
          data-status={status}
          role="status"
        >
          {status === 'error' && save.status === 'error'
            ? t('commission.status.error', { message: errorMessage(t, save.error) })
            : t(`commission.status.${status}`)}
        </span>
      </td>
    </>
  );
}

/** Every member's score, or — while hidden from this viewer — only how many have scored. */
function MemberScores({
  row,
  people,
}: {
  row: CommissionRow;
  people: readonly { userId: string; fullName: string }[];
}) {
  const { t } = useTranslation();
  if (row.scores === null)
    return (
      <span className="muted" data-testid="scores-hidden">
        {t('commission.scoredCount', { count: row.scoredCount, total: people.length })}
        <br />
        {t('commission.hidden')}
      </span>
    );
  if (row.scores.length === 0) return <span className="muted">{t('commission.noScores')}</span>;
  const nameOf = new Map(people.map((p) => [p.userId, shortName(p.fullName)]));
  return (
    <ul className="commission-scores" data-testid="member-scores">
      {row.scores.map((s) => (
        <li key={s.memberId} data-member-id={s.memberId}>
          <span className="muted">{nameOf.get(s.memberId) ?? '—'}:</span> <strong>{s.percent}</strong>
          {s.comment && <span className="commission-score-comment"> — {s.comment}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The final grade as read by those who do not fix it (and by the chair once announced). */
function FinalGrade({ row }: { row: CommissionRow }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!row.grade) return <span className="muted">—</span>;
  return (
    <div data-testid="final-grade">
      <GradeText grade={row.grade} />
      {row.fixReason && (
        <p className="commission-hint">{t('commission.fix.reason', { reason: row.fixReason })}</p>
      )}
      <p className="commission-hint">
        {row.publishedAt
          ? `${t('commission.status.announced')}: ${formatDateTime(row.publishedAt, language)}`
          : row.fixedAt && t('commission.fix.fixedAt', { time: formatDateTime(row.fixedAt, language) })}
      </p>
    </div>
  );
}
