import type { MediaSourceEvent } from '@adal/shared';

/** The sources a computer test needs live: the proctor must see and hear the student. */
export const REQUIRED_SOURCES = ['webcam', 'microphone'] as const;
export type RequiredSource = (typeof REQUIRED_SOURCES)[number];

export type OwnSources = Partial<Record<RequiredSource, { live: boolean; at: string }>>;

/**
 * The student's own webcam and microphone as the SFU last reported them (`media:sourceChanged`).
 * Events about other sittings, students or sources change nothing; an event older than the one
 * kept (a late "stopped" from a page that was reloaded) is ignored.
 */
export function applySourceEvent(
  sources: OwnSources,
  event: MediaSourceEvent,
  sittingId: string,
  studentId: string | undefined,
): OwnSources {
  if (event.sittingId !== sittingId || event.studentId !== studentId) return sources;
  const source = event.source;
  if (source !== 'webcam' && source !== 'microphone') return sources;
  const kept = sources[source];
  if (kept && Date.parse(kept.at) > Date.parse(event.at)) return sources;
  return { ...sources, [source]: { live: event.state === 'live', at: event.at } };
}

export const sourcesReady = (sources: OwnSources) => REQUIRED_SOURCES.every((s) => sources[s]?.live);
