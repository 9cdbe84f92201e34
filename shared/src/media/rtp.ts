import { z } from 'zod';

/**
 * Structural schemas for the mediasoup objects that cross the wire. They check the shape and the
 * fields the SFU reads; mediasoup validates the rest itself.
 */
const Json = z.record(z.string(), z.unknown());

export const RtpCodecCapability = z.looseObject({
  kind: z.enum(['audio', 'video']),
  mimeType: z.string().max(64),
  clockRate: z.number().int().positive(),
  preferredPayloadType: z.number().int().min(0).max(127).optional(),
  channels: z.number().int().positive().optional(),
  parameters: Json.optional(),
  rtcpFeedback: z
    .array(z.looseObject({ type: z.string(), parameter: z.string().optional() }))
    .max(32)
    .optional(),
});

export const RtpCapabilities = z.looseObject({
  codecs: z.array(RtpCodecCapability).max(64).optional(),
  headerExtensions: z.array(Json).max(64).optional(),
});
export type RtpCapabilities = z.infer<typeof RtpCapabilities>;

export const RtpEncoding = z.looseObject({
  ssrc: z.number().int().nonnegative().optional(),
  rid: z.string().max(32).optional(),
  scalabilityMode: z.string().max(16).optional(),
  maxBitrate: z.number().int().positive().optional(),
  scaleResolutionDownBy: z.number().positive().optional(),
  dtx: z.boolean().optional(),
});

export const RtpParameters = z.looseObject({
  mid: z.string().max(32).optional(),
  codecs: z
    .array(
      z.looseObject({
        mimeType: z.string().max(64),
        payloadType: z.number().int().min(0).max(127),
        clockRate: z.number().int().positive(),
        channels: z.number().int().positive().optional(),
        parameters: Json.optional(),
      }),
    )
    .min(1)
    .max(16),
  headerExtensions: z.array(Json).max(32).optional(),
  encodings: z.array(RtpEncoding).max(4).optional(),
  rtcp: Json.optional(),
});
export type RtpParameters = z.infer<typeof RtpParameters>;

export const DtlsParameters = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.object({ algorithm: z.string().max(16), value: z.string().max(256) }))
    .min(1)
    .max(8),
});
export type DtlsParameters = z.infer<typeof DtlsParameters>;

export const IceParameters = z.looseObject({
  usernameFragment: z.string(),
  password: z.string(),
  iceLite: z.boolean().optional(),
});

export const IceCandidate = z.looseObject({
  foundation: z.string(),
  priority: z.number(),
  ip: z.string(),
  protocol: z.enum(['udp', 'tcp']),
  port: z.number().int(),
  type: z.string(),
  tcpType: z.string().optional(),
});
