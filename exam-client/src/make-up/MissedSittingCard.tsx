import type { MakeUpApplicationView, MissedSitting } from '@adal/shared';
import { formatDate, formatTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { ApplicationStatus } from './ApplicationStatus.js';
import { ApplyForm } from './ApplyForm.js';

/** One missed sitting: what and when, who decides, the application or the form to apply. */
export function MissedSittingCard({
  missed,
  onApplied,
}: {
  missed: MissedSitting;
  onApplied(view: MakeUpApplicationView): void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const titleId = `missed-${missed.sittingId}`;
  const application = missed.application;
  return (
    <section
      className="card missed-sitting"
      aria-labelledby={titleId}
      data-sitting-id={missed.sittingId}
      data-status={application?.status ?? 'none'}
    >
      <h2 id={titleId}>
        {missed.discipline.name} <span className="kind-label">· {t(`sittingKind.${missed.kind}`)}</span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('schedule.date')}</dt>
          <dd>
            <time dateTime={missed.startsAt}>
              {t('makeUp.student.missedOn', {
                date: formatDate(missed.startsAt, language),
                time: formatTime(missed.startsAt, language),
              })}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('makeUp.student.decides')}</dt>
          <dd>{t(`makeUp.reviewer.${missed.reviewer}`)}</dd>
        </div>
      </dl>
      {application && <ApplicationStatus application={application} />}
      {(!application || application.status === 'rejected') && (
        <ApplyForm sittingId={missed.sittingId} again={application !== null} onApplied={onApplied} />
      )}
    </section>
  );
}
