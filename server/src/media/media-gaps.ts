import type { MediaGap, MediaSourceEvent } from '@adal/shared';

type Event = Pick<MediaSourceEvent, 'studentId' | 'source' | 'state' | 'reason' | 'at'>;

/**
 * Gaps from a sitting's source events in time order: each stop opens one per student and source,
 * the next live closes it. A second stop while one is open (a retry, a second device) changes
 * nothing; a live without a stop before it is a start, not the end of a gap.
 */
export function mediaGaps(events: readonly Event[]): MediaGap[] {
  const open = new Map<string, MediaGap>();
  const gaps: MediaGap[] = [];
  for (const e of events) {
    const key = `${e.studentId}.${e.source}`;
    const current = open.get(key);
    if (e.state === 'stopped' && !current) {
      const gap: MediaGap = {
        studentId: e.studentId,
        source: e.source,
        from: e.at,
        to: null,
        reason: e.reason,
      };
      open.set(key, gap);
      gaps.push(gap);
    } else if (e.state === 'live' && current) {
      current.to = e.at;
      open.delete(key);
    }
  }
  return gaps;
}
