import { http, type Language, type SittingRecording } from '@adal/shared';
import { formatDate, formatTime, urlFor, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import {
  carriesMicrophone,
  durationSeconds,
  formatDuration,
  megabytes,
  offerOf,
  type StudentRecordings,
  sameDay,
} from './recording-rows.js';

/** One student's segments: what was recorded, when, how long, how large, and the download. */
export function StudentRecordingsTable({
  sittingId,
  student,
}: {
  sittingId: string;
  student: StudentRecordings;
}) {
  const { t } = useTranslation();
  const titleId = `recordings-of-${student.studentId}`;

  return (
    <section className="student-recordings" aria-labelledby={titleId} data-student-id={student.studentId}>
      <h2 id={titleId}>{student.studentName || t('media.recordings.unknownStudent')}</h2>
      <div className="table-wrap">
        <table
          className="recordings"
          aria-label={t('media.recordings.studentLabel', { name: student.studentName })}
        >
          <thead>
            <tr>
              <th scope="col">{t('media.recordings.source')}</th>
              <th scope="col">{t('media.recordings.time')}</th>
              <th scope="col">{t('media.recordings.duration')}</th>
              <th scope="col">{t('media.recordings.size')}</th>
              <th scope="col">{t('media.recordings.statusTitle')}</th>
              <th scope="col">{t('media.recordings.file')}</th>
            </tr>
          </thead>
          <tbody>
            {student.segments.map((segment) => (
              <SegmentRow
                key={segment.id}
                sittingId={sittingId}
                studentName={student.studentName}
                segment={segment}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SegmentRow({
  sittingId,
  studentName,
  segment,
}: {
  sittingId: string;
  studentName: string;
  segment: SittingRecording;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const seconds = durationSeconds(segment);
  const source = carriesMicrophone(segment)
    ? t('media.recordings.withMicrophone')
    : t(`media.sources.${segment.source}`);
  const time = timeRange(segment, language, t('media.recordings.now'));

  return (
    <tr data-recording-id={segment.id} data-source={segment.source} data-status={segment.status}>
      <th scope="row">{source}</th>
      <td className="nowrap">
        <time dateTime={segment.start}>{time}</time>
      </td>
      <td className="nowrap">
        {seconds === null ? '—' : <time dateTime={`PT${seconds}S`}>{formatDuration(seconds)}</time>}
      </td>
      <td className="nowrap">
        {segment.status === 'recording'
          ? '—'
          : t('media.recordings.megabytes', { size: megabytes(segment.bytes, language) })}
      </td>
      <td>
        <span className={`badge recording-status recording-${segment.status}`}>
          <span className="badge-dot" aria-hidden="true" />
          {t(`media.recordings.status.${segment.status}`)}
        </span>
      </td>
      <td>
        {offerOf(segment) === 'download' ? (
          <a
            className="recording-download"
            href={urlFor(http.downloadRecording, { sittingId, recordingId: segment.id })}
            download
            aria-label={t('media.recordings.downloadLabel', { source, name: studentName, time })}
          >
            {t('media.recordings.download')}
          </a>
        ) : (
          <span className="muted">{t('media.recordings.inCameraFile')}</span>
        )}
      </td>
    </tr>
  );
}

/** "date, 10:05–10:15" in the local time zone; both dates when a segment crosses midnight. */
function timeRange(segment: SittingRecording, language: Language, now: string): string {
  const start = `${formatDate(segment.start, language)}, ${formatTime(segment.start, language)}`;
  if (segment.end === null) return `${start}–${now}`;
  const end = sameDay(segment.start, segment.end)
    ? formatTime(segment.end, language)
    : `${formatDate(segment.end, language)}, ${formatTime(segment.end, language)}`;
  return `${start}–${end}`;
}
