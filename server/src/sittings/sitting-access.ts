import { isCommissionRole, isOfficeRole } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { students } from '../university/schema.js';
import { onRoster } from './roster.js';
import { commissionMembers, proctorAssignments, sittings } from './schema.js';

/**
 * Ownership: a student sees the sittings of their group; a proctor the sittings assigned to
 * them; commission roles their commission's sittings; the dean's office and admins all.
 */
export async function canSeeSitting(db: Db, actor: Actor, sittingId: string): Promise<boolean> {
  if (isOfficeRole(actor.role)) return true;
  if (actor.role === 'student') {
    const [row] = await db
      .select({ id: sittings.id })
      .from(sittings)
      .innerJoin(students, onRoster())
      .where(and(eq(sittings.id, sittingId), eq(students.userId, actor.id)))
      .limit(1);
    return row !== undefined;
  }
  if (actor.role === 'proctor') {
    const [row] = await db
      .select({ id: proctorAssignments.sittingId })
      .from(proctorAssignments)
      .where(and(eq(proctorAssignments.sittingId, sittingId), eq(proctorAssignments.proctorId, actor.id)))
      .limit(1);
    return row !== undefined;
  }
  if (isCommissionRole(actor.role)) {
    const [row] = await db
      .select({ id: sittings.id })
      .from(sittings)
      .innerJoin(commissionMembers, eq(commissionMembers.commissionId, sittings.commissionId))
      .where(and(eq(sittings.id, sittingId), eq(commissionMembers.userId, actor.id)))
      .limit(1);
    return row !== undefined;
  }
  return false;
}

/** Is the student on this sitting's list (a member of its group)? */
export async function isOnRoster(db: Db, sittingId: string, studentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: students.userId })
    .from(students)
    .innerJoin(sittings, onRoster())
    .where(and(eq(sittings.id, sittingId), eq(students.userId, studentId)))
    .limit(1);
  return row !== undefined;
}

/** 404 unless the student is on the sitting's list (a stranger learns nothing more). */
export async function requireOnRoster(db: Db, sittingId: string, studentId: string): Promise<void> {
  if (!(await isOnRoster(db, sittingId, studentId)))
    throw new HttpError('not_found', 'This student is not on the sitting list.');
}
