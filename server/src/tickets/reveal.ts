import {
  type StaffDrawRow,
  TICKET_DRAW_FORMAT,
  type TicketDrawOverview,
  type TicketDrawReveal,
  tableAfter,
} from '@adal/shared';
import { asc, eq } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { type DrawPlanRow, ensurePlan, loadPlan } from './draw-plan.js';
import { drawSitting, lockDraw, rosterSize } from './draw-sitting.js';
import { ticketDrawPlans, ticketDraws } from './schema.js';

/** Every draw of a sitting with its student's name, in drawing order. */
function drawsWithNames(db: Db | Tx, sittingId: string) {
  return db
    .select({ draw: ticketDraws, fullName: users.fullName })
    .from(ticketDraws)
    .innerJoin(users, eq(users.id, ticketDraws.studentId))
    .where(eq(ticketDraws.sittingId, sittingId))
    .orderBy(asc(ticketDraws.seq));
}

/** The draw as the sitting's watchers follow it (ticket numbers, not the order or the salt). */
export async function drawOverview(ctx: AppContext, sittingId: string): Promise<TicketDrawOverview> {
  const sitting = await drawSitting(ctx.db, sittingId);
  const plan = await ensurePlan(ctx.db, sitting);
  const rows = await drawsWithNames(ctx.db, sittingId);
  const table = tableAfter(plan.poolSize, plan.ticketOrder.length, rows.length);
  return {
    sittingId,
    commitment: plan.commitment,
    poolSize: plan.poolSize,
    rounds: plan.ticketOrder.length,
    round: table.round,
    faceDown: table.faceDown,
    rosterSize: await rosterSize(ctx.db, sitting.id),
    createdAt: plan.createdAt.toISOString(),
    revealedAt: plan.revealedAt?.toISOString() ?? null,
    draws: rows.map(
      ({ draw, fullName }): StaffDrawRow => ({
        studentId: draw.studentId,
        fullName,
        ticketNumber: draw.ticketNumber,
        card: draw.card,
        faceDown: draw.faceDown,
        round: draw.round,
        drawnAt: draw.drawnAt.toISOString(),
      }),
    ),
  };
}

async function revealOf(
  db: Db | Tx,
  plan: DrawPlanRow & { revealedAt: Date },
  viewer: Actor,
): Promise<TicketDrawReveal> {
  const staff = viewer.role !== 'student';
  return {
    sittingId: plan.sittingId,
    format: TICKET_DRAW_FORMAT,
    commitment: plan.commitment,
    salt: plan.salt,
    order: plan.ticketOrder,
    revealedAt: plan.revealedAt.toISOString(),
    draws: (await drawsWithNames(db, plan.sittingId)).map(({ draw, fullName }) => ({
      seq: draw.seq,
      round: draw.round,
      card: draw.card,
      faceDown: draw.faceDown,
      position: draw.position,
      ticketNumber: draw.ticketNumber,
      drawnAt: draw.drawnAt.toISOString(),
      // Students check the draw without learning who drew what.
      student: staff ? { id: draw.studentId, fullName } : null,
      mine: draw.studentId === viewer.id,
    })),
  };
}

const isRevealed = (plan: DrawPlanRow): plan is DrawPlanRow & { revealedAt: Date } =>
  plan.revealedAt !== null;

/**
 * Staff end the draw: no one draws after this, and the order and salt are published so anyone
 * can check every draw against the commitment. Revealing again returns the same reveal.
 */
export async function revealDraw(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
): Promise<TicketDrawReveal> {
  await ensurePlan(ctx.db, await drawSitting(ctx.db, sittingId));
  return ctx.db.transaction(async (tx) => {
    // Under the draw lock: a draw under way finishes first, none starts after.
    await lockDraw(tx, sittingId);
    const plan = await loadPlan(tx, sittingId);
    if (!plan) throw new Error('ticket draw plan missing');
    if (isRevealed(plan)) return revealOf(tx, plan, actor);
    const revealedAt = new Date();
    const [revealed] = await tx
      .update(ticketDrawPlans)
      .set({ revealedAt, revealedBy: actor.id })
      .where(eq(ticketDrawPlans.sittingId, sittingId))
      .returning();
    if (!revealed || !isRevealed(revealed)) throw new Error('ticket draw plan update returned no row');
    const reveal = await revealOf(tx, revealed, actor);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'ticket_draw.revealed',
      subject: sittingId,
      details: { commitment: plan.commitment, draws: reveal.draws.length },
    });
    return reveal;
  });
}

/** The published reveal, for anyone who can see the sitting; 409 while the draw is still open. */
export async function loadReveal(
  ctx: AppContext,
  viewer: Actor,
  sittingId: string,
): Promise<TicketDrawReveal> {
  await drawSitting(ctx.db, sittingId);
  const plan = await loadPlan(ctx.db, sittingId);
  if (!plan || !isRevealed(plan))
    throw new HttpError(
      'conflict',
      'The draw is still open: the order and salt are published when staff end the draw.',
    );
  return revealOf(ctx.db, plan, viewer);
}
