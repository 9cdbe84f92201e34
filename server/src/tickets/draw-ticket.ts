import { cardToPosition, type DrawBlock, type DrawnTicket, type TicketBoard, tableAfter } from '@adal/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { announce, scheduleDeadline } from '../attempts/attempt-clock.js';
import { isAdmitted } from '../attempts/attempt-queries.js';
import { tickets } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { sittingEnded } from '../proctoring/proctoring-state.js';
import { isOnRoster } from '../sittings/sitting-access.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { type DrawPlanRow, ensurePlan, loadPlan } from './draw-plan.js';
import { type DrawSitting, drawSitting, lockDraw } from './draw-sitting.js';
import { ticketDraws } from './schema.js';
import { drawnTicket, showTicket, studentDraw } from './ticket-views.js';
import { startWriting, writingClock } from './writing-time.js';

const BLOCKED: Record<DrawBlock, string> = {
  not_admitted: 'The proctor has not admitted you yet.',
  sitting_ended: 'Your sitting is over (ended by the proctor); no ticket can be drawn.',
  draw_closed:
    'The draw is closed: the order of the tickets has been revealed, so a new draw could not be fair. Tell your proctor.',
  no_tickets_left: 'Every ticket of every round has been drawn; tell your proctor.',
};

/** The sitting, if the student is on its list (another group's sitting is "not found"). */
async function studentSitting(db: Db, student: Actor, sittingId: string): Promise<DrawSitting> {
  if (!(await isOnRoster(db, sittingId, student.id))) throw new HttpError('not_found', 'Sitting not found.');
  return drawSitting(db, sittingId);
}

/** The draws so far, in drawing order (round and position only: what the table needs). */
function drawsSoFar(db: Db | Tx, sittingId: string) {
  return db
    .select({ round: ticketDraws.round, position: ticketDraws.position })
    .from(ticketDraws)
    .where(eq(ticketDraws.sittingId, sittingId))
    .orderBy(asc(ticketDraws.seq));
}

const roundsOf = (plan: DrawPlanRow) => plan.ticketOrder.length;

/** Why the student may not draw now, if anything stops them (a plan not made yet blocks nothing). */
async function blockOf(
  db: Db | Tx,
  sittingId: string,
  studentId: string,
  plan: DrawPlanRow | undefined,
  drawn: number,
): Promise<DrawBlock | null> {
  if (plan?.revealedAt) return 'draw_closed';
  if (await sittingEnded(db, sittingId, studentId)) return 'sitting_ended';
  if (!(await isAdmitted(db, sittingId, studentId))) return 'not_admitted';
  if (plan && tableAfter(plan.poolSize, roundsOf(plan), drawn).exhausted) return 'no_tickets_left';
  return null;
}

/**
 * The student's table: the commitment and the cards face down; their ticket once drawn (the
 * view is logged). Nothing about the order or any ticket's content before the student's draw.
 */
export async function ticketBoard(ctx: AppContext, student: Actor, sittingId: string): Promise<TicketBoard> {
  const plan = await ensurePlan(ctx.db, await studentSitting(ctx.db, student, sittingId));
  const drawn = (await drawsSoFar(ctx.db, sittingId)).length;
  const table = tableAfter(plan.poolSize, roundsOf(plan), drawn);
  const mine = await studentDraw(ctx.db, sittingId, student.id);
  return {
    sittingId,
    commitment: plan.commitment,
    poolSize: plan.poolSize,
    rounds: roundsOf(plan),
    round: table.round,
    faceDown: table.faceDown,
    revealed: plan.revealedAt !== null,
    blockedBy: mine ? null : await blockOf(ctx.db, sittingId, student.id, plan, drawn),
    myTicket: mine ? await showTicket(ctx, mine, student) : null,
    writing: mine ? await writingClock(ctx.db, sittingId, student.id) : null,
  };
}

/**
 * The student picks a face-down card and gets the ticket at its position. Final and idempotent:
 * a student who drew gets the same ticket back whatever card they name (two tabs, a double click,
 * a reload). Draws of one sitting run one at a time under its lock.
 */
export async function drawTicket(
  ctx: AppContext,
  student: Actor,
  sittingId: string,
  card: number,
): Promise<DrawnTicket> {
  const sitting = await studentSitting(ctx.db, student, sittingId);
  const earlier = await studentDraw(ctx.db, sittingId, student.id);
  if (earlier) return showTicket(ctx, earlier, student);
  // Refuse before making a plan: a refused draw changes nothing.
  const existing = await loadPlan(ctx.db, sittingId);
  const early = await blockOf(
    ctx.db,
    sittingId,
    student.id,
    existing,
    existing ? (await drawsSoFar(ctx.db, sittingId)).length : 0,
  );
  if (early) throw new HttpError('conflict', BLOCKED[early]);
  const plan = existing ?? (await ensurePlan(ctx.db, sitting));
  if (card >= plan.poolSize)
    throw new HttpError('validation_failed', `The pool has ${plan.poolSize} tickets.`, [
      { path: 'body.card', message: `a card from 0 to ${plan.poolSize - 1}` },
    ]);
  const done = await ctx.db.transaction(async (tx) => {
    await lockDraw(tx, sittingId);
    const raced = await studentDraw(tx, sittingId, student.id);
    if (raced) return { draw: raced, logged: undefined, writing: undefined };
    const current = await loadPlan(tx, sittingId);
    if (!current) throw new Error('ticket draw plan missing');
    const draws = await drawsSoFar(tx, sittingId);
    const blocked = await blockOf(tx, sittingId, student.id, current, draws.length);
    if (blocked) throw new HttpError('conflict', BLOCKED[blocked]);
    const table = tableAfter(current.poolSize, roundsOf(current), draws.length);
    if (card >= table.faceDown)
      throw new HttpError(
        'conflict',
        `Another student took a card a moment ago: ${table.faceDown} cards lie face down now. Pick again.`,
      );
    const taken = draws.filter((d) => d.round === table.round).map((d) => d.position);
    const position = cardToPosition(current.poolSize, taken, card);
    const ticketNumber = current.ticketOrder[table.round - 1]?.[position];
    const [ticket] =
      ticketNumber === undefined
        ? []
        : await tx
            .select({ id: tickets.id })
            .from(tickets)
            .where(and(eq(tickets.poolId, current.poolId), eq(tickets.number, ticketNumber)));
    if (!ticket || ticketNumber === undefined)
      throw new HttpError('conflict', `Ticket ${ticketNumber} is no longer in the pool; tell your proctor.`);
    // Taken under the lock, so drawing times follow the drawing order.
    const drawnAt = new Date();
    const [draw] = await tx
      .insert(ticketDraws)
      .values({
        sittingId,
        studentId: student.id,
        seq: draws.length + 1,
        round: table.round,
        card,
        faceDown: table.faceDown,
        position,
        ticketNumber,
        ticketId: ticket.id,
        drawnAt,
      })
      .returning();
    if (!draw) throw new Error('ticket draw insert returned no row');
    const logged = await appendEntry(tx, {
      sittingId,
      studentId: student.id,
      source: 'system',
      type: 'ticket_drawn',
      severity: 'info',
      evidence: {
        ticketNumber,
        card,
        faceDown: table.faceDown,
        round: table.round,
        commitment: current.commitment,
      },
      at: drawnAt,
    });
    const writing =
      current && sitting.kind === 'written'
        ? await startWriting(tx, sitting, student.id, drawnAt)
        : undefined;
    return { draw, logged, writing };
  });
  if (!done.logged) return showTicket(ctx, done.draw, student);
  announceEntry(ctx, done.logged);
  if (done.writing) {
    await scheduleDeadline(ctx, done.writing.row);
    announce(ctx, done.writing.row);
    announceEntry(ctx, done.writing.logged);
  }
  return drawnTicket(ctx.db, done.draw);
}
