import { TICKET_DRAW_KINDS, type TicketPoolCounts, type TicketSitting } from '@adal/shared';
import { and, asc, count, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { tickets } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import { sittings } from '../sittings/schema.js';
import { ticketDrawPlans } from '../tickets/schema.js';
import { academicGroups, students } from '../university/schema.js';

const EMPTY: TicketPoolCounts = { tickets: 0, questions: { min: 0, max: 0, total: 0 } };

/** Tickets and questions per ticket of each pool, counted by the database. */
export async function poolCounts(db: Db | Tx, poolIds: string[]): Promise<Map<string, TicketPoolCounts>> {
  if (poolIds.length === 0) return new Map();
  const size = sql`jsonb_array_length(${tickets.questions})`;
  const rows = await db
    .select({
      poolId: tickets.poolId,
      tickets: count(),
      min: sql<number>`min(${size})::int`,
      max: sql<number>`max(${size})::int`,
      total: sql<number>`sum(${size})::int`,
    })
    .from(tickets)
    .where(inArray(tickets.poolId, poolIds))
    .groupBy(tickets.poolId);
  return new Map(
    poolIds.map((id) => {
      const row = rows.find((r) => r.poolId === id);
      return [
        id,
        row ? { tickets: row.tickets, questions: { min: row.min, max: row.max, total: row.total } } : EMPTY,
      ];
    }),
  );
}

/** How many sittings draw from each pool. */
export async function poolSittingCounts(db: Db | Tx, poolIds: string[]): Promise<Map<string, number>> {
  if (poolIds.length === 0) return new Map();
  const rows = await db
    .select({ poolId: sittings.ticketPoolId, n: count() })
    .from(sittings)
    .where(and(isNotNull(sittings.ticketPoolId), inArray(sittings.ticketPoolId, poolIds)))
    .groupBy(sittings.ticketPoolId);
  return new Map(poolIds.map((id) => [id, rows.find((r) => r.poolId === id)?.n ?? 0]));
}

/** Written, oral and state exams matching `where`, by start time, with the pool and draw state of each. */
export async function ticketSittings(db: Db | Tx, where: SQL | undefined): Promise<TicketSitting[]> {
  const rows = await db
    .select({
      sittingId: sittings.id,
      kind: sittings.kind,
      groupId: academicGroups.id,
      groupName: academicGroups.name,
      startsAt: sittings.startsAt,
      durationMinutes: sittings.durationMinutes,
      ticketPoolId: sittings.ticketPoolId,
      planOf: ticketDrawPlans.sittingId,
    })
    .from(sittings)
    .innerJoin(academicGroups, eq(academicGroups.id, sittings.groupId))
    .leftJoin(ticketDrawPlans, eq(ticketDrawPlans.sittingId, sittings.id))
    .where(and(inArray(sittings.kind, [...TICKET_DRAW_KINDS]), where))
    .orderBy(asc(sittings.startsAt));
  const groupIds = [...new Set(rows.map((r) => r.groupId))];
  const sizes = groupIds.length
    ? await db
        .select({ groupId: students.groupId, n: count() })
        .from(students)
        .where(inArray(students.groupId, groupIds))
        .groupBy(students.groupId)
    : [];
  return rows.map((r) => ({
    sittingId: r.sittingId,
    kind: r.kind as TicketSitting['kind'],
    group: { id: r.groupId, name: r.groupName },
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    students: sizes.find((s) => s.groupId === r.groupId)?.n ?? 0,
    ticketPoolId: r.ticketPoolId,
    drawStarted: r.planOf !== null,
  }));
}

/** A sitting that has not ended yet (its start plus its duration is still ahead). */
export const notEnded = (sitting: TicketSitting, now: Date): boolean =>
  new Date(sitting.startsAt).getTime() + sitting.durationMinutes * 60_000 > now.getTime();
