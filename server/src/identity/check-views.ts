import type { IdentityCheckView } from '@adal/shared';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import type { Db, Tx } from '../db/database.js';
import { identityChecks } from './schema.js';

const decider = alias(users, 'decider');

const columns = {
  check: identityChecks,
  fullName: users.fullName,
  deciderName: decider.fullName,
};

type CheckRow = { check: typeof identityChecks.$inferSelect; fullName: string; deciderName: string | null };

/** The row as the contract shows it: never the storage keys or hashes. */
export function toView({ check: c, fullName, deciderName }: CheckRow): IdentityCheckView {
  return {
    checkId: c.id,
    sittingId: c.sittingId,
    studentId: c.studentId,
    fullName,
    submittedAt: c.submittedAt.toISOString(),
    liveness: c.liveness,
    document: c.document,
    roster: {
      verdict: c.rosterVerdict,
      reasons: c.rosterReasons as IdentityCheckView['roster']['reasons'],
    },
    faceMatch: c.faceMatch,
    timings: { faceFrameMs: c.faceFrameMs, ocrMs: c.ocrMs },
    decision: c.decision,
    decisionNote: c.decisionNote,
    decidedBy: deciderName,
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}

const checkQuery = (db: Db | Tx, where: SQL | undefined) =>
  db
    .select(columns)
    .from(identityChecks)
    .innerJoin(users, eq(users.id, identityChecks.studentId))
    .leftJoin(decider, eq(decider.id, identityChecks.decidedBy))
    .where(where);

/** One student's checks for a sitting, newest first. */
export async function studentChecks(db: Db, sittingId: string, studentId: string) {
  const rows = await checkQuery(
    db,
    and(eq(identityChecks.sittingId, sittingId), eq(identityChecks.studentId, studentId)),
  ).orderBy(desc(identityChecks.submittedAt), desc(identityChecks.id));
  return rows.map(toView);
}

/** Each student's latest check for the sitting, by name. */
export async function latestChecks(db: Db, sittingId: string): Promise<IdentityCheckView[]> {
  const rows = await db
    .selectDistinctOn([identityChecks.studentId], columns)
    .from(identityChecks)
    .innerJoin(users, eq(users.id, identityChecks.studentId))
    .leftJoin(decider, eq(decider.id, identityChecks.decidedBy))
    .where(eq(identityChecks.sittingId, sittingId))
    .orderBy(asc(identityChecks.studentId), desc(identityChecks.submittedAt), desc(identityChecks.id));
  return rows
    .map(toView)
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'kk') || a.studentId.localeCompare(b.studentId));
}

export async function loadCheckView(db: Db | Tx, checkId: string): Promise<IdentityCheckView> {
  const [row] = await checkQuery(db, eq(identityChecks.id, checkId));
  if (!row) throw new Error(`identity check ${checkId} vanished`);
  return toView(row);
}

/** The student's latest check (the one a proctor may decide), in the caller's transaction. */
export async function latestCheckOf(tx: Db | Tx, sittingId: string, studentId: string) {
  const [row] = await tx
    .select()
    .from(identityChecks)
    .where(and(eq(identityChecks.sittingId, sittingId), eq(identityChecks.studentId, studentId)))
    .orderBy(desc(identityChecks.submittedAt), desc(identityChecks.id))
    .limit(1);
  return row;
}
