import type { LogEntry } from '@adal/shared';
import type { TFunction } from 'i18next';
import { actorNameOf, type EntryLabel, entryLabel, splitDuration } from './entries.js';

/** An entry's label in words: "No face in the camera", "Flag #4 dismissed", "Screen stopped"… */
export function labelText(t: TFunction, label: EntryLabel): string {
  switch (label.kind) {
    case 'flag':
      return t(`studentDetail.flags.${label.flag}`);
    case 'violation':
      return t(`studentDetail.violations.${label.violation}`);
    case 'review':
      return label.refSeq === null
        ? t(`studentDetail.entry.review.${label.decision}`)
        : t(`studentDetail.entry.reviewOf.${label.decision}`, { seq: label.refSeq });
    case 'system':
      return t(`studentDetail.system.${label.action}`);
    case 'chat':
      return t(`studentDetail.entry.chat.${label.direction}`);
    case 'source':
      return t(`studentDetail.entry.source.${label.state}`, {
        source: label.source ? t(`media.sources.${label.source}`) : t('studentDetail.entry.unknownSource'),
      });
    case 'other':
      return t('studentDetail.entry.other', { type: label.type });
  }
}

/** What an automatic flag was about (the blocked host, extension names), as reported. */
export function detailsOf(entry: Pick<LogEntry, 'source' | 'evidence'>): string[] {
  const details = entry.source === 'auto_flag' ? entry.evidence?.details : undefined;
  return Array.isArray(details) ? details.filter((d): d is string => typeof d === 'string' && d !== '') : [];
}

/** "Navigation away blocked — example.com": a flag's name with what it was about, if known. */
export const withDetails = (t: TFunction, label: string, details: readonly string[]): string =>
  details.length ? t('studentDetail.entry.withDetails', { label, details: details.join(', ') }) : label;

export const entryTitle = (t: TFunction, entry: LogEntry): string =>
  withDetails(t, labelText(t, entryLabel(entry)), detailsOf(entry));

/** "45 s" or "2 min 5 s". */
export function durationText(t: TFunction, ms: number): string {
  const { minutes, seconds } = splitDuration(ms);
  return minutes > 0
    ? t('studentDetail.entry.durationMinutes', { minutes, seconds })
    : t('studentDetail.entry.durationSeconds', { seconds });
}

/** The small print under an entry: how long, how sure, how often, by whom. */
export function entryFacts(t: TFunction, entry: LogEntry): string[] {
  const facts: string[] = [];
  if (entry.durationMs !== null && entry.durationMs > 0) facts.push(durationText(t, entry.durationMs));
  if (entry.confidence !== null) facts.push(t('studentDetail.entry.confidence', { value: entry.confidence }));
  const count = entry.evidence?.count;
  if (typeof count === 'number' && count > 1) facts.push(t('studentDetail.entry.reports', { value: count }));
  const actor = actorNameOf(entry);
  if (actor) facts.push(t('studentDetail.entry.by', { name: actor }));
  return facts;
}
