import { timingSafeEqual } from 'node:crypto';
import {
  EXTENSION_PROTOCOL,
  type ExtensionHandshakeBody,
  type ExtensionStatus,
  MIN_EXTENSION_VERSION,
  versionAtLeast,
} from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { HttpError } from '../http/http-error.js';
import { type ExtensionSession, toStatus, whereSession } from './extension-session.js';
import { extensionSessions } from './schema.js';

const sameNonce = (stored: string, given: string) => {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

const nonceInvalid = () =>
  new HttpError(
    'extension_nonce_invalid',
    'This handshake nonce is wrong, used or expired; ask for a new one.',
    [{ path: 'body.nonce', message: 'not the nonce issued, or used or expired' }],
  );

const outdated = (body: ExtensionHandshakeBody) =>
  new HttpError(
    'extension_outdated',
    `The extension must speak protocol ${EXTENSION_PROTOCOL} and be version ${MIN_EXTENSION_VERSION} or later.`,
    body.protocol === EXTENSION_PROTOCOL
      ? [{ path: 'body.version', message: `older than ${MIN_EXTENSION_VERSION}` }]
      : [{ path: 'body.protocol', message: `not protocol ${EXTENSION_PROTOCOL}` }],
  );

/**
 * The extension's hello, passed on by the exam page: it echoes the nonce this server issued
 * (proof that our extension answered this page, not a page pretending to have one). A nonce
 * works once: it is cleared when presented, even if the extension turns out to be too old.
 */
export async function handshake(
  ctx: AppContext,
  sittingId: string,
  studentId: string,
  body: ExtensionHandshakeBody,
): Promise<ExtensionStatus> {
  const now = new Date();
  const compatible =
    body.protocol === EXTENSION_PROTOCOL && versionAtLeast(body.version, MIN_EXTENSION_VERSION);
  const outcome = await ctx.db.transaction(
    async (tx): Promise<ExtensionSession | 'nonce_invalid' | 'outdated'> => {
      const [row] = await tx
        .select()
        .from(extensionSessions)
        .where(whereSession(sittingId, studentId))
        .for('update');
      if (
        !row?.nonce ||
        !row.nonceExpiresAt ||
        row.nonceExpiresAt <= now ||
        !sameNonce(row.nonce, body.nonce)
      )
        return 'nonce_invalid';
      const cleared = { nonce: null, nonceExpiresAt: null };
      const changes = compatible
        ? { ...cleared, version: body.version, extensionId: body.extensionId, handshakeAt: now }
        : cleared;
      const [updated] = await tx
        .update(extensionSessions)
        .set(changes)
        .where(whereSession(sittingId, studentId))
        .returning();
      await recordAudit(tx, {
        actorId: studentId,
        action: compatible ? 'extension.handshake' : 'extension.outdated',
        subject: row.id,
        details: { sittingId, version: body.version, protocol: body.protocol, extensionId: body.extensionId },
      });
      if (!compatible) return 'outdated';
      if (!updated) throw new Error('extension session update returned no row');
      return updated;
    },
  );
  if (outcome === 'nonce_invalid') throw nonceInvalid();
  if (outcome === 'outdated') throw outdated(body);
  return toStatus(outcome);
}
