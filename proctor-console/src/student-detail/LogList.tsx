import { type LogEntry, type ReviewDecision, reviewsOf } from '@adal/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryTitle } from './entry-text.js';
import { LogEntryItem } from './LogEntryItem.js';
import { ReviewDialog } from './ReviewDialog.js';

interface LogListProps {
  sittingId: string;
  studentId: string;
  entries: LogEntry[];
  /** The first entry the hash chain check found broken, if any. */
  brokenSeq: number | null;
  canAct: boolean;
  /** A review the proctor just made: shown at once (its event may come later). */
  onReviewed: (review: LogEntry) => void;
  titleId: string;
}

/** Near the bottom the list follows new entries; scrolled up to read, it stays where it is. */
const FOLLOW_SLACK_PX = 80;

/** The student's Chat&log, oldest first, following new entries as they arrive. */
export function LogList({
  sittingId,
  studentId,
  entries,
  brokenSeq,
  canAct,
  onReviewed,
  titleId,
}: LogListProps) {
  const { t } = useTranslation();
  const reviews = useMemo(() => reviewsOf(entries), [entries]);
  const [reviewing, setReviewing] = useState<{ entry: LogEntry; decision: ReviewDecision } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const count = entries.length;

  useEffect(() => {
    const element = box.current;
    if (element && following.current && count > 0) element.scrollTop = element.scrollHeight;
  }, [count]);

  return (
    <>
      <div
        ref={box}
        className="sd-log-box"
        onScroll={(event) => {
          const el = event.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK_PX;
        }}
      >
        {entries.length === 0 && <p className="status status-empty">{t('studentDetail.log.empty')}</p>}
        <ol className="sd-log" aria-labelledby={titleId}>
          {entries.map((entry) => (
            <LogEntryItem
              key={entry.seq}
              sittingId={sittingId}
              studentId={studentId}
              entry={entry}
              review={reviews.get(entry.seq)}
              broken={entry.seq === brokenSeq}
              onReview={canAct ? (e, decision) => setReviewing({ entry: e, decision }) : null}
            />
          ))}
        </ol>
      </div>
      {reviewing && (
        <ReviewDialog
          sittingId={sittingId}
          studentId={studentId}
          entry={reviewing.entry}
          entryText={entryTitle(t, reviewing.entry)}
          decision={reviewing.decision}
          onReviewed={onReviewed}
          onClose={() => setReviewing(null)}
        />
      )}
    </>
  );
}
