import { type ExtensionHeartbeatBody, type ExtensionStatus, HEARTBEAT_SECONDS } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { HttpError } from '../http/http-error.js';
import { takeFlagReports } from '../proctoring/flag-intake.js';
import { type ExtensionSession, toStatus, whereSession } from './extension-session.js';
import { extensionSessions } from './schema.js';

/** When a silence began: the heartbeat after the last one that came was due then. */
export const silenceStart = (lastHeartbeatAt: Date | null, now: number) =>
  new Date(Math.min(now, (lastHeartbeatAt?.getTime() ?? now) + HEARTBEAT_SECONDS * 1000));

/**
 * A heartbeat of the extension, passed on by the exam page: the lockdown's state and what the
 * extension sees of the browser. One after a silence ends the open extension_missing episode.
 */
export async function heartbeat(
  ctx: AppContext,
  sittingId: string,
  studentId: string,
  body: ExtensionHeartbeatBody,
): Promise<ExtensionStatus> {
  const now = new Date();
  const result = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(extensionSessions)
      .where(whereSession(sittingId, studentId))
      .for('update');
    if (!before?.handshakeAt) return null;
    const [after] = await tx
      .update(extensionSessions)
      .set({
        lastHeartbeatAt: now,
        lockdownActive: body.active,
        environment: body.environment,
        silentEpisodeId: null,
      })
      .where(whereSession(sittingId, studentId))
      .returning();
    if (!after) throw new Error('extension session update returned no row');
    return { before, after };
  });
  if (!result)
    throw new HttpError('extension_no_handshake', 'No extension handshake in this sitting yet; do it first.');
  await endSilence(ctx, result.before, now);
  return toStatus(result.after);
}

/** The silent episode (if one was open) ends now: the extension is back. */
async function endSilence(ctx: AppContext, before: ExtensionSession, now: Date): Promise<void> {
  if (!before.silentEpisodeId) return;
  await takeFlagReports(ctx, before.sittingId, before.studentId, [
    {
      episodeId: before.silentEpisodeId,
      type: 'extension_missing',
      startedAt: silenceStart(before.lastHeartbeatAt, now.getTime()).toISOString(),
      endedAt: now.toISOString(),
      confidence: 100,
    },
  ]);
}
