import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { HttpError } from './http-error.js';

export interface RateLimits {
  /** Per client address and login name: slows password guessing. */
  login: RateLimiterAbstract;
  /**
   * Per client address, failed logins only: slows one password sprayed over many logins. Twenty
   * times the per-login budget, since a computer lab's students share one address and mistype.
   */
  loginFailuresPerAddress: RateLimiterAbstract;
  /** Per client address, every API call. */
  api: RateLimiterAbstract;
  /** Per socket, every inbound event. */
  socketEvents: RateLimiterAbstract;
  /** Per student: automatic flag reports (each request carries up to 20). */
  flagReports: RateLimiterAbstract;
  /** Per student and sitting: extension handshake nonces (a page reload asks for one). */
  extensionNonces: RateLimiterAbstract;
  /** Per student and sitting: extension heartbeats (one every 10 s, with room for retries). */
  extensionHeartbeats: RateLimiterAbstract;
}

/** Shared in Redis when several processes serve together; in memory otherwise. */
export function createRateLimits(config: Config, redis: Redis | undefined): RateLimits {
  const make = (keyPrefix: string, points: number, duration: number) =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${config.queuePrefix}:rl:${keyPrefix}`,
          points,
          duration,
          // Redis down (restarting, failing over): count in this process instead of refusing with
          // an error, so the site stays usable; the shared count resumes when Redis is back.
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${keyPrefix}-local`, points, duration }),
          // ...at once: without this a request waits in ioredis's queue until Redis is back.
          rejectIfRedisNotReady: true,
        })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  return {
    login: make('login', config.loginRateLimit, config.loginRateWindowSeconds),
    loginFailuresPerAddress: make('login-ip', config.loginRateLimit * 20, config.loginRateWindowSeconds),
    api: make('api', config.apiRateLimitPerMinute, 60),
    // A socket lives on one process: its budget is kept there, no Redis round trip per event.
    socketEvents: new RateLimiterMemory({ keyPrefix: 'socket', points: 100, duration: 10 }),
    flagReports: make('flags', 60, 60),
    extensionNonces: make('ext-nonce', 30, 60),
    extensionHeartbeats: make('ext-heartbeat', 20, 60),
  };
}

/** Consumes one point or throws 429 with Retry-After. */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new HttpError('rate_limited', `Too many requests; try again in ${seconds} s.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}
