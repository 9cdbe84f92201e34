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
