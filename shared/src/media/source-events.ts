import { z } from 'zod';
import { MediaSource } from './sources.js';

/** A student's source went live or stopped, as the SFU saw it (later issues turn stops into flags). */
export const MediaSourceEvent = z.object({
  sittingId: z.string().uuid(),
  studentId: z.string().uuid(),
  source: MediaSource,
  state: z.enum(['live', 'stopped']),
  /** For a stop: the student closed it, the connection was lost, or the device left the sitting. */
  reason: z.enum(['closed', 'transport_closed', 'peer_left']).nullable(),
  at: z.string().datetime(),
});
export type MediaSourceEvent = z.infer<typeof MediaSourceEvent>;

/** SFU → server, batched. */
export const MediaEventsBody = z.object({ events: z.array(MediaSourceEvent).min(1).max(500) }).strict();
export type MediaEventsBody = z.infer<typeof MediaEventsBody>;
export const MediaEventsAccepted = z.object({ accepted: z.number().int() });

/**
 * A stretch during which a student's source was not reaching the proctor (nor the recording):
 * from a stop to the next time it went live; `to` is null while it is still stopped.
 */
export const MediaGap = z.object({
  studentId: z.string().uuid(),
  source: MediaSource,
  from: z.string().datetime(),
  to: z.string().datetime().nullable(),
  reason: MediaSourceEvent.shape.reason,
});
export type MediaGap = z.infer<typeof MediaGap>;
export const MediaGapList = z.object({ gaps: z.array(MediaGap) });
export type MediaGapList = z.infer<typeof MediaGapList>;
