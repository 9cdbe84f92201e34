import { ADMITTING_ROLES } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting, isOnRoster } from '../sittings/sitting-access.js';
import { callNext } from './call-next.js';
import { queueView, studentQueueView } from './queue-state.js';

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

export const oralQueue = defineRoute('oralQueue', {
  access: WATCHERS,
  owns: ownsSitting,
  handle: ({ params, ctx }) => queueView(ctx.db, params.sittingId),
});

/** The proctor, or in a state exam the technical secretary (or the chair), moves the queue on. */
export const callNextStudent = defineRoute('callNextStudent', {
  access: [...ADMITTING_ROLES, 'commission_chair'],
  owns: ownsSitting,
  handle: ({ actor, params, ctx }) => callNext(ctx, actor, params.sittingId),
});

export const studentQueue = defineRoute('studentQueue', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    if (!(await isOnRoster(ctx.db, params.sittingId, actor.id)))
      throw new HttpError('not_found', 'Sitting not found.');
    return studentQueueView(ctx.db, params.sittingId, actor.id);
  },
});
