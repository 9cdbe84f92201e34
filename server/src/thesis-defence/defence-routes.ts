import { COMMISSION_ROLES } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { seatOf } from '../commission-grades/commission-sitting.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting, isOnRoster } from '../sittings/sitting-access.js';
import { askDefenceQuestion as ask } from './ask-question.js';
import { runDefenceAction } from './defence-actions.js';
import { loadDefence, scheduleView, studentDefenceView } from './defence-state.js';

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

/**
 * Who runs the defences: the technical secretary and the chair by their seat on this sitting's
 * commission (not their account's role), and admins. Members watch.
 */
async function mayRun(db: Db, actor: Actor, sittingId: string): Promise<boolean> {
  if (actor.role === 'admin') return true;
  const seat = await seatOf(db, actor.id, sittingId);
  return seat === 'secretary' || seat === 'chair';
}
const RUNNERS = [...COMMISSION_ROLES, 'admin'] as const;
const runsSitting = ({ actor, params, ctx }: Owns) => mayRun(ctx.db, actor, params.sittingId);

export const defenceSchedule = defineRoute('defenceSchedule', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ actor, params, ctx }) {
    const [loaded, canRun] = await Promise.all([
      loadDefence(ctx.db, params.sittingId),
      mayRun(ctx.db, actor, params.sittingId),
    ]);
    return scheduleView(loaded, canRun);
  },
});

export const defenceAction = defineRoute('defenceAction', {
  access: RUNNERS,
  owns: runsSitting,
  handle: ({ actor, params, body, ctx }) =>
    runDefenceAction(ctx, actor, params.sittingId, params.studentId, body),
});

export const askDefenceQuestion = defineRoute('askDefenceQuestion', {
  access: RUNNERS,
  owns: runsSitting,
  status: 201,
  handle: ({ actor, params, body, ctx }) => ask(ctx, actor, params.sittingId, params.studentId, body.text),
});

export const studentDefence = defineRoute('studentDefence', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    if (!(await isOnRoster(ctx.db, params.sittingId, actor.id)))
      throw new HttpError('not_found', 'Sitting not found.');
    return studentDefenceView(await loadDefence(ctx.db, params.sittingId), actor.id);
  },
});
