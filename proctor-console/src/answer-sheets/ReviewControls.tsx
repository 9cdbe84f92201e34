import { type AnswerSheet, type ReviewSheetBody, SheetRejectReason } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../student-detail/error-text.js';
import {
  EMPTY_REJECT,
  REJECT_NOTE_MAX,
  type RejectDraft,
  type RejectProblems,
  rejectBody,
  rejectProblems,
} from './reject-form.js';

interface ReviewControlsProps {
  sittingId: string;
  studentId: string;
  sheet: AnswerSheet;
  onReviewed: (sheet: AnswerSheet) => void;
}

/** Accept a page, or reject it with a reason (and a note, required for "other"). */
export function ReviewControls({ sittingId, studentId, sheet, onReviewed }: ReviewControlsProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const failureText = useFailureText();
  const [rejecting, setRejecting] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const page = sheet.pageNumber;

  const send = (body: ReviewSheetBody): Promise<boolean> => {
    setPending(true);
    setFailure(null);
    return callApi('reviewSheet', { params: { sittingId, studentId, sheetId: sheet.id }, body }).then(
      (reviewed) => {
        setPending(false);
        onReviewed(reviewed);
        return true;
      },
      (caught: unknown) => {
        setPending(false);
        setFailure(failureText(caught));
        return false;
      },
    );
  };

  return (
    <div className="sheet-review" data-sheet-id={sheet.id}>
      {!rejecting && (
        <div className="sheet-review-buttons">
          <button
            type="button"
            className="button-primary"
            aria-label={t('sheetsConsole.sheets.review.acceptLabel', { page })}
            disabled={pending || sheet.status === 'accepted'}
            onClick={() => void send({ decision: 'accept' })}
          >
            {t('sheetsConsole.sheets.review.accept')}
          </button>
          <button
            type="button"
            className="button-danger"
            aria-label={t('sheetsConsole.sheets.review.rejectLabel', { page })}
            disabled={pending || sheet.status === 'rejected'}
            onClick={() => {
              setFailure(null);
              setRejecting(true);
            }}
          >
            {t('sheetsConsole.sheets.review.reject')}
          </button>
        </div>
      )}
      {rejecting && (
        <RejectForm
          page={page}
          pending={pending}
          onSubmit={async (body) => {
            if (await send(body)) setRejecting(false);
          }}
          onCancel={() => setRejecting(false)}
        />
      )}
      {pending && !rejecting && (
        <p className="muted" role="status">
          {t('sheetsConsole.sheets.review.sending')}
        </p>
      )}
      {failure !== null && (
        <p className="inline-error" role="alert">
          {t('sheetsConsole.sheets.review.failed', { reason: failure })}
        </p>
      )}
    </div>
  );
}

interface RejectFormProps {
  page: number;
  pending: boolean;
  onSubmit: (body: ReviewSheetBody) => void;
  onCancel: () => void;
}

function RejectForm({ page, pending, onSubmit, onCancel }: RejectFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<RejectDraft>(EMPTY_REJECT);
  // Problems show once the proctor has tried to send, then follow every change.
  const [shown, setShown] = useState<RejectProblems | null>(null);
  const change = (next: RejectDraft) => {
    setDraft(next);
    if (shown) setShown(rejectProblems(next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = rejectBody(draft);
    if (!body) {
      setShown(rejectProblems(draft));
      return;
    }
    onSubmit(body);
  };

  const problem = (field: keyof RejectProblems) => {
    const key = shown?.[field];
    return key ? (
      <p id={`${id}-${field}-problem`} className="inline-error" role="alert">
        {t(`sheetsConsole.sheets.review.problems.${key}`, { max: REJECT_NOTE_MAX })}
      </p>
    ) : null;
  };
  const describedBy = (field: keyof RejectProblems, hint?: string) =>
    [hint, shown?.[field] ? `${id}-${field}-problem` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form className="sheet-reject-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('sheetsConsole.sheets.review.formTitle', { page })}</h4>
      <label htmlFor={`${id}-reason`}>{t('sheetsConsole.sheets.review.reason')}</label>
      <select
        id={`${id}-reason`}
        value={draft.reason}
        required
        aria-invalid={shown?.reason !== undefined}
        aria-describedby={describedBy('reason')}
        onChange={(event) => {
          const parsed = SheetRejectReason.safeParse(event.target.value);
          change({ ...draft, reason: parsed.success ? parsed.data : '' });
        }}
      >
        <option value="">{t('sheetsConsole.sheets.review.chooseReason')}</option>
        {SheetRejectReason.options.map((reason) => (
          <option key={reason} value={reason}>
            {t(`sheetsConsole.sheets.review.reasons.${reason}`)}
          </option>
        ))}
      </select>
      {problem('reason')}
      <label htmlFor={`${id}-note`}>{t('sheetsConsole.sheets.review.note')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={draft.note}
        required={draft.reason === 'other'}
        aria-invalid={shown?.note !== undefined}
        aria-describedby={describedBy('note', `${id}-note-hint`)}
        onChange={(event) => change({ ...draft, note: event.target.value })}
      />
      <p id={`${id}-note-hint`} className="sheets-hint">
        {t('sheetsConsole.sheets.review.noteHint')}
      </p>
      {problem('note')}
      <div className="sheet-review-buttons">
        <button type="submit" className="button-danger" disabled={pending}>
          {pending ? t('sheetsConsole.sheets.review.sending') : t('sheetsConsole.sheets.review.submit')}
        </button>
        <button type="button" className="button-secondary" disabled={pending} onClick={onCancel}>
          {t('sheetsConsole.sheets.review.cancel')}
        </button>
      </div>
    </form>
  );
}
