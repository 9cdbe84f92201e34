import { hasTicketDraw, type SittingKind } from '@adal/shared';
import { asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { ticketPools, tickets } from '../banks/schema.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { sittings } from '../sittings/schema.js';
import { loadPlan } from '../tickets/draw-plan.js';
import { lockDraw } from '../tickets/draw-sitting.js';
import { disciplines } from '../university/schema.js';
import { parseTicketPool } from './import/parse-pool.js';
import { notEnded, poolCounts, poolSittingCounts, ticketSittings } from './pool-queries.js';

/**
 * The dean's office and admins keep ticket pools, as they keep question banks. Proctors (the
 * examiners of oral and written exams) do not: a pool's tickets are closed until drawn, and an
 * examiner sees each student's ticket once it is drawn (studentTicket), which is all the exam needs.
 */
const POOL_KEEPERS = ['registrar', 'admin'] as const;

const disciplineField = (message: string) =>
  new HttpError('validation_failed', 'No such discipline.', [{ path: 'body.disciplineId', message }]);
const poolField = (message: string) =>
  new HttpError('validation_failed', `This pool cannot be used here: ${message}.`, [
    { path: 'body.poolId', message },
  ]);

export const listTicketPools = defineRoute('listTicketPools', {
  access: POOL_KEEPERS,
  async handle({ params, ctx }) {
    const [discipline] = await ctx.db
      .select({ id: disciplines.id, code: disciplines.code, name: disciplines.name })
      .from(disciplines)
      .where(eq(disciplines.id, params.disciplineId));
    if (!discipline) throw new HttpError('not_found', 'Discipline not found.');
    const pools = await ctx.db
      .select()
      .from(ticketPools)
      .where(eq(ticketPools.disciplineId, discipline.id))
      .orderBy(desc(ticketPools.createdAt));
    const ids = pools.map((p) => p.id);
    const [counts, attached] = [await poolCounts(ctx.db, ids), await poolSittingCounts(ctx.db, ids)];
    const now = new Date();
    return {
      discipline,
      pools: pools.map((p) => ({
        poolId: p.id,
        title: p.title,
        counts: counts.get(p.id) ?? { tickets: 0, questions: { min: 0, max: 0, total: 0 } },
        createdAt: p.createdAt.toISOString(),
        sittings: attached.get(p.id) ?? 0,
      })),
      sittings: (await ticketSittings(ctx.db, eq(sittings.disciplineId, discipline.id))).filter((s) =>
        notEnded(s, now),
      ),
    };
  },
});

/** A whole file becomes a pool in one transaction, or nothing does (400 with the file's lines). */
export const importTicketPool = defineRoute('importTicketPool', {
  access: POOL_KEEPERS,
  status: 201,
  async handle({ actor, body, ctx }) {
    const [discipline] = await ctx.db
      .select({ id: disciplines.id })
      .from(disciplines)
      .where(eq(disciplines.id, body.disciplineId));
    if (!discipline) throw disciplineField('no such discipline');
    const parsed = parseTicketPool(Buffer.from(body.fileBase64, 'base64'), body.format);
    if (!parsed.ok)
      throw new HttpError(
        'validation_failed',
        `${body.fileName}: nothing was imported; fix the lines listed and import the file again.`,
        undefined,
        undefined,
        { lines: parsed.errors, truncated: parsed.truncated },
      );
    const poolId = await ctx.db.transaction(async (tx) => {
      const [pool] = await tx
        .insert(ticketPools)
        .values({ disciplineId: discipline.id, title: body.title })
        .returning({ id: ticketPools.id });
      if (!pool) throw new Error('ticket pool insert returned no row');
      // At most 500 tickets of 3 parameters each: one statement.
      await tx.insert(tickets).values(parsed.tickets.map((t) => ({ poolId: pool.id, ...t })));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'ticket_pool.imported',
        subject: pool.id,
        details: {
          disciplineId: discipline.id,
          fileName: body.fileName,
          format: parsed.format,
          encoding: parsed.encoding,
          counts: parsed.counts,
        },
      });
      return pool.id;
    });
    return { poolId, format: parsed.format, encoding: parsed.encoding, counts: parsed.counts };
  },
});

/** Every ticket of a pool with its questions: for the staff who keep pools, never for students. */
export const ticketPool = defineRoute('ticketPool', {
  access: POOL_KEEPERS,
  async handle({ params, ctx }) {
    const [row] = await ctx.db
      .select({
        pool: ticketPools,
        discipline: { id: disciplines.id, code: disciplines.code, name: disciplines.name },
      })
      .from(ticketPools)
      .innerJoin(disciplines, eq(disciplines.id, ticketPools.disciplineId))
      .where(eq(ticketPools.id, params.poolId));
    if (!row) throw new HttpError('not_found', 'Ticket pool not found.');
    const all = await ctx.db
      .select({ number: tickets.number, questions: tickets.questions })
      .from(tickets)
      .where(eq(tickets.poolId, row.pool.id))
      .orderBy(asc(tickets.number));
    const ids = [row.pool.id];
    return {
      poolId: row.pool.id,
      title: row.pool.title,
      discipline: row.discipline,
      counts: (await poolCounts(ctx.db, ids)).get(row.pool.id) ?? {
        tickets: 0,
        questions: { min: 0, max: 0, total: 0 },
      },
      createdAt: row.pool.createdAt.toISOString(),
      sittings: (await poolSittingCounts(ctx.db, ids)).get(row.pool.id) ?? 0,
      tickets: all,
    };
  },
});

/**
 * Sets the pool a written, oral or state exam draws from. The draw commits to an order of the
 * pool's tickets when the first student opens the table (tickets/draw-plan.ts); from then on the
 * pool is fixed, so replacing it is refused (409). Runs under the sitting's draw lock and row lock.
 */
export const attachTicketPool = defineRoute('attachTicketPool', {
  access: POOL_KEEPERS,
  async handle({ actor, params, body, ctx }) {
    await ctx.db.transaction(async (tx) => {
      await lockDraw(tx, params.sittingId);
      const [sitting] = await tx
        .select({
          kind: sittings.kind,
          disciplineId: sittings.disciplineId,
          ticketPoolId: sittings.ticketPoolId,
        })
        .from(sittings)
        .where(eq(sittings.id, params.sittingId))
        .for('update');
      if (!sitting) throw new HttpError('not_found', 'Sitting not found.');
      if (!hasTicketDraw(sitting.kind as SittingKind))
        throw new HttpError(
          'validation_failed',
          'This sitting has no closed tickets: only written, oral and state exams draw from a ticket pool.',
          [{ path: 'params.sittingId', message: 'not a written, oral or state exam' }],
        );
      const [pool] = await tx
        .select({ id: ticketPools.id, disciplineId: ticketPools.disciplineId })
        .from(ticketPools)
        .where(eq(ticketPools.id, body.poolId));
      if (!pool) throw poolField('no such ticket pool');
      if (pool.disciplineId !== sitting.disciplineId)
        throw poolField('the pool belongs to another discipline');
      if (sitting.ticketPoolId === pool.id) return; // already so: nothing changes, nothing to audit
      if (await loadPlan(tx, params.sittingId))
        throw new HttpError(
          'conflict',
          'The draw of this sitting has begun: its order of tickets was fixed when the first student opened the ticket table, so its pool can no longer be replaced.',
        );
      await tx.update(sittings).set({ ticketPoolId: pool.id }).where(eq(sittings.id, params.sittingId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'ticket_pool.attached',
        subject: params.sittingId,
        details: { poolId: pool.id, previousPoolId: sitting.ticketPoolId },
      });
    });
    const [attached] = await ticketSittings(ctx.db, eq(sittings.id, params.sittingId));
    if (!attached) throw new Error('attached sitting vanished');
    return attached;
  },
});
