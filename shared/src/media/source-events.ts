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
