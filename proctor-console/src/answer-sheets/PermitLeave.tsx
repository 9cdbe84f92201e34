import type { AnswerSheet } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interventionBody } from '../student-detail/actions.js';
import { useFailureText } from '../student-detail/error-text.js';
import { Modal } from '../student-detail/Modal.js';
import '../student-detail/student-detail.css';
import { type LeaveWarning, leaveWarnings } from './sheet-rows.js';

interface PermitLeaveProps {
  sittingId: string;
  studentId: string;
  studentName: string;
  pages: readonly AnswerSheet[];
  /** The sitting is still going on for the student (AnswerSheetSet.open). */
  open: boolean;
  onLeft: () => void;
}

/**
 * "The proctor checks the photos; if satisfactory, the student may leave with the proctor's
 * permission" (exam-procedures.md). The same intervention as on the student's page, with what is
 * still open about the pages said before it is confirmed.
 */
export function PermitLeave({ sittingId, studentId, studentName, pages, open, onLeft }: PermitLeaveProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);

  return (
    <section className="card sheets-leave" aria-labelledby="sheets-leave-title">
      <h3 id="sheets-leave-title">{t('sheetsConsole.sheets.leave.title')}</h3>
      <p className="muted">{t('sheetsConsole.sheets.leave.explain')}</p>
      {done && (
        <p className="notice notice-info" role="status" data-testid="left">
          {t('sheetsConsole.sheets.leave.done', { name: studentName })}
        </p>
      )}
      {!done && !open && <p className="notice notice-info">{t('sheetsConsole.sheets.student.closed')}</p>}
      {!done && open && (
        <button type="button" className="button-primary" onClick={() => setConfirming(true)}>
          {t('sheetsConsole.sheets.leave.button')}
        </button>
      )}
      {confirming && (
        <ConfirmLeave
          sittingId={sittingId}
          studentId={studentId}
          studentName={studentName}
          warnings={leaveWarnings(pages)}
          onLeft={() => {
            setDone(true);
            onLeft();
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function warningText(t: TFunction, warning: LeaveWarning): string {
  switch (warning.kind) {
    case 'none':
      return t('sheetsConsole.sheets.leave.warnNone');
    case 'pending':
      return t('sheetsConsole.sheets.leave.warnPending', { count: warning.count });
    case 'rejected':
      return t('sheetsConsole.sheets.leave.warnRejected', { count: warning.count });
  }
}

function ConfirmLeave({
  sittingId,
  studentId,
  studentName,
  warnings,
  onLeft,
  onClose,
}: Omit<PermitLeaveProps, 'pages' | 'open'> & { warnings: LeaveWarning[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const failureText = useFailureText();
  const noteId = useId();
  const hintId = useId();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    callApi('intervene', {
      params: { sittingId, studentId },
      body: interventionBody('permit_leave', note),
    }).then(
      () => {
        setPending(false);
        onClose();
        onLeft();
      },
      (caught: unknown) => {
        setPending(false);
        setFailure(failureText(caught));
      },
    );
  };

  return (
    <Modal title={t('sheetsConsole.sheets.leave.confirmTitle', { name: studentName })} onClose={onClose}>
      <form className="sd-dialog-form" onSubmit={submit} noValidate>
        <p className="muted">{t('sheetsConsole.sheets.leave.explain')}</p>
        {warnings.length === 0 ? (
          <p className="notice notice-info">{t('sheetsConsole.sheets.leave.allAccepted')}</p>
        ) : (
          <ul className="notice notice-error sheets-leave-warnings" data-testid="leave-warnings">
            {warnings.map((warning) => (
              <li key={warning.kind} data-warning={warning.kind}>
                {warningText(t, warning)}
              </li>
            ))}
          </ul>
        )}
        <label htmlFor={noteId}>{t('sheetsConsole.sheets.leave.note')}</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={2000}
          value={note}
          aria-describedby={hintId}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={hintId} className="sheets-hint">
          {t('sheetsConsole.sheets.leave.noteHint')}
        </p>
        {failure !== null && (
          <p className="inline-error" role="alert">
            {t('sheetsConsole.sheets.leave.failed', { reason: failure })}
          </p>
        )}
        <div className="sd-dialog-buttons">
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? t('sheetsConsole.sheets.leave.sending') : t('sheetsConsole.sheets.leave.submit')}
          </button>
          <button type="button" className="button-secondary" disabled={pending} onClick={onClose}>
            {t('sheetsConsole.sheets.leave.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
