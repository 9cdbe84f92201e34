import type { AppealPage, AppealView } from '@adal/shared';
import { ErrorNotice, isApiError, useAuth } from '@adal/shared/web';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerText } from './AnswerText.js';
import {
  type AppealFormErrors,
  appealBody,
  type Picks,
  pickedCount,
  serverItemErrors,
} from './appeal-form.js';

type WrongQuestion = AppealPage['wrong'][number];

interface AppealFormProps {
  attemptId: string;
  questions: WrongQuestion[];
  onFiled(appeal: AppealView): void;
  /** The server refused with 409: the window closed or an appeal was filed meanwhile. */
  onConflict(): void;
}

const commentId = (questionId: string) => `appeal-comment-${questionId}`;
const NO_ERRORS: AppealFormErrors = { pickOne: false, items: {} };

/** The wrongly answered questions: tick the ones to appeal, say why, submit (seed 002: «Апелляцияға беру»). */
export function AppealForm({ attemptId, questions, onFiled, onConflict }: AppealFormProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const [picks, setPicks] = useState<Picks>({});
  const [errors, setErrors] = useState<AppealFormErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const change = (questionId: string, next: Partial<Picks[string]>) => {
    setPicks((current) => {
      const was = current[questionId] ?? { picked: false, comment: '' };
      return { ...current, [questionId]: { ...was, ...next } };
    });
    setErrors((current) => {
      const items = { ...current.items };
      delete items[questionId];
      return { pickOne: false, items };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setFailure(null);
    const checked = appealBody(
      picks,
      questions.map((q) => q.questionId),
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = questions.find((q) => checked.errors.items[q.questionId] === 'commentRequired');
      if (first) document.getElementById(commentId(first.questionId))?.focus();
      return;
    }
    setErrors(NO_ERRORS);
    setSending(true);
    try {
      onFiled(await callApi('fileAppeal', { params: { attemptId }, body: checked.body }));
    } catch (error) {
      setSending(false);
      if (isApiError(error) && error.code === 'validation_failed' && error.fields.length)
        setErrors(serverItemErrors(error.fields, checked.body));
      setFailure(error);
      if (isApiError(error) && error.code === 'conflict') onConflict();
    }
  };

  return (
    <form className="appeal-form" onSubmit={submit} noValidate aria-labelledby="wrong-title">
      <h2 id="wrong-title">{t('appeals.page.wrongTitle')}</h2>
      <p className="muted">{t('appeals.page.wrongIntro')}</p>
      <ol className="appeal-questions">
        {questions.map((q) => {
          const pick = picks[q.questionId] ?? { picked: false, comment: '' };
          const problem = errors.items[q.questionId];
          const stemId = `appeal-stem-${q.questionId}`;
          const errorId = `appeal-error-${q.questionId}`;
          return (
            <li
              key={q.questionId}
              className="card appeal-question"
              data-question-id={q.questionId}
              data-picked={pick.picked}
            >
              <p className="appeal-stem" id={stemId}>
                {q.stem}
              </p>
              <AnswerText question={q} />
              <label className="appeal-pick">
                <input
                  type="checkbox"
                  checked={pick.picked}
                  aria-describedby={stemId}
                  onChange={(e) => change(q.questionId, { picked: e.target.checked })}
                />
                <span>{t('appeals.page.pick')}</span>
              </label>
              {pick.picked && (
                <label className="appeal-comment">
                  <span>{t('appeals.page.comment')}</span>
                  <textarea
                    id={commentId(q.questionId)}
                    value={pick.comment}
                    required
                    maxLength={2000}
                    rows={3}
                    aria-invalid={problem === 'commentRequired'}
                    aria-describedby={problem ? errorId : undefined}
                    onChange={(e) => change(q.questionId, { comment: e.target.value })}
                  />
                </label>
              )}
              {problem && (
                <p id={errorId} className="form-error" role="alert">
                  {t(
                    problem === 'commentRequired'
                      ? 'appeals.page.commentRequired'
                      : 'appeals.page.notAppealable',
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {errors.pickOne && (
        <p className="form-error" role="alert">
          {t('appeals.page.pickOne')}
        </p>
      )}
      {failure !== null && !(isApiError(failure) && failure.code === 'validation_failed') && (
        <ErrorNotice error={failure} />
      )}
      <div className="appeal-actions">
        <button type="submit" className="button-primary" disabled={sending}>
          {sending ? t('appeals.page.submitting') : t('appeals.page.submit')}
        </button>
        <span className="muted" role="status">
          {t('appeals.page.picked', { count: pickedCount(picks) })}
        </span>
      </div>
    </form>
  );
}
