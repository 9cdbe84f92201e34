import type { RecordingSegment, ReportRecordingLink } from '@adal/shared';

/** Where the proctor console's player opens a recording at a moment. */
export const recordingHref = (sittingId: string, recordingId: string, offsetSeconds: number) =>
  `/proctor/sittings/${sittingId}/recordings?recording=${encodeURIComponent(recordingId)}&t=${offsetSeconds}`;

type Segment = Pick<RecordingSegment, 'id' | 'studentId' | 'source' | 'start' | 'end' | 'status'>;

/**
 * A source going live is logged a moment before its first packet is recorded, and its stop a
 * moment after the last: entries this close to a segment's edge open it at that edge.
 */
const EDGE_MS = 3_000;

/**
 * The student's webcam segment that was recording at `at` (ms), as a link into it at that moment.
 * A segment still recording (no end yet) covers everything after its start; failed segments have
 * nothing to play. Overlapping segments (a reconnect): the one that started last. Entries up to
 * EDGE_MS outside a segment open it at its start or end.
 */
export function recordingLinkAt(
  segments: readonly Segment[],
  sittingId: string,
  studentId: string,
  at: number,
): ReportRecordingLink | null {
  let best: { segment: Segment; start: number; end: number; inside: boolean } | null = null;
  for (const s of segments) {
    if (s.studentId !== studentId || s.source !== 'webcam' || s.status === 'failed') continue;
    const start = Date.parse(s.start);
    const end = s.end === null ? Number.POSITIVE_INFINITY : Date.parse(s.end);
    if (at < start - EDGE_MS || at > end + EDGE_MS) continue;
    // Inside a segment beats near the edge of another; then the one that started last.
    const inside = at >= start && at <= end;
    if (!best || (inside && !best.inside) || (inside === best.inside && start > best.start))
      best = { segment: s, start, end, inside };
  }
  if (!best) return null;
  const length = Number.isFinite(best.end)
    ? Math.floor((best.end - best.start) / 1000)
    : Number.POSITIVE_INFINITY;
  const offsetSeconds = Math.min(length, Math.max(0, Math.floor((at - best.start) / 1000)));
  return {
    recordingId: best.segment.id,
    source: best.segment.source,
    offsetSeconds,
    href: recordingHref(sittingId, best.segment.id, offsetSeconds),
  };
}
