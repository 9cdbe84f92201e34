import type { Language, MediaSource, SittingRecording } from '@adal/shared';
import { LOCALES } from '@adal/shared/web';

/** One student's recorded segments, oldest first. */
export interface StudentRecordings {
  studentId: string;
  studentName: string;
  segments: SittingRecording[];
}

const SOURCE_ORDER: Record<MediaSource, number> = { webcam: 0, microphone: 1, screen: 2, phone: 3, tab: 4 };

/** Segments grouped per student (by name, in the interface language's order), each group by time. */
export function byStudent(recordings: readonly SittingRecording[], locale: string): StudentRecordings[] {
  const groups = new Map<string, StudentRecordings>();
  for (const segment of recordings) {
    const group = groups.get(segment.studentId) ?? {
      studentId: segment.studentId,
      studentName: segment.studentName,
      segments: [],
    };
    group.segments.push(segment);
    groups.set(segment.studentId, group);
  }
  for (const group of groups.values()) {
    const at = placedAt(group.segments);
    group.segments.sort(
      (a, b) => at(a) - at(b) || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.id.localeCompare(b.id),
    );
  }
  return [...groups.values()].sort(
    (a, b) => a.studentName.localeCompare(b.studentName, locale) || a.studentId.localeCompare(b.studentId),
  );
}

/**
 * Where a segment goes in time order: its start, except that a microphone carried by camera
 * files sits right after the first of them (it often starts a few ms before the camera).
 */
function placedAt(segments: readonly SittingRecording[]): (segment: SittingRecording) => number {
  const startOf = new Map(segments.map((s) => [s.id, Date.parse(s.start)]));
  return (segment) => {
    const cameras = segment.source === 'microphone' ? segment.combinedWith : [];
    const starts = cameras.map((id) => startOf.get(id)).filter((t) => t !== undefined);
    return starts.length > 0 ? Math.min(...starts) : Date.parse(segment.start);
  };
}

/**
 * How a segment is offered: as its own file, or (a microphone recorded alongside the camera)
 * inside the camera's file, whose download carries it.
 */
export const offerOf = (segment: SittingRecording): 'download' | 'in-camera-file' =>
  segment.source === 'microphone' && segment.combinedWith.length > 0 ? 'in-camera-file' : 'download';

/** Whether the camera's file also carries the student's microphone. */
export const carriesMicrophone = (segment: SittingRecording): boolean =>
  segment.source === 'webcam' && segment.combinedWith.length > 0;

/** Whole seconds from the first to the last packet; null while the segment is still recording. */
export function durationSeconds(segment: Pick<SittingRecording, 'start' | 'end'>): number | null {
  if (segment.end === null) return null;
  return Math.max(0, Math.round((Date.parse(segment.end) - Date.parse(segment.start)) / 1000));
}

/** `m:ss`, or `h:mm:ss` from an hour on: the same in every language. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Megabytes with one decimal; anything recorded shows at least 0.1 so it never reads as empty.
 * Kazakh writes numbers like Russian (decimal comma), and browsers with reduced ICU data have
 * no `kk` number format (they would print a point), so it borrows the Russian one.
 */
export function megabytes(bytes: number, language: Language): string {
  const mb = bytes > 0 ? Math.max(0.1, bytes / 1_000_000) : 0;
  const locale = LOCALES[language === 'kk' ? 'ru' : language];
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb);
}

/** Whether two instants fall on the same local calendar day. */
export function sameDay(a: string, b: string): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}
