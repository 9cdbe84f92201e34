import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** ./data at the repository root, whichever folder the server was started from. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable the server reads; `.env.example` documents each. */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  REDIS_URL: z.string().url().optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('adal'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(12),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(256 * 1024),
  SEED_ON_EMPTY: bool.optional(),
  SERVE_APPS: bool.default(true),
  MEDIA_TOKEN_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  SFU_PUBLIC_URL: z.string().url().default('http://127.0.0.1:3010'),
  /** More SFU origins browsers may connect to (several nodes), comma-separated. */
  SFU_CONNECT_ORIGINS: z.string().optional(),
  /** embedded: this process runs and supervises the SFU as a child; external: it runs elsewhere. */
  SFU_MODE: z.enum(['embedded', 'external']).default('embedded'),
  /** Where the SFU reaches this server's internal API (media events). */
  SERVER_INTERNAL_URL: z.string().url().optional(),
  /** The university's clock: calendar days in filters and reports are its days. */
  UNIVERSITY_TIME_ZONE: z
    .string()
    .default('Asia/Almaty')
    .refine((z) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: z });
        return true;
      } catch {
        return false;
      }
    }, 'not a time zone (e.g. Asia/Almaty)'),
  /** Sockets ask the database whether their session still exists at most this often (expiry is checked on every event). */
  SOCKET_SESSION_RECHECK_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** Recordings are deleted this many days after they end (daily sweep on every SFU node). */
  RECORDING_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Unset: in-process scheduler and single-process socket.io. */
  redisUrl: string | undefined;
  queuePrefix: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  apiRateLimitPerMinute: number;
  bodyLimitBytes: number;
  seedOnEmpty: boolean;
  serveApps: boolean;
  logLevel: string;
  /** Shared with the SFU, which checks the tokens; random per process when unset (one process only). */
  mediaTokenSecret: string;
  mediaTokenSecretGenerated: boolean;
  /** Where browsers reach the SFU's signalling socket. */
  sfuPublicUrl: string;
  sfuMode: 'embedded' | 'external';
  /** Origins of every SFU node, for the pages' Content-Security-Policy connect-src. */
  sfuOrigins: string[];
  serverInternalUrl: string | undefined;
  recordingRetentionDays: number;
  socketSessionRecheckSeconds: number;
  universityTimeZone: string;
}

/** An SFU's http(s) origin and the ws(s) origin its socket.io upgrades to. */
function sfuOrigins(publicUrl: string, extra: string | undefined): string[] {
  const urls = [
    publicUrl,
    ...(extra ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  ];
  return urls.flatMap((u) => {
    const { protocol, host } = new URL(u);
    return [`${protocol}//${host}`, `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`];
  });
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment, failing fast with the names of the bad variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginRateWindowSeconds: e.LOGIN_RATE_WINDOW_SECONDS,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    // The embedded database seeds itself so `npm start` shows a working university at once.
    seedOnEmpty: e.SEED_ON_EMPTY ?? e.DATABASE_URL === undefined,
    serveApps: e.SERVE_APPS,
    logLevel: e.LOG_LEVEL,
    mediaTokenSecret: e.MEDIA_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    mediaTokenSecretGenerated: e.MEDIA_TOKEN_SECRET === undefined,
    sfuPublicUrl: e.SFU_PUBLIC_URL,
    sfuMode: e.SFU_MODE,
    sfuOrigins: sfuOrigins(e.SFU_PUBLIC_URL, e.SFU_CONNECT_ORIGINS),
    serverInternalUrl: e.SERVER_INTERNAL_URL,
    recordingRetentionDays: e.RECORDING_RETENTION_DAYS,
    socketSessionRecheckSeconds: e.SOCKET_SESSION_RECHECK_SECONDS,
    universityTimeZone: e.UNIVERSITY_TIME_ZONE,
  };
}
