import type { MediaGrant, MediaSource } from '@adal/shared';
import { signMediaToken } from '@adal/shared/media-token';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { stopSourcesOfLostNode } from './lost-node.js';
import { WATCHERS } from './watchers.js';

const COMPUTER_SOURCES: MediaSource[] = ['webcam', 'microphone', 'screen'];
/**
 * The computer may also publish the exam tab (issue 8). It is optional: Chrome starts the capture
 * only on the student's click on the extension button, so losing it never suspends the attempt.
 */
const COMPUTER_GRANT: MediaSource[] = [...COMPUTER_SOURCES, 'tab'];
/** A computer token is refreshed on every (re)connect; the phone needs time to scan the QR code. */
const TTL_SECONDS = { computer: 5 * 60, phone: 30 * 60 } as const;

export const mediaToken = defineRoute('mediaToken', {
  access: ['student', ...WATCHERS],
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, body, ctx }) {
    const student = actor.role === 'student';
    if (!student && body.device === 'phone')
      throw new HttpError('validation_failed', 'Only students publish a phone camera.', [
        { path: 'body.device', message: 'only students publish a phone camera' },
      ]);
    const grant: MediaGrant = {
      userId: actor.id,
      sittingId: params.sittingId,
      peerRole: student ? 'student' : 'watcher',
      studentId: student ? actor.id : null,
      sources: student ? (body.device === 'phone' ? ['phone'] : COMPUTER_GRANT) : [],
    };
    const ttl = TTL_SECONDS[body.device];
    const token = await signMediaToken(grant, ctx.config.mediaTokenSecret, ttl);
    return {
      token,
      // The first ticket after the sitting's node died records the stops that node never reported.
      sfuUrl: await ctx.sfu.urlFor(params.sittingId, (lastSeen) =>
        stopSourcesOfLostNode(ctx, params.sittingId, lastSeen),
      ),
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      grant,
    };
  },
});
