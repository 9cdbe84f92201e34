import type { AppealView } from '@adal/shared';
import { formatDateTime, useAuth, useLanguage, useResource } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../computer-test/format.js';
import { AnswerText } from './AnswerText.js';
import { AppealStatusBadge, DecisionBadge } from './AppealStatusBadge.js';

const isDecided = (appeal: AppealView) => appeal.status === 'upheld' || appeal.status === 'rejected';

/** The filed appeal: when, its status, and each question's decision with the reviewer's reason. */
export function FiledAppeal({ appeal }: { appeal: AppealView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <section className="filed-appeal" aria-labelledby="filed-title" data-status={appeal.status}>
      <h2 id="filed-title">{t('appeals.filed.title')}</h2>
      {isDecided(appeal) && <DecidedNotice attemptId={appeal.attemptId} />}
      <dl className="facts">
        <div>
          <dt>{t('appeals.filed.filedAt')}</dt>
          <dd>
            <time dateTime={appeal.filedAt}>{formatDateTime(appeal.filedAt, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('appeals.filed.status')}</dt>
          <dd data-testid="appeal-status">
            <AppealStatusBadge status={appeal.status} />
          </dd>
        </div>
        {appeal.decidedAt && (
          <div>
            <dt>{t('appeals.filed.decidedAt')}</dt>
            <dd>
              <time dateTime={appeal.decidedAt}>{formatDateTime(appeal.decidedAt, language)}</time>
            </dd>
          </div>
        )}
      </dl>
      {!isDecided(appeal) && <p className="muted">{t('appeals.filed.waiting')}</p>}
      <ol className="appeal-questions">
        {appeal.items.map((item) => (
          <li
            key={item.questionId}
            className="card appeal-question"
            data-question-id={item.questionId}
            data-decision={item.decision}
          >
            <p className="appeal-stem">{item.stem}</p>
            <AnswerText question={item} />
            <div className="appeal-text">
              <span className="appeal-term">{t('appeals.filed.comment')}</span>
              <p>{item.comment}</p>
            </div>
            <div className="appeal-text">
              <span className="appeal-term">{t('appeals.filed.decision')}</span>
              <p>
                <DecisionBadge decision={item.decision} />
              </p>
            </div>
            {item.reason && (
              <div className="appeal-text">
                <span className="appeal-term">{t('appeals.filed.reason')}</span>
                <p data-testid="decision-reason">{item.reason}</p>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "Your appeal was decided; your grade is now …": the grade after the decision, from the result. */
function DecidedNotice({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi } = useAuth();
  const result = useResource(
    (signal) => callApi('attemptResult', { params: { attemptId }, signal }),
    [callApi, attemptId],
  );
  const grade = result.state.status === 'ready' ? result.state.data.grade : null;
  return (
    <p className="notice notice-info" role="status" data-testid="appeal-decided">
      {grade
        ? t('appeals.filed.decided', { percent: formatNumber(grade.percent, language), letter: grade.letter })
        : t('appeals.filed.decidedNoGrade')}
    </p>
  );
}
