import { http, type Language, type MakeUpApplicationView } from '@adal/shared';
import { formatDate, formatDateTime, formatTime, LOCALES, urlFor, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { DecisionForm } from './DecisionForm.js';
import { sizeInMegabytes } from './review.js';

interface ApplicationCardProps {
  application: MakeUpApplicationView;
  onDecided(view: MakeUpApplicationView): void;
  onStale(): void;
}

const number = (value: number, language: Language) =>
  new Intl.NumberFormat(LOCALES[language === 'kk' ? 'ru' : language], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);

/** One application: who, which sitting, why, the evidence, and the decision (or the form to make it). */
export function ApplicationCard({ application: a, onDecided, onStale }: ApplicationCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const titleId = `make-up-${a.applicationId}`;
  const size = t('makeUp.megabytes', { size: number(sizeInMegabytes(a.evidence.sizeBytes), language) });
  return (
    <section
      className="card make-up-card"
      aria-labelledby={titleId}
      data-application-id={a.applicationId}
      data-status={a.status}
    >
      <div className="page-head">
        <h3 id={titleId}>{a.student.fullName}</h3>
        <span className="make-up-status" data-status={a.status}>
          {t(`makeUp.status.${a.status}`)}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('makeUp.review.sitting')}</dt>
          <dd>
            {a.sitting.discipline.name}{' '}
            <span className="kind-label">· {t(`sittingKind.${a.sitting.kind}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('makeUp.review.group')}</dt>
          <dd>{a.sitting.group.name}</dd>
        </div>
        <div>
          <dt>{t('makeUp.review.missedAt')}</dt>
          <dd>
            <time dateTime={a.sitting.startsAt}>{formatDateTime(a.sitting.startsAt, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('makeUp.review.reason')}</dt>
          <dd>{t(`makeUp.reasons.${a.reason}`)}</dd>
        </div>
        <div>
          <dt>{t('makeUp.review.submittedAt')}</dt>
          <dd>
            <time dateTime={a.submittedAt}>{formatDateTime(a.submittedAt, language)}</time>
          </dd>
        </div>
      </dl>
      <div className="make-up-text">
        <span className="make-up-term">{t('makeUp.review.explanation')}</span>
        <blockquote data-testid="explanation">{a.explanation}</blockquote>
      </div>
      <p className="make-up-evidence">
        <span className="make-up-term">{t('makeUp.review.evidence')}</span>
        {/* A download (the server sends it as an attachment): never shown inside the console. */}
        <a
          href={urlFor(http.makeUpEvidence, { applicationId: a.applicationId })}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="evidence-link"
        >
          {t('makeUp.review.openEvidence', { name: a.evidence.fileName, size })}
        </a>
      </p>
      {a.status === 'pending' ? (
        <DecisionForm application={a} onDecided={onDecided} onStale={onStale} />
      ) : (
        <dl className="facts make-up-decided" data-testid="decision">
          {a.decidedAt && (
            <div>
              <dt>{t('makeUp.review.decidedAt')}</dt>
              <dd>
                <time dateTime={a.decidedAt}>{formatDateTime(a.decidedAt, language)}</time>
              </dd>
            </div>
          )}
          {a.decidedBy && (
            <div>
              <dt>{t('makeUp.review.decidedBy')}</dt>
              <dd>{a.decidedBy}</dd>
            </div>
          )}
          {a.makeUpSitting && (
            <div>
              <dt>{t('makeUp.review.makeUpAt')}</dt>
              <dd>
                <time dateTime={a.makeUpSitting.startsAt}>
                  {formatDate(a.makeUpSitting.startsAt, language)},{' '}
                  {formatTime(a.makeUpSitting.startsAt, language)}
                </time>
              </dd>
            </div>
          )}
          {a.decisionNote && (
            <div>
              <dt>{t('makeUp.review.note')}</dt>
              <dd>{a.decisionNote}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
