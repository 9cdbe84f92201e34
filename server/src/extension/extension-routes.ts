import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { consume } from '../http/rate-limits.js';
import { WATCHERS } from '../media/watchers.js';
import { sittingEnded } from '../proctoring/proctoring-state.js';
import { canSeeSitting, requireOnRoster } from '../sittings/sitting-access.js';
import { loadSession, toStatus } from './extension-session.js';
import { handshake } from './handshake.js';
import { heartbeat } from './heartbeat.js';
import { issueNonce } from './issue-nonce.js';

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

/** The student's own sitting, not ended by a proctor (the extension has nothing to do after). */
async function requireSitting(ctx: AppContext, sittingId: string, studentId: string) {
  await requireOnRoster(ctx.db, sittingId, studentId);
  if (await sittingEnded(ctx.db, sittingId, studentId))
    throw new HttpError('conflict', 'Your sitting is over; the extension is no longer needed.');
}

export const extensionNonce = defineRoute('extensionNonce', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    await requireSitting(ctx, params.sittingId, actor.id);
    await consume(ctx.limits.extensionNonces, `${params.sittingId}:${actor.id}`);
    return issueNonce(ctx, params.sittingId, actor.id);
  },
});

export const extensionHandshake = defineRoute('extensionHandshake', {
  access: ['student'],
  async handle({ actor, params, body, ctx }) {
    await requireSitting(ctx, params.sittingId, actor.id);
    return handshake(ctx, params.sittingId, actor.id, body);
  },
});

export const extensionHeartbeat = defineRoute('extensionHeartbeat', {
  access: ['student'],
  async handle({ actor, params, body, ctx }) {
    await requireSitting(ctx, params.sittingId, actor.id);
    await consume(ctx.limits.extensionHeartbeats, `${params.sittingId}:${actor.id}`);
    return heartbeat(ctx, params.sittingId, actor.id, body);
  },
});

/** The sitting's proctors, its commission and admins (as for identity checks and the live feeds). */
export const studentExtension = defineRoute('studentExtension', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ params, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    return toStatus(await loadSession(ctx.db, params.sittingId, params.studentId));
  },
});
