import { z } from 'zod';
import type { AckCallback } from '../api/ack.js';
import { DtlsParameters, IceCandidate, IceParameters, RtpCapabilities, RtpParameters } from './rtp.js';
import { MediaSource } from './sources.js';

/**
 * SFU signalling, in mediasoup-demo's vocabulary. Consumers are created paused and resumed when
 * the client acks with `media:resumeConsumer`. One schema per message.
 */
const Id = z.string().min(1).max(64);

export const EmptyPayload = z.object({}).strict();

export const CreateTransportPayload = z.object({ direction: z.enum(['send', 'recv']) }).strict();
export const TransportCreated = z.object({
  id: z.string(),
  iceParameters: IceParameters,
  iceCandidates: z.array(IceCandidate),
  dtlsParameters: DtlsParameters,
});
export type TransportCreated = z.infer<typeof TransportCreated>;

export const ConnectTransportPayload = z.object({ transportId: Id, dtlsParameters: DtlsParameters }).strict();

export const ProducePayload = z
  .object({
    transportId: Id,
    kind: z.enum(['audio', 'video']),
    rtpParameters: RtpParameters,
    source: MediaSource,
    /** For the screen: the track's settings().displaySurface; only "monitor" (entire screen) is accepted. */
    displaySurface: z.enum(['monitor', 'window', 'browser']).optional(),
  })
  .strict();
export type ProducePayload = z.infer<typeof ProducePayload>;

export const ConsumePayload = z
  .object({ transportId: Id, producerId: Id, rtpCapabilities: RtpCapabilities })
  .strict();
export const ConsumerCreated = z.object({
  consumerId: z.string(),
  producerId: z.string(),
  kind: z.enum(['audio', 'video']),
  rtpParameters: RtpParameters,
  source: MediaSource,
  studentId: z.string().uuid(),
});
export type ConsumerCreated = z.infer<typeof ConsumerCreated>;

export const ConsumerPayload = z.object({ consumerId: Id }).strict();
export const ProducerPayload = z.object({ producerId: Id }).strict();
export const RestartIcePayload = z.object({ transportId: Id }).strict();
export const SetPreferredLayersPayload = z
  .object({
    consumerId: Id,
    spatialLayer: z.number().int().min(0).max(3),
    temporalLayer: z.number().int().min(0).max(3).optional(),
  })
  .strict();

/** A producer of a sitting that a watcher may consume. */
export const ProducerInfo = z.object({
  producerId: z.string(),
  studentId: z.string().uuid(),
  source: MediaSource,
  kind: z.enum(['audio', 'video']),
  paused: z.boolean(),
  /** mediasoup's 0–10 quality score of the best stream, null until known. */
  score: z.number().min(0).max(10).nullable(),
});
export type ProducerInfo = z.infer<typeof ProducerInfo>;

export const ProducerClosed = z.object({
  producerId: z.string(),
  studentId: z.string().uuid(),
  source: MediaSource,
  /** closed by the student, transport lost, or refused by the SFU. */
  reason: z.enum(['closed', 'transport_closed', 'peer_left']),
});
export const ConsumerClosed = z.object({ consumerId: z.string(), producerId: z.string() });
export const ProducerScore = z.object({
  producerId: z.string(),
  studentId: z.string().uuid(),
  score: z.number(),
});
export const ConsumerLayersChanged = z.object({
  consumerId: z.string(),
  spatialLayer: z.number().int().nullable(),
  temporalLayer: z.number().int().nullable(),
});
/**
 * To the student who produces a simulcast source: the highest spatial layer any watcher wants
 * from it now. The browser sends layers up to it and stops encoding the ones above (a new
 * producer starts on layer 0). Raised at once; lowered only after a few seconds without demand.
 */
export const ProducerLayersWanted = z.object({
  producerId: z.string(),
  spatialLayer: z.number().int().min(0).max(3),
});
export type ProducerLayersWanted = z.infer<typeof ProducerLayersWanted>;

type In<S extends z.ZodType> = z.infer<S>;
type Out<S extends z.ZodType> = z.infer<S>;

export interface MediaClientToServerEvents {
  'media:getRouterRtpCapabilities': (p: In<typeof EmptyPayload>, ack: AckCallback<RtpCapabilities>) => void;
  'media:createWebRtcTransport': (
    p: In<typeof CreateTransportPayload>,
    ack: AckCallback<TransportCreated>,
  ) => void;
  'media:connectWebRtcTransport': (
    p: In<typeof ConnectTransportPayload>,
    ack: AckCallback<{ connected: true }>,
  ) => void;
  'media:produce': (p: ProducePayload, ack: AckCallback<{ producerId: string }>) => void;
  'media:closeProducer': (p: In<typeof ProducerPayload>, ack: AckCallback<{ closed: true }>) => void;
  'media:listProducers': (p: In<typeof EmptyPayload>, ack: AckCallback<ProducerInfo[]>) => void;
  /** A student device: the producers of this student on every device (e.g. the phone), as of now. */
  'media:listOwnProducers': (p: In<typeof EmptyPayload>, ack: AckCallback<ProducerInfo[]>) => void;
  'media:consume': (p: In<typeof ConsumePayload>, ack: AckCallback<ConsumerCreated>) => void;
  'media:resumeConsumer': (p: In<typeof ConsumerPayload>, ack: AckCallback<{ resumed: true }>) => void;
  'media:pauseConsumer': (p: In<typeof ConsumerPayload>, ack: AckCallback<{ paused: true }>) => void;
  'media:setPreferredLayers': (
    p: In<typeof SetPreferredLayersPayload>,
    ack: AckCallback<{ set: true }>,
  ) => void;
  'media:restartIce': (p: In<typeof RestartIcePayload>, ack: AckCallback<Out<typeof IceParameters>>) => void;
}

export interface MediaServerToClientEvents {
  /** A student of the watched sitting started a source. */
  'media:producerAdded': (e: ProducerInfo) => void;
  'media:producerClosed': (e: Out<typeof ProducerClosed>) => void;
  'media:consumerClosed': (e: Out<typeof ConsumerClosed>) => void;
  'media:producerScore': (e: Out<typeof ProducerScore>) => void;
  'media:consumerLayersChanged': (e: Out<typeof ConsumerLayersChanged>) => void;
  /** To a student: send the layers of this producer up to `spatialLayer` (watchers' demand changed). */
  'media:producerLayersWanted': (e: ProducerLayersWanted) => void;
}

export const mediaClientEventSchemas = {
  'media:getRouterRtpCapabilities': EmptyPayload,
  'media:createWebRtcTransport': CreateTransportPayload,
  'media:connectWebRtcTransport': ConnectTransportPayload,
  'media:produce': ProducePayload,
  'media:closeProducer': ProducerPayload,
  'media:listProducers': EmptyPayload,
  'media:listOwnProducers': EmptyPayload,
  'media:consume': ConsumePayload,
  'media:resumeConsumer': ConsumerPayload,
  'media:pauseConsumer': ConsumerPayload,
  'media:setPreferredLayers': SetPreferredLayersPayload,
  'media:restartIce': RestartIcePayload,
} as const satisfies {
  [E in keyof MediaClientToServerEvents]: z.ZodType<Parameters<MediaClientToServerEvents[E]>[0]>;
};
export type MediaClientEventName = keyof MediaClientToServerEvents;
export const MEDIA_CLIENT_EVENTS = Object.keys(mediaClientEventSchemas) as MediaClientEventName[];
