import { isReviewable, type LogEntry, type Review } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { authorOf, clockTime, detailsOf, entryTextOf } from './entry-label.js';
import { suspensionOf } from './instructions.js';
import { useLogWords } from './use-log-words.js';

/**
 * One Chat&log entry: when, what (translated), how serious, the words a person wrote, how long
 * an automatic flag lasted, and for flags and lost sources whether the proctor confirmed or
 * dismissed them.
 */
export function LogEntryItem({ entry, review }: { entry: LogEntry; review: Review | undefined }) {
  const { t } = useTranslation();
  const words = useLogWords();
  const text = entryTextOf(entry);
  const author = authorOf(entry);
  const reviewable = isReviewable(entry);
  const dismissed = reviewable && review?.decision === 'dismissed';
  const details = detailsOf(entry);
  const label = details.length
    ? t('studentLog.panel.withDetails', { label: words.entryLabel(entry), details: details.join(', ') })
    : words.entryLabel(entry);
  const lost = entry.source === 'system' && entry.type === 'suspended' ? suspensionOf(entry).sources : [];

  return (
    <li
      className="log-entry"
      data-seq={entry.seq}
      data-source={entry.source}
      data-type={entry.type}
      data-severity={entry.severity}
      data-review={reviewable ? (review?.decision ?? 'pending') : undefined}
    >
      <p className="log-entry-head">
        <time dateTime={entry.at}>{clockTime(entry.at)}</time>
        {entry.severity !== 'info' && (
          <span className="log-severity" data-severity={entry.severity}>
            <span aria-hidden="true" className="log-severity-dot" />
            {t('studentLog.panel.severity', { severity: t(`studentLog.severities.${entry.severity}`) })}
          </span>
        )}
        {dismissed && <span className="log-dismissed-badge">{t('studentLog.review.dismissedBadge')}</span>}
      </p>
      <p className="log-entry-label">
        {dismissed ? <s>{label}</s> : <strong>{label}</strong>}
        {author && <span className="muted"> · {t('studentLog.panel.from', { name: author })}</span>}
      </p>
      {text && <p className="log-entry-text">{text}</p>}
      {lost.length > 0 && (
        <p className="muted">{t('studentLog.panel.suspendedSources', { sources: words.sources(lost) })}</p>
      )}
      {entry.durationMs !== null && (
        <p className="muted">
          {t('studentLog.panel.duration', { duration: words.duration(entry.durationMs) })}
          {entry.confidence !== null &&
            ` · ${t('studentLog.panel.confidence', { confidence: entry.confidence })}`}
        </p>
      )}
      {reviewable && <ReviewLine review={review} />}
    </li>
  );
}

function ReviewLine({ review }: { review: Review | undefined }) {
  const { t } = useTranslation();
  if (!review) return <p className="log-review muted">{t('studentLog.review.pending')}</p>;
  return (
    <p className="log-review" data-decision={review.decision}>
      {review.decision === 'dismissed'
        ? t('studentLog.review.dismissed', { reason: review.reason })
        : t('studentLog.review.confirmed', { reason: review.reason })}
    </p>
  );
}
