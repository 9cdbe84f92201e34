import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RecordingConfig } from './recording/recordings.js';

const Env = z.object({
  SFU_HOST: z.string().default('127.0.0.1'),
  SFU_PORT: z.coerce.number().int().min(0).max(65535).default(3010),
  /** Address the WebRTC transports listen on; 0.0.0.0 with SFU_ANNOUNCED_IP behind NAT. */
  SFU_LISTEN_IP: z.string().default('127.0.0.1'),
  /** Address browsers are told to send media to (public IP); unset: the listen IP. */
  SFU_ANNOUNCED_IP: z.string().optional(),
  SFU_RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(40000),
  SFU_RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(40999),
  /** One mediasoup worker per core by default. */
  SFU_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Peers one router carries before a sitting spreads to another worker's router (pipeToRouter). */
  SFU_PEERS_PER_ROUTER: z.coerce.number().int().min(1).default(250),
  /** A student stops sending a simulcast layer this long after the last watcher stopped wanting it. */
  SFU_LAYER_LOWER_AFTER_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  MEDIA_TOKEN_SECRET: z.string().min(32, 'use at least 32 characters'),
  /** Set with several SFU nodes: each announces itself and its load in Redis. */
  REDIS_URL: z.string().url().optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('adal'),
  /** Where browsers reach this node's signalling; default http://SFU_HOST:SFU_PORT. */
  SFU_PUBLIC_URL: z.string().url().optional(),
  SFU_NODE_ID: z.string().min(1).max(128).optional(),
  /** The main server's internal API, for media events; unset: events are not reported. */
  SERVER_INTERNAL_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Record every student's webcam+microphone, screen and phone (needs ffmpeg for exports). */
  SFU_RECORDING: z.enum(['on', 'off']).default('on'),
  SFU_RECORDINGS_DIR: z.string().default(fileURLToPath(new URL('../../data/recordings', import.meta.url))),
  /** A new segment (capture file + sidecar) starts every this many minutes, on the wall clock. */
  SFU_RECORDING_SEGMENT_MINUTES: z.coerce.number().min(0.05).max(240).default(10),
  SFU_FFMPEG: z.string().default('ffmpeg'),
});

export interface SfuConfig {
  host: string;
  port: number;
  listenIp: string;
  announcedIp: string | undefined;
  rtcMinPort: number;
  rtcMaxPort: number;
  workers: number;
  peersPerRouter: number;
  layerLowerAfterMs: number;
  mediaTokenSecret: string;
  serverInternalUrl: string | undefined;
  redisUrl: string | undefined;
  queuePrefix: string;
  publicUrl: string | undefined;
  nodeId: string | undefined;
  logLevel: string;
  recording: RecordingConfig;
}

export class SfuConfigError extends Error {
  override name = 'SfuConfigError';
}

export function loadSfuConfig(env: NodeJS.ProcessEnv = process.env): SfuConfig {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success)
    throw new SfuConfigError(
      `Invalid SFU environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  const e = parsed.data;
  if (e.SFU_RTC_MAX_PORT <= e.SFU_RTC_MIN_PORT)
    throw new SfuConfigError('Invalid SFU environment:\n  SFU_RTC_MAX_PORT: must be above SFU_RTC_MIN_PORT');
  return {
    host: e.SFU_HOST,
    port: e.SFU_PORT,
    listenIp: e.SFU_LISTEN_IP,
    announcedIp: e.SFU_ANNOUNCED_IP,
    rtcMinPort: e.SFU_RTC_MIN_PORT,
    rtcMaxPort: e.SFU_RTC_MAX_PORT,
    workers: e.SFU_WORKERS ?? cpus().length,
    peersPerRouter: e.SFU_PEERS_PER_ROUTER,
    layerLowerAfterMs: e.SFU_LAYER_LOWER_AFTER_MS,
    mediaTokenSecret: e.MEDIA_TOKEN_SECRET,
    serverInternalUrl: e.SERVER_INTERNAL_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    publicUrl: e.SFU_PUBLIC_URL,
    nodeId: e.SFU_NODE_ID,
    logLevel: e.LOG_LEVEL,
    recording: {
      enabled: e.SFU_RECORDING === 'on',
      dir: e.SFU_RECORDINGS_DIR,
      segmentMs: Math.round(e.SFU_RECORDING_SEGMENT_MINUTES * 60_000),
      ffmpeg: e.SFU_FFMPEG,
    },
  };
}
