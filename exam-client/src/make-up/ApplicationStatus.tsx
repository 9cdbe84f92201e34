import { http, type MakeUpApplicationView } from '@adal/shared';
import { formatDate, formatDateTime, formatTime, urlFor, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entryPath } from '../schedule/schedule.js';

export function MakeUpStatus({ status }: { status: MakeUpApplicationView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className="make-up-status" data-status={status}>
      {t(`makeUp.status.${status}`)}
    </span>
  );
}

/** The student's latest application for a missed sitting: status, decision, and the make-up sitting. */
export function ApplicationStatus({ application }: { application: MakeUpApplicationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const makeUp = application.makeUpSitting;
  return (
    <div className="make-up-application" data-status={application.status}>
      <h3>{t('makeUp.student.application.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('makeUp.student.application.status')}</dt>
          <dd data-testid="application-status">
            <MakeUpStatus status={application.status} />
          </dd>
        </div>
        <div>
          <dt>{t('makeUp.student.application.submittedAt')}</dt>
          <dd>
            <time dateTime={application.submittedAt}>
              {formatDateTime(application.submittedAt, language)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('makeUp.student.application.reason')}</dt>
          <dd>{t(`makeUp.reasons.${application.reason}`)}</dd>
        </div>
        <div>
          <dt>{t('makeUp.student.application.evidence')}</dt>
          <dd>
            {/* Sent back as a download, never shown inside the portal. */}
            <a href={urlFor(http.makeUpEvidence, { applicationId: application.applicationId })}>
              {application.evidence.fileName}
            </a>
          </dd>
        </div>
        {application.decidedAt && (
          <div>
            <dt>{t('makeUp.student.application.decidedAt')}</dt>
            <dd>
              <time dateTime={application.decidedAt}>{formatDateTime(application.decidedAt, language)}</time>
            </dd>
          </div>
        )}
        {application.decidedBy && (
          <div>
            <dt>{t('makeUp.student.application.decidedBy')}</dt>
            <dd>{application.decidedBy}</dd>
          </div>
        )}
      </dl>
      {application.decisionNote && (
        <div className="make-up-note">
          <span className="make-up-term">{t('makeUp.student.application.note')}</span>
          <blockquote data-testid="decision-note">{application.decisionNote}</blockquote>
        </div>
      )}
      {application.status === 'pending' && <p className="muted">{t('makeUp.student.application.waiting')}</p>}
      {application.status === 'rejected' && (
        <p className="notice notice-error">{t('makeUp.student.application.rejected')}</p>
      )}
      {makeUp && (
        <p className="notice make-up-sitting" data-testid="make-up-sitting">
          <span>
            {t('makeUp.student.application.makeUp')}:{' '}
            <time dateTime={makeUp.startsAt}>
              {t('makeUp.student.application.makeUpAt', {
                date: formatDate(makeUp.startsAt, language),
                time: formatTime(makeUp.startsAt, language),
              })}
            </time>
          </span>
          <Link
            className="button-link"
            to={entryPath({ sittingId: makeUp.sittingId, kind: application.sitting.kind })}
          >
            {t('makeUp.student.application.openMakeUp')}
          </Link>
        </p>
      )}
    </div>
  );
}
