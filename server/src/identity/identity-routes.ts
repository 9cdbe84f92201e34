import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ADMITTING_ROLES, STREAMED } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError, notFound } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting, requireOnRoster } from '../sittings/sitting-access.js';
import { latestChecks, studentChecks } from './check-views.js';
import { decideCheck } from './decide-check.js';
import { photoPath } from './identity-photos.js';
import { identityChecks } from './schema.js';
import { submitCheck } from './submit-check.js';

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

export const submitIdentityCheck = defineRoute('submitIdentityCheck', {
  access: ['student'],
  status: 201,
  handle: ({ actor, params, body, ctx }) => submitCheck(ctx, actor, params.sittingId, body),
});

export const studentIdentityChecks = defineRoute('studentIdentityChecks', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, actor.id);
    return studentChecks(ctx.db, params.sittingId, actor.id);
  },
});

/** The sitting's proctors, its commission and admins: each student's latest check. */
export const sittingIdentityChecks = defineRoute('sittingIdentityChecks', {
  access: WATCHERS,
  owns: ownsSitting,
  handle: ({ params, ctx }) => latestChecks(ctx.db, params.sittingId),
});

/**
 * A check's face or document photo: to the sitting's staff and to the student whose photo it is
 * (another student is refused before any lookup). The ids in the path only select a row; the
 * file's path comes from the row.
 */
export const identityPhoto = defineRoute('identityPhoto', {
  access: ['student', ...WATCHERS],
  owns: ({ actor, params, ctx }) =>
    actor.role === 'student' && actor.id !== params.studentId
      ? Promise.resolve(false)
      : canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, query, ctx, res }) {
    const [row] = await ctx.db
      .select({ face: identityChecks.faceStorageKey, document: identityChecks.documentStorageKey })
      .from(identityChecks)
      .where(
        and(
          eq(identityChecks.id, params.checkId),
          eq(identityChecks.sittingId, params.sittingId),
          eq(identityChecks.studentId, params.studentId),
        ),
      );
    if (!row) throw notFound('Identity check');
    const file = photoPath(ctx.config, row[query.photo]);
    const size = await stat(file).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) {
      ctx.log.error({ checkId: params.checkId, file }, 'identity photo missing');
      throw new HttpError('not_found', 'This identity photo is missing; tell an administrator.');
    }
    res.status(200);
    res.type('image/jpeg');
    res.setHeader('content-length', String(size));
    res.setHeader('x-content-type-options', 'nosniff');
    // A face and an ID document: kept by no cache on the way, nor in the browser.
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-disposition', `inline; filename="identity-${query.photo}.jpg"`);
    await new Promise<void>((resolve) => {
      const body = createReadStream(file);
      body.on('error', (error) => {
        ctx.log.warn({ err: error, checkId: params.checkId }, 'identity photo download cut short');
        res.destroy(error);
        resolve();
      });
      res.on('close', () => {
        body.destroy();
        resolve();
      });
      body.pipe(res);
    });
    return STREAMED;
  },
});

/**
 * Verified, retake or rejected, by those who admit (the proctor, a state exam's technical
 * secretary, admins) on their own sitting. Admission itself stays the Admit button (setAdmission).
 */
export const decideIdentityCheck = defineRoute('decideIdentityCheck', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    return decideCheck(ctx, actor, params, body);
  },
});
