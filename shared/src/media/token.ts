import { jwtVerify, SignJWT } from 'jose';
import { MediaGrant } from './sources.js';

/**
 * The short-lived token the server mints and the SFU checks: HS256 over a shared secret, audience
 * "adal-sfu". Imported by the server and the SFU only (subpath `@adal/shared/media-token`).
 */
const AUDIENCE = 'adal-sfu';
const ISSUER = 'adal-server';

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signMediaToken(grant: MediaGrant, secret: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ grant })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(grant.userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

export class MediaTokenError extends Error {
  override name = 'MediaTokenError';
}

/** The grant of a valid, unexpired token; throws MediaTokenError otherwise. */
export async function verifyMediaToken(token: string, secret: string): Promise<MediaGrant> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      audience: AUDIENCE,
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    return MediaGrant.parse(payload.grant);
  } catch (error) {
    throw new MediaTokenError(error instanceof Error ? error.message : 'invalid media token');
  }
}

/**
 * Our services call each other's internal APIs with these tokens (same secret, their own
 * audiences): the SFU reports media events to the server; the server lists, downloads and
 * deletes recordings on SFU nodes.
 */
export const SERVICE_AUDIENCE = { server: 'adal-server-internal', sfu: 'adal-sfu-internal' } as const;
export type ServiceAudience = keyof typeof SERVICE_AUDIENCE;

export async function signServiceToken(
  service: string,
  secret: string,
  ttlSeconds = 60,
  audience: ServiceAudience = 'server',
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(service)
    .setAudience(SERVICE_AUDIENCE[audience])
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** The calling service's name, or MediaTokenError. */
export async function verifyServiceToken(
  token: string,
  secret: string,
  audience: ServiceAudience = 'server',
): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      audience: SERVICE_AUDIENCE[audience],
      algorithms: ['HS256'],
    });
    if (typeof payload.iss !== 'string') throw new Error('no issuer');
    return payload.iss;
  } catch (error) {
    throw new MediaTokenError(error instanceof Error ? error.message : 'invalid service token');
  }
}
