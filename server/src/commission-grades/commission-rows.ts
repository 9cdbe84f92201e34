import {
  type CommissionPerson,
  type CommissionRow,
  type CommissionScore,
  type CommissionViewer,
  meanPercent,
} from '@adal/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { auditLog } from '../audit/schema.js';
import type { Db, Tx } from '../db/database.js';
import { gradeValue } from '../exam-grades/grade-rows.js';
import { grades } from '../grades/schema.js';
import { onRoster } from '../sittings/roster.js';
import { sittings } from '../sittings/schema.js';
import { ticketDraws } from '../tickets/schema.js';
import { students } from '../university/schema.js';
import { commissionScores } from './schema.js';

export const FIXED_ACTION = 'commission.grade_fixed';

type ScoreRecord = typeof commissionScores.$inferSelect;

const scoreView = (s: ScoreRecord): CommissionScore => ({
  memberId: s.memberId,
  percent: s.percent,
  comment: s.comment,
  scoredAt: s.scoredAt.toISOString(),
});

/** Who is asking and the commission's order of people (the scores are listed in it). */
export interface Viewing {
  userId: string;
  viewer: CommissionViewer;
  people: readonly CommissionPerson[];
}

/**
 * Every student on the sitting's list (or one) as the viewer may see them. Members score
 * independently: another member's score, and the mean, reach a member or the secretary only
 * once the chair has fixed that student's grade; the chair and admins see them all along.
 */
async function loadRows(
  db: Db | Tx,
  sittingId: string,
  viewing: Viewing,
  studentId?: string,
): Promise<CommissionRow[]> {
  const one = (column: AnyPgColumn) => (studentId ? eq(column, studentId) : undefined);
  const roster = await db
    .select({ studentId: users.id, fullName: users.fullName })
    .from(sittings)
    .innerJoin(students, onRoster())
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(sittings.id, sittingId), one(users.id)))
    .orderBy(asc(users.fullName), asc(users.id));
  if (roster.length === 0) return [];

  const [scores, fixed, draws, fixes] = await Promise.all([
    db
      .select()
      .from(commissionScores)
      .where(and(eq(commissionScores.sittingId, sittingId), one(commissionScores.studentId))),
    db
      .select()
      .from(grades)
      .where(and(eq(grades.sittingId, sittingId), one(grades.studentId))),
    db
      .select({ studentId: ticketDraws.studentId, ticketNumber: ticketDraws.ticketNumber })
      .from(ticketDraws)
      .where(and(eq(ticketDraws.sittingId, sittingId), one(ticketDraws.studentId))),
    // The chair's reasons live in the audit record of each fix; the last fix of a student counts.
    db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, FIXED_ACTION), eq(auditLog.subject, sittingId)))
      .orderBy(asc(auditLog.id)),
  ]);
  const rank = new Map(viewing.people.map((p, i) => [p.userId, i]));
  const byRank = (a: ScoreRecord, b: ScoreRecord) =>
    (rank.get(a.memberId) ?? rank.size) - (rank.get(b.memberId) ?? rank.size) ||
    a.memberId.localeCompare(b.memberId);
  const scoresOf = new Map<string, ScoreRecord[]>();
  for (const s of [...scores].sort(byRank))
    scoresOf.set(s.studentId, [...(scoresOf.get(s.studentId) ?? []), s]);
  const gradeOf = new Map(fixed.map((g) => [g.studentId, g]));
  const ticketOf = new Map(draws.map((d) => [d.studentId, d.ticketNumber]));
  const reasonOf = new Map<string, string>();
  for (const { details } of fixes)
    if (typeof details.studentId === 'string') reasonOf.set(details.studentId, String(details.reason ?? ''));
  const seesAll = viewing.viewer === 'chair' || viewing.viewer === 'admin';

  return roster.map((s) => {
    const own = scoresOf.get(s.studentId) ?? [];
    const grade = gradeOf.get(s.studentId);
    const mine = own.find((x) => x.memberId === viewing.userId);
    const revealed = seesAll || grade !== undefined;
    return {
      studentId: s.studentId,
      fullName: s.fullName,
      ticketNumber: ticketOf.get(s.studentId) ?? null,
      myScore: mine ? scoreView(mine) : null,
      scoredCount: own.length,
      scores: revealed ? own.map(scoreView) : null,
      mean: revealed ? meanPercent(own.map((x) => x.percent)) : null,
      grade: grade ? gradeValue(grade) : null,
      fixedAt: grade?.gradedAt.toISOString() ?? null,
      fixReason: grade ? reasonOf.get(s.studentId) || null : null,
      publishedAt: grade?.publishedAt?.toISOString() ?? null,
    };
  });
}

export const loadCommissionRows = (db: Db | Tx, sittingId: string, viewing: Viewing) =>
  loadRows(db, sittingId, viewing);

export async function loadCommissionRow(
  db: Db | Tx,
  sittingId: string,
  studentId: string,
  viewing: Viewing,
): Promise<CommissionRow> {
  const [row] = await loadRows(db, sittingId, viewing, studentId);
  if (!row) throw new Error(`student ${studentId} left the list of sitting ${sittingId}`);
  return row;
}

/** The student's scores, oldest member first (the mean does not depend on order). */
export function scoresOfStudent(db: Db | Tx, sittingId: string, studentId: string) {
  return db
    .select()
    .from(commissionScores)
    .where(and(eq(commissionScores.sittingId, sittingId), eq(commissionScores.studentId, studentId)));
}
