import type { AppealStatus, AppealView } from '@adal/shared';
import { formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { AppealItemReview } from './AppealItemReview.js';

interface AppealCardProps {
  appeal: AppealView;
  onDecided(view: AppealView): void;
  /** The list is out of date (someone else decided meanwhile): load it again. */
  onStale(): void;
}

/** One student's appeal: who, when, its status, and each appealed question. */
export function AppealCard({ appeal, onDecided, onStale }: AppealCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const titleId = `appeal-${appeal.appealId}`;
  return (
    <section
      className="card appeal-card"
      aria-labelledby={titleId}
      data-appeal-id={appeal.appealId}
      data-status={appeal.status}
    >
      <h2 id={titleId}>{appeal.studentName}</h2>
      <dl className="facts">
        <div>
          <dt>{t('appeals.review.filedAt')}</dt>
          <dd>
            <time dateTime={appeal.filedAt}>{formatDateTime(appeal.filedAt, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('appeals.review.status')}</dt>
          <dd data-testid="appeal-status">
            <StatusBadge status={appeal.status} />
          </dd>
        </div>
        {appeal.decidedAt && (
          <div>
            <dt>{t('appeals.review.decidedAt')}</dt>
            <dd>
              <time dateTime={appeal.decidedAt}>{formatDateTime(appeal.decidedAt, language)}</time>
            </dd>
          </div>
        )}
      </dl>
      <ol className="appeal-items">
        {appeal.items.map((item) => (
          <AppealItemReview
            key={item.questionId}
            appeal={appeal}
            item={item}
            onDecided={onDecided}
            onStale={onStale}
          />
        ))}
      </ol>
    </section>
  );
}

export function StatusBadge({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  return (
    <span className="appeal-status" data-status={status}>
      {t(`appeals.status.${status}`)}
    </span>
  );
}
