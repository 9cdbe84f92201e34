import { ADMITTING_ROLES } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting, isOnRoster } from '../sittings/sitting-access.js';
import { drawSitting } from './draw-sitting.js';
import { ticketBoard as board, drawTicket as draw } from './draw-ticket.js';
import { drawOverview, loadReveal, revealDraw } from './reveal.js';
import { showTicket, studentDraw } from './ticket-views.js';

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

export const ticketBoard = defineRoute('ticketBoard', {
  access: ['student'],
  handle: ({ actor, params, ctx }) => board(ctx, actor, params.sittingId),
});

export const drawTicket = defineRoute('drawTicket', {
  access: ['student'],
  handle: ({ actor, params, body, ctx }) => draw(ctx, actor, params.sittingId, body.card),
});

export const sittingTicketDraw = defineRoute('sittingTicketDraw', {
  access: WATCHERS,
  owns: ownsSitting,
  handle: ({ params, ctx }) => drawOverview(ctx, params.sittingId),
});

export const revealTicketDraw = defineRoute('revealTicketDraw', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  handle: ({ actor, params, ctx }) => revealDraw(ctx, actor, params.sittingId),
});

/** Students of the sitting check the draw too: the reveal hides who drew what from them. */
export const ticketDrawReveal = defineRoute('ticketDrawReveal', {
  access: 'authenticated',
  owns: ownsSitting,
  handle: ({ actor, params, ctx }) => loadReveal(ctx, actor, params.sittingId),
});

export const studentTicket = defineRoute('studentTicket', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ actor, params, ctx }) {
    await drawSitting(ctx.db, params.sittingId);
    if (!(await isOnRoster(ctx.db, params.sittingId, params.studentId)))
      throw new HttpError('not_found', 'This student is not on the sitting list.');
    const drawn = await studentDraw(ctx.db, params.sittingId, params.studentId);
    if (!drawn) throw new HttpError('not_found', 'This student has not drawn a ticket yet.');
    const [student] = await ctx.db
      .select({ fullName: users.fullName })
      .from(users)
      .where(eq(users.id, params.studentId));
    return {
      ...(await showTicket(ctx, drawn, actor)),
      studentId: params.studentId,
      fullName: student?.fullName ?? '',
    };
  },
});
