import { z } from 'zod';
import { ApiErrorBody } from '../../api/errors.js';
import { IceParameters, RtpCapabilities } from '../../media/rtp.js';
import {
  ConsumerClosed,
  ConsumerCreated,
  ConsumerLayersChanged,
  type MediaClientEventName,
  type MediaClientToServerEvents,
  type MediaServerToClientEvents,
  ProducerClosed,
  ProducerInfo,
  ProducerLayersWanted,
  ProducerScore,
  TransportCreated,
} from '../../media/signalling.js';
import { MediaError } from './media-error.js';

/** The browser's end of the SFU signalling socket (socket.io-client's generics: listen, then emit). */
export interface MediaSocketLike {
  readonly connected: boolean;
  timeout(ms: number): {
    emit(event: string, payload: unknown, ack: (err: Error | null, reply: unknown) => void): void;
  };
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

export type MediaPayload<E extends MediaClientEventName> = Parameters<MediaClientToServerEvents[E]>[0];
export type MediaAckData<E extends MediaClientEventName> = Parameters<
  MediaClientToServerEvents[E]
>[1] extends (a: infer A) => void
  ? A extends { ok: true; data: infer D }
    ? D
    : never
  : never;

export type MediaEventName = keyof MediaServerToClientEvents;
export type MediaEvent<E extends MediaEventName> = Parameters<MediaServerToClientEvents[E]>[0];

const AckEnvelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);

/** What each command's ack carries, checked at the boundary; commands not listed ack a constant. */
const ackSchemas: { [E in MediaClientEventName]?: z.ZodType<MediaAckData<E>> } = {
  'media:getRouterRtpCapabilities': RtpCapabilities,
  'media:createWebRtcTransport': TransportCreated,
  'media:produce': z.object({ producerId: z.string() }),
  'media:listProducers': z.array(ProducerInfo),
  'media:listOwnProducers': z.array(ProducerInfo),
  'media:consume': ConsumerCreated,
  'media:restartIce': IceParameters,
};

/** Every server-to-client event's schema: inbound payloads are parsed before anyone sees them. */
export const mediaEventSchemas = {
  'media:producerAdded': ProducerInfo,
  'media:producerClosed': ProducerClosed,
  'media:consumerClosed': ConsumerClosed,
  'media:producerScore': ProducerScore,
  'media:consumerLayersChanged': ConsumerLayersChanged,
  'media:producerLayersWanted': ProducerLayersWanted,
} as const satisfies { [E in MediaEventName]: z.ZodType<MediaEvent<E>> };

export const REQUEST_TIMEOUT_MS = 10_000;

/** Sends one command and resolves with its ack's data; a refusal rejects with the SFU's code. */
export function request<E extends MediaClientEventName>(
  socket: MediaSocketLike,
  event: E,
  payload: MediaPayload<E>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<MediaAckData<E>> {
  return new Promise((resolve, reject) => {
    // socket.io would buffer it until a reconnection, when the SFU no longer knows our transports.
    if (!socket.connected) return reject(new MediaError('network', `${event}: not connected`));
    socket.timeout(timeoutMs).emit(event, payload, (timeoutError, reply) => {
      if (timeoutError) return reject(new MediaError('timeout', `${event}: no answer in ${timeoutMs} ms`));
      const envelope = AckEnvelope.safeParse(reply);
      if (!envelope.success) return reject(new MediaError('bad_response', `${event}: malformed ack`));
      if (!envelope.data.ok) {
        const { code, message, fields } = envelope.data.error;
        return reject(new MediaError(code, message, { cause: fields }));
      }
      const schema = ackSchemas[event] as z.ZodType<MediaAckData<E>> | undefined;
      if (!schema) return resolve(envelope.data.data as MediaAckData<E>);
      const data = schema.safeParse(envelope.data.data);
      if (data.success) resolve(data.data);
      else
        reject(new MediaError('bad_response', `${event}: ack outside the contract`, { cause: data.error }));
    });
  });
}

/** Listens to one SFU event with parsed payloads; invalid ones are logged and dropped. Returns the unsubscribe. */
export function onMediaEvent<E extends MediaEventName>(
  socket: MediaSocketLike,
  event: E,
  handler: (payload: MediaEvent<E>) => void,
): () => void {
  const schema = mediaEventSchemas[event] as unknown as z.ZodType<MediaEvent<E>>;
  const listener = (payload: unknown) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) handler(parsed.data);
    else console.warn(`dropped an invalid ${event} event`, parsed.error.issues);
  };
  socket.on(event, listener);
  return () => socket.off(event, listener);
}
