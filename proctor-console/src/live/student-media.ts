import { MEDIA_SOURCES, type MediaSource, type ProducerInfo } from '@adal/shared';

/**
 * Sources a student is expected to send, each shown missing when it is not. The exam tab is
 * optional (the student starts it from the extension), so its absence is no badge.
 */
const EXPECTED_SOURCES = MEDIA_SOURCES.filter((s) => s !== 'tab');

/** A student's connection quality from mediasoup's 0–10 producer scores (worst source counts). */
export type ConnectionQuality = 'good' | 'fair' | 'poor' | 'pending' | 'offline';

export function connectionQuality(producers: readonly ProducerInfo[]): ConnectionQuality {
  if (producers.length === 0) return 'offline';
  const scores = producers.map((p) => p.score).filter((s): s is number => s !== null);
  if (scores.length === 0) return 'pending';
  const worst = Math.min(...scores);
  if (worst >= 7) return 'good';
  if (worst >= 4) return 'fair';
  return 'poor';
}

export interface StudentMedia {
  producers: ProducerInfo[];
  live: Set<MediaSource>;
  missing: MediaSource[];
  quality: ConnectionQuality;
}

/** The sitting's producers grouped by student, with each student's missing sources and quality. */
export function mediaByStudent(
  producers: readonly ProducerInfo[],
  studentIds: readonly string[],
): Map<string, StudentMedia> {
  const byStudent = new Map<string, StudentMedia>();
  for (const studentId of studentIds) {
    const own = producers.filter((p) => p.studentId === studentId);
    const live = new Set(own.map((p) => p.source));
    byStudent.set(studentId, {
      producers: own,
      live,
      missing: EXPECTED_SOURCES.filter((s) => !live.has(s)),
      quality: connectionQuality(own),
    });
  }
  return byStudent;
}
