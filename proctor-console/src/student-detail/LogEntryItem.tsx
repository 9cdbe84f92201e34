import { http, isReviewable, type LogEntry, type Review, type ReviewDecision } from '@adal/shared';
import { urlFor } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { clockTime, snapshotIdOf } from './entries.js';
import { entryFacts, entryTitle } from './entry-text.js';

interface LogEntryItemProps {
  sittingId: string;
  studentId: string;
  entry: LogEntry;
  /** The latest review of this entry, if it is a reviewed flag. */
  review: Review | undefined;
  /** The hash chain check found this entry changed. */
  broken: boolean;
  /** Null in the read-only view: no +/−. */
  onReview: ((entry: LogEntry, decision: ReviewDecision) => void) | null;
}

/** One line of the Chat&log: when, what, details, evidence, and +/− on automatic flags. */
export function LogEntryItem({ sittingId, studentId, entry, review, broken, onReview }: LogEntryItemProps) {
  const { t } = useTranslation();
  const reviewable = isReviewable(entry);
  const snapshotId = snapshotIdOf(entry);
  const snapshotUrl = snapshotId ? urlFor(http.logSnapshot, { sittingId, studentId, snapshotId }) : null;
  const facts = entryFacts(t, entry);
  const classes = [
    'sd-entry',
    `sd-entry-${entry.source}`,
    entry.severity !== 'info' ? `sd-severity-${entry.severity}` : '',
    broken ? 'sd-entry-broken' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className={classes}
      data-seq={entry.seq}
      data-source={entry.source}
      data-type={entry.type}
      data-review={reviewable ? (review?.decision ?? 'none') : undefined}
    >
      <div className="sd-entry-head">
        <time dateTime={entry.at} className="sd-entry-time">
          {clockTime(entry.at)}
        </time>
        <span className="sd-entry-title">{entryTitle(t, entry)}</span>
        {entry.severity !== 'info' && (
          <span className={`badge sd-severity sd-severity-badge-${entry.severity}`}>
            {t(`studentDetail.severity.${entry.severity}`)}
          </span>
        )}
        <span className="sd-entry-seq muted">#{entry.seq}</span>
      </div>
      {entry.text && <p className="sd-entry-text">{entry.text}</p>}
      {facts.length > 0 && <p className="sd-entry-facts muted">{facts.join(' · ')}</p>}
      {snapshotUrl && (
        <a href={snapshotUrl} target="_blank" rel="noreferrer" className="sd-entry-snapshot">
          <img src={snapshotUrl} alt={t('studentDetail.entry.snapshot')} loading="lazy" width={160} />
        </a>
      )}
      {broken && (
        <p className="inline-error" data-broken="true">
          {t('studentDetail.entry.broken')}
        </p>
      )}
      {reviewable && (
        <div className="sd-entry-review">
          <span className={`sd-review-state sd-review-${review?.decision ?? 'none'}`}>
            {review
              ? t(`studentDetail.entry.reviewed.${review.decision}`, {
                  name: review.byName || t('studentDetail.entry.someone'),
                  reason: review.reason,
                })
              : t('studentDetail.entry.notReviewed')}
          </span>
          {onReview && review?.decision !== 'confirmed' && (
            <button
              type="button"
              className="button-secondary sd-small"
              onClick={() => onReview(entry, 'confirmed')}
            >
              {t('studentDetail.entry.confirm')}
            </button>
          )}
          {onReview && review?.decision !== 'dismissed' && (
            <button
              type="button"
              className="button-secondary sd-small"
              onClick={() => onReview(entry, 'dismissed')}
            >
              {t('studentDetail.entry.dismiss')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
