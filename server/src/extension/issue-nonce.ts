import { randomBytes } from 'node:crypto';
import type { ExtensionNonce } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { extensionSessions } from './schema.js';

/** A nonce is good for this long: the page asks the extension at once, so minutes are plenty. */
export const NONCE_TTL_MS = 5 * 60_000;

/**
 * A fresh handshake nonce for the student's extension (issue 8). One per student and sitting:
 * a new one replaces the last, so only the page that asked latest can finish the handshake.
 */
export async function issueNonce(
  ctx: AppContext,
  sittingId: string,
  studentId: string,
): Promise<ExtensionNonce> {
  const nonce = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + NONCE_TTL_MS);
  await ctx.db
    .insert(extensionSessions)
    .values({ sittingId, studentId, nonce, nonceExpiresAt: expiresAt })
    .onConflictDoUpdate({
      target: [extensionSessions.sittingId, extensionSessions.studentId],
      set: { nonce, nonceExpiresAt: expiresAt },
    });
  return { nonce, expiresAt: expiresAt.toISOString() };
}
