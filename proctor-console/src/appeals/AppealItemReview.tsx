import type { AppealItem, AppealView } from '@adal/shared';
import { ErrorNotice, formatDateTime, isApiError, useAuth, useLanguage } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markedOptions } from './review.js';

interface AppealItemReviewProps {
  appeal: AppealView;
  item: AppealItem;
  onDecided(view: AppealView): void;
  onStale(): void;
}

/** One appealed question: the options with the key and the student's answer marked, the comment, the decision. */
export function AppealItemReview({ appeal, item, onDecided, onStale }: AppealItemReviewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [stale, setStale] = useState(false);
  const stemId = `stem-${appeal.appealId}-${item.questionId}`;
  return (
    <li
      className="appeal-item"
      data-question-id={item.questionId}
      data-decision={item.decision}
      aria-labelledby={stemId}
    >
      <p className="appeal-stem" id={stemId}>
        {item.stem}
      </p>
      <QuestionAnswers item={item} />
      <div className="appeal-text">
        <span className="appeal-term">{t('appeals.review.comment')}</span>
        <blockquote data-testid="student-comment">{item.comment}</blockquote>
      </div>
      {stale && (
        <p className="notice notice-info" role="status">
          {t('appeals.review.alreadyDecided')}
        </p>
      )}
      {item.decision === 'pending' ? (
        <DecisionForm
          appeal={appeal}
          item={item}
          stemId={stemId}
          onDecided={onDecided}
          onStale={() => {
            setStale(true);
            onStale();
          }}
        />
      ) : (
        <div className="appeal-decision" data-testid="decision">
          <span className="appeal-term">{t('appeals.review.decision')}</span>
          <p>
            <span className="appeal-status" data-status={item.decision}>
              {t(`appeals.decision.${item.decision}`)}
            </span>
            {item.decidedAt && (
              <time className="muted" dateTime={item.decidedAt}>
                {' '}
                {formatDateTime(item.decidedAt, language)}
              </time>
            )}
          </p>
          {item.reason && <p data-testid="decision-reason">{item.reason}</p>}
        </div>
      )}
    </li>
  );
}

/** Choice questions: every option, the key and the student's answer marked; typed answers: both as text. */
function QuestionAnswers({ item }: { item: AppealItem }) {
  const { t } = useTranslation();
  const label = (id: string, text: string) =>
    item.kind === 'true_false' && (id === 'true' || id === 'false') ? t(`appeals.trueFalse.${id}`) : text;
  if (item.kind === 'short_answer') {
    return (
      <dl className="typed-answers">
        <div>
          <dt>{t('appeals.review.key')}</dt>
          <dd>{(item.correct ?? []).join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('appeals.review.studentAnswer')}</dt>
          <dd>{item.response[0] ?? t('appeals.review.noAnswer')}</dd>
        </div>
      </dl>
    );
  }
  const options = markedOptions(item);
  return (
    <>
      <ul className="marked-options">
        {options.map((o) => (
          <li key={o.id} data-key={o.key} data-chosen={o.chosen}>
            <span className="option-text">{label(o.id, o.text)}</span>
            {o.key && <span className="mark mark-key">✓ {t('appeals.review.key')}</span>}
            {o.chosen && <span className="mark mark-chosen">● {t('appeals.review.studentAnswer')}</span>}
          </li>
        ))}
      </ul>
      {item.response.length === 0 && <p className="muted">{t('appeals.review.noAnswer')}</p>}
    </>
  );
}

function DecisionForm({
  appeal,
  item,
  stemId,
  onDecided,
  onStale,
}: {
  appeal: AppealView;
  item: AppealItem;
  stemId: string;
  onDecided(view: AppealView): void;
  onStale(): void;
}) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState<'accepted' | 'rejected' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const reasonId = `reason-${appeal.appealId}-${item.questionId}`;
  const errorId = `${reasonId}-error`;

  const decide = async (decision: 'accepted' | 'rejected') => {
    if (sending) return;
    setFailure(null);
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setSending(decision);
    try {
      onDecided(
        await callApi('decideAppealItem', {
          params: { sittingId: appeal.sittingId, appealId: appeal.appealId },
          body: { questionId: item.questionId, decision, reason: reason.trim() },
        }),
      );
    } catch (error) {
      setSending(null);
      if (isApiError(error) && error.code === 'conflict') onStale();
      else if (isApiError(error) && error.code === 'validation_failed') setMissing(true);
      else setFailure(error);
    }
  };

  return (
    <fieldset className="decision-form" aria-describedby={stemId} disabled={sending !== null}>
      <legend>{t('appeals.review.decision')}</legend>
      <label htmlFor={reasonId}>{t('appeals.review.reason')}</label>
      <textarea
        id={reasonId}
        value={reason}
        rows={2}
        maxLength={2000}
        required
        aria-invalid={missing}
        aria-describedby={missing ? errorId : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <p id={errorId} className="form-error" role="alert">
          {t('appeals.review.reasonRequired')}
        </p>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      <div className="decision-actions">
        <button type="button" className="button-primary" onClick={() => decide('accepted')}>
          {sending === 'accepted' ? t('appeals.review.saving') : t('appeals.review.accept')}
        </button>
        <button type="button" className="button-danger" onClick={() => decide('rejected')}>
          {sending === 'rejected' ? t('appeals.review.saving') : t('appeals.review.reject')}
        </button>
      </div>
    </fieldset>
  );
}
