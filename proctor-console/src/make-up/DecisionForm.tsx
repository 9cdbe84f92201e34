import type { MakeUpApplicationView } from '@adal/shared';
import { ErrorNotice, formatDate, formatTime, isApiError, useAuth, useLanguage } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localInputValue, makeUpStart, type StartProblem } from './review.js';

type Choice = 'approve' | 'reject';

interface DecisionFormProps {
  application: MakeUpApplicationView;
  onDecided(view: MakeUpApplicationView): void;
  /** Someone else decided meanwhile (409): the list is loaded again. */
  onStale(): void;
}

/**
 * Approve with the make-up sitting's start (the additional exam schedule) and an optional note,
 * or reject with a note; either is confirmed once more before it is sent.
 */
export function DecisionForm({ application, onDecided, onStale }: DecisionFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi } = useAuth();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<StartProblem | 'noteRequired' | null>(null);
  const [confirming, setConfirming] = useState<{ startsAt?: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const base = `decision-${application.applicationId}`;
  const name = application.student.fullName;

  const choose = (next: Choice) => {
    setChoice(next);
    setProblem(null);
    setConfirming(null);
    setFailure(null);
  };

  /** First press: check the fields and ask for confirmation. */
  const review = () => {
    setFailure(null);
    if (choice === 'approve') {
      const start = makeUpStart(startsAt, new Date());
      if ('problem' in start) {
        setProblem(start.problem);
        document.getElementById(`${base}-starts`)?.focus();
        return;
      }
      setConfirming({ startsAt: start.startsAt });
    } else {
      if (!note.trim()) {
        setProblem('noteRequired');
        document.getElementById(`${base}-note`)?.focus();
        return;
      }
      setConfirming({});
    }
  };

  const send = async () => {
    if (sending || !confirming) return;
    setSending(true);
    try {
      const body =
        choice === 'approve' && confirming.startsAt
          ? {
              decision: 'approve' as const,
              startsAt: confirming.startsAt,
              ...(note.trim() ? { note: note.trim() } : {}),
            }
          : { decision: 'reject' as const, note: note.trim() };
      onDecided(
        await callApi('decideMakeUp', { params: { applicationId: application.applicationId }, body }),
      );
    } catch (error) {
      setSending(false);
      setConfirming(null);
      if (isApiError(error) && error.code === 'conflict') onStale();
      else if (isApiError(error) && error.fields.some((f) => f.path === 'body.startsAt'))
        setProblem('startsAtPast');
      else setFailure(error);
    }
  };

  const problemId = `${base}-problem`;
  return (
    <fieldset className="make-up-decision" disabled={sending}>
      <legend>{t('makeUp.review.decision')}</legend>
      <div className="decision-choice">
        <button
          type="button"
          className={choice === 'approve' ? 'button-primary' : 'button-secondary'}
          aria-pressed={choice === 'approve'}
          onClick={() => choose('approve')}
        >
          {t('makeUp.review.approve')}
        </button>
        <button
          type="button"
          className={choice === 'reject' ? 'button-danger' : 'button-secondary'}
          aria-pressed={choice === 'reject'}
          onClick={() => choose('reject')}
        >
          {t('makeUp.review.reject')}
        </button>
      </div>
      {choice === 'approve' && (
        <>
          <label htmlFor={`${base}-starts`}>{t('makeUp.review.startsAt')}</label>
          <input
            id={`${base}-starts`}
            type="datetime-local"
            value={startsAt}
            min={localInputValue(new Date())}
            required
            aria-invalid={problem === 'startsAtRequired' || problem === 'startsAtPast'}
            aria-describedby={problem ? problemId : undefined}
            onChange={(e) => {
              setStartsAt(e.target.value);
              setProblem(null);
              setConfirming(null);
            }}
          />
        </>
      )}
      {choice && (
        <>
          <label htmlFor={`${base}-note`}>
            {choice === 'approve' ? t('makeUp.review.approveNote') : t('makeUp.review.rejectNote')}
          </label>
          <textarea
            id={`${base}-note`}
            value={note}
            rows={2}
            maxLength={1000}
            required={choice === 'reject'}
            aria-invalid={problem === 'noteRequired'}
            aria-describedby={problem === 'noteRequired' ? problemId : undefined}
            onChange={(e) => {
              setNote(e.target.value);
              setProblem(null);
              setConfirming(null);
            }}
          />
        </>
      )}
      {problem && (
        <p id={problemId} className="form-error" role="alert">
          {t(`makeUp.review.${problem}`)}
        </p>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      {choice && !confirming && (
        <div className="decision-actions">
          <button
            type="button"
            className={choice === 'approve' ? 'button-primary' : 'button-danger'}
            onClick={review}
          >
            {choice === 'approve' ? t('makeUp.review.approveAction') : t('makeUp.review.rejectAction')}
          </button>
        </div>
      )}
      {confirming && (
        <div className="decision-confirm" role="alertdialog" aria-labelledby={`${base}-confirm`}>
          <p id={`${base}-confirm`}>
            {confirming.startsAt
              ? t('makeUp.review.confirmApprove', {
                  name,
                  date: formatDate(confirming.startsAt, language),
                  time: formatTime(confirming.startsAt, language),
                })
              : t('makeUp.review.confirmReject', { name })}
          </p>
          <div className="decision-actions">
            <button
              type="button"
              className={confirming.startsAt ? 'button-primary' : 'button-danger'}
              onClick={() => void send()}
            >
              {sending
                ? t('makeUp.review.saving')
                : confirming.startsAt
                  ? t('makeUp.review.yesApprove')
                  : t('makeUp.review.yesReject')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
              {t('makeUp.review.cancel')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
