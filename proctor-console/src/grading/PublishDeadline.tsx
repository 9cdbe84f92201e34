import { formatDateTime, useLanguage } from '@adal/shared/web';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DurationParts, deadlineView, durationParts } from './publish-deadline.js';

/** Minutes are enough for a deadline a day away; the text refreshes twice a minute. */
const TICK_MS = 30_000;

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function durationText(t: TFunction, parts: DurationParts): string {
  if (parts.unit === 'days') return t('grading.deadline.days', { days: parts.days, hours: parts.hours });
  if (parts.unit === 'hours')
    return t('grading.deadline.hours', { hours: parts.hours, minutes: parts.minutes });
  return t('grading.deadline.minutes', { minutes: parts.minutes });
}

/**
 * Written exams: when results are due and how long is left; red once overdue while grades wait.
 * `now` is for the render test; the page passes nothing and the clock ticks.
 */
export function PublishDeadline({
  publishBy,
  unpublished,
  now,
}: {
  publishBy: string | null;
  unpublished: number;
  now?: number;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ticking = useNow(TICK_MS);
  const view = deadlineView(publishBy, unpublished, now ?? ticking);
  if (view.state === 'none' || publishBy === null) return null;
  return (
    <p
      className={view.state === 'overdue' ? 'notice notice-error grading-deadline' : 'grading-deadline'}
      data-testid="publish-by"
      data-state={view.state}
      role={view.state === 'overdue' ? 'alert' : undefined}
    >
      <span className="grading-term">{t('grading.deadline.label')}</span>{' '}
      <time dateTime={publishBy}>{formatDateTime(publishBy, language)}</time>
      {' · '}
      <strong>
        {view.state === 'open' &&
          t('grading.deadline.left', { time: durationText(t, durationParts(view.msLeft)) })}
        {view.state === 'overdue' &&
          t('grading.deadline.overdue', { time: durationText(t, durationParts(view.msOver)) })}
        {view.state === 'passed' && t('grading.deadline.allPublished')}
      </strong>
    </p>
  );
}
