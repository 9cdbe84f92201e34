import type { CommissionRow } from '@adal/shared';
import { errorMessage, formatDateTime, isApiError, useAuth, useLanguage } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFix, type FixDraft, fixDraftOf, needsReason, type SaveState } from './commission-rows.js';
import { GradeText } from './GradeText.js';

/**
 * The chair's final grade of one student: the mean offered, another percent with the reason, and
 * "Fix grade". Until the announcement the chair may fix it again; fixing locks the scores.
 */
export function FixGradeCell({
  sittingId,
  row,
  scorers,
  onRow,
}: {
  sittingId: string;
  row: CommissionRow;
  /** How many people of the commission score. */
  scorers: number;
  onRow: (row: CommissionRow) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi, sessionEnded } = useAuth();
  const [typed, setTyped] = useState<FixDraft | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const draft = typed ?? fixDraftOf(row);
  const check = checkFix(draft, row);
  const askReason = needsReason(draft, row);
  const reasonId = `fix-reason-${row.studentId}`;
  const statusId = `fix-status-${row.studentId}`;

  const fix = () => {
    if (check.state !== 'ready') return;
    setSave({ status: 'saving' });
    callApi('fixCommissionGrade', { params: { sittingId, studentId: row.studentId }, body: check.body }).then(
      (next) => {
        setTyped(null);
        setSave({ status: 'saved' });
        onRow(next);
      },
      (caught: unknown) => {
        if (isApiError(caught) && caught.code === 'unauthenticated') sessionEnded();
        setSave({ status: 'error', error: caught });
      },
    );
  };

  if (row.mean === null)
    return (
      <td>
        <span className="muted">{t('commission.noScores')}</span>
      </td>
    );
  return (
    <td className="commission-fix-cell">
      {row.grade && <GradeText grade={row.grade} />}
      <input
        type="text"
        inputMode="decimal"
        className="commission-percent"
        value={draft.percent}
        aria-label={t('commission.fix.percentLabel', { name: row.fullName })}
        aria-describedby={askReason ? reasonId : undefined}
        onChange={(e) => {
          setTyped({ ...draft, percent: e.target.value });
          setSave({ status: 'idle' });
        }}
      />
      {askReason && (
        <label className="commission-reason">
          <span id={reasonId}>{t('commission.fix.reasonNeeded', { mean: row.mean })}</span>
          <textarea
            rows={2}
            maxLength={1000}
            value={draft.reason}
            aria-label={t('commission.fix.reasonLabel', { name: row.fullName })}
            onChange={(e) => {
              setTyped({ ...draft, reason: e.target.value });
              setSave({ status: 'idle' });
            }}
          />
        </label>
      )}
      <button
        type="button"
        className="button-secondary"
        disabled={check.state !== 'ready' || save.status === 'saving'}
        aria-label={t('commission.fix.buttonLabel', { name: row.fullName })}
        aria-describedby={statusId}
        onClick={fix}
        data-testid="fix-grade"
      >
        {save.status === 'saving' ? t('commission.fix.fixing') : t('commission.fix.button')}
      </button>
      <span id={statusId} className="commission-status" role="status" data-testid="fix-status">
        {save.status === 'error'
          ? t('commission.fix.error', { message: errorMessage(t, save.error) })
          : row.fixedAt
            ? t('commission.fix.fixedAt', { time: formatDateTime(row.fixedAt, language) })
            : row.scoredCount < scorers
              ? t('commission.fix.notAllScored', { count: row.scoredCount, total: scorers })
              : ''}
      </span>
    </td>
  );
}
