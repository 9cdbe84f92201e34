import type { SessionReport } from '@adal/shared';
import { stringify } from 'csv-stringify/sync';

/** Excel reads a file as UTF-8 only when it starts with the byte order mark; without it Cyrillic is garbled. */
export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'seq',
  'at',
  'started_at',
  'source',
  'type',
  'severity',
  'text',
  'duration_s',
  'confidence',
  'review',
  'review_reason',
  'reviewed_by',
  'recording_id',
  'recording_offset_s',
] as const;

/**
 * A spreadsheet opening a cell that starts with = + - @ (or a tab/CR) runs it as a formula; text
 * typed by students and proctors gets a leading apostrophe so it is only ever shown.
 */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The report as CSV: a header block does not fit a table, so one row per Chat&log entry (the
 * timeline), oldest first, with its review and recording link. Times are ISO 8601 in UTC.
 */
export function reportCsv(report: SessionReport): string {
  const rows = report.timeline.map((item) => [
    item.seq,
    item.at,
    item.startedAt,
    item.source,
    item.type,
    item.severity,
    inert(item.text),
    item.durationMs === null ? '' : Math.round(item.durationMs / 100) / 10,
    item.confidence ?? '',
    item.review?.decision ?? '',
    inert(item.review?.reason ?? ''),
    inert(item.review?.byName ?? ''),
    item.recording?.recordingId ?? '',
    item.recording?.offsetSeconds ?? '',
  ]);
  return UTF8_BOM + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
