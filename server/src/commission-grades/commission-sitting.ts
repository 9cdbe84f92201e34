import type { CommissionPerson, CommissionSeat, CommissionViewer, SittingKind } from '@adal/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { commissionMembers, commissions, sittings } from '../sittings/schema.js';
import { commissionProtocols } from './schema.js';

/** The kinds a commission grades (exam-procedures.md, "State exams and thesis defence"). */
const COMMISSION_GRADED: readonly SittingKind[] = ['state_exam', 'thesis_defence'];

export interface CommissionSitting {
  id: string;
  kind: SittingKind;
  commissionId: string;
  commissionName: string;
}

/** 404 for an unknown sitting, 409 for one no commission grades. */
export async function loadCommissionSitting(db: Db | Tx, sittingId: string): Promise<CommissionSitting> {
  const [row] = await db
    .select({
      id: sittings.id,
      kind: sittings.kind,
      commissionId: sittings.commissionId,
      commissionName: commissions.name,
    })
    .from(sittings)
    .leftJoin(commissions, eq(commissions.id, sittings.commissionId))
    .where(eq(sittings.id, sittingId));
  if (!row) throw new HttpError('not_found', 'Sitting not found.');
  const kind = row.kind as SittingKind;
  // A state exam always has a commission (a check constraint says so); other kinds are graded elsewhere.
  if (!COMMISSION_GRADED.includes(kind) || !row.commissionId || row.commissionName === null)
    throw new HttpError(
      'conflict',
      'Only state exams and thesis defences are graded by a commission; this sitting is graded by its examiner.',
    );
  return { id: row.id, kind, commissionId: row.commissionId, commissionName: row.commissionName };
}

/** The user's seat on the commission of the sitting, if they have one. */
export async function seatOf(db: Db | Tx, userId: string, sittingId: string): Promise<CommissionSeat | null> {
  const [row] = await db
    .select({ seat: commissionMembers.role })
    .from(sittings)
    .innerJoin(commissionMembers, eq(commissionMembers.commissionId, sittings.commissionId))
    .where(and(eq(sittings.id, sittingId), eq(commissionMembers.userId, userId)))
    .limit(1);
  return (row?.seat as CommissionSeat | undefined) ?? null;
}

/**
 * Ownership of a commission's writing routes: the actor's seat on this sitting's commission, not
 * their account's role, decides (a member of one commission may chair another).
 */
export const seatedAs =
  (...allowed: CommissionSeat[]) =>
  async ({ actor, params, ctx }: { actor: Actor; params: { sittingId: string }; ctx: { db: Db } }) => {
    const seat = await seatOf(ctx.db, actor.id, params.sittingId);
    return seat !== null && allowed.includes(seat);
  };

/** How the actor sees the sitting's grading: by their seat, or as an admin. */
export async function viewerOf(db: Db | Tx, actor: Actor, sittingId: string): Promise<CommissionViewer> {
  const seat = await seatOf(db, actor.id, sittingId);
  if (seat) return seat;
  if (actor.role === 'admin') return 'admin';
  throw new HttpError('forbidden', 'This is not one of your sittings.');
}

const SEAT_ORDER = sql`case ${commissionMembers.role} when 'chair' then 0 when 'member' then 1 else 2 end`;

/** The commission: chair first, then the members by name, then the technical secretary. */
export async function loadPeople(db: Db | Tx, commissionId: string): Promise<CommissionPerson[]> {
  const rows = await db
    .select({ userId: users.id, fullName: users.fullName, seat: commissionMembers.role })
    .from(commissionMembers)
    .innerJoin(users, eq(users.id, commissionMembers.userId))
    .where(eq(commissionMembers.commissionId, commissionId))
    .orderBy(SEAT_ORDER, asc(users.fullName), asc(users.id));
  return rows.map((r) => ({ ...r, seat: r.seat as CommissionSeat }));
}

export async function findProtocol(db: Db | Tx, sittingId: string) {
  const [row] = await db
    .select()
    .from(commissionProtocols)
    .where(eq(commissionProtocols.sittingId, sittingId));
  return row;
}

export const protocolView = (p: NonNullable<Awaited<ReturnType<typeof findProtocol>>>) => ({
  protocolNumber: p.protocolNumber,
  protocolDate: p.protocolDate,
  announcedAt: p.announcedAt?.toISOString() ?? null,
});

/** Everything that changes a sitting's commission grading takes this lock, one change at a time. */
export async function lockCommission(tx: Tx, sittingId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`commission:${sittingId}`}, 0))`);
}
