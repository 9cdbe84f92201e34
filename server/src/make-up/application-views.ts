import type { MakeUpApplicationView, SittingKind } from '@adal/shared';
import { and, asc, eq, inArray, not, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import type { Db, Tx } from '../db/database.js';
import { commissionMembers, sittings } from '../sittings/schema.js';
import { academicGroups, disciplines } from '../university/schema.js';
import type { EvidenceMimeType } from './evidence-type.js';
import { reviewerOf, STATE_KINDS } from './reviewer.js';
import { makeUpApplications } from './schema.js';

const decider = alias(users, 'decider');
const makeUpSitting = alias(sittings, 'make_up_sitting');

function applicationQuery(db: Db | Tx, where: SQL | undefined) {
  return db
    .select({
      app: makeUpApplications,
      sitting: { id: sittings.id, kind: sittings.kind, startsAt: sittings.startsAt },
      discipline: { id: disciplines.id, code: disciplines.code, name: disciplines.name },
      group: { id: academicGroups.id, name: academicGroups.name },
      studentName: users.fullName,
      deciderName: decider.fullName,
      makeUpStartsAt: makeUpSitting.startsAt,
    })
    .from(makeUpApplications)
    .innerJoin(sittings, eq(sittings.id, makeUpApplications.sittingId))
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .innerJoin(academicGroups, eq(academicGroups.id, sittings.groupId))
    .innerJoin(users, eq(users.id, makeUpApplications.studentId))
    .leftJoin(decider, eq(decider.id, makeUpApplications.decidedBy))
    .leftJoin(makeUpSitting, eq(makeUpSitting.id, makeUpApplications.makeUpSittingId))
    .where(where)
    .orderBy(asc(makeUpApplications.submittedAt), asc(makeUpApplications.id));
}

export type ApplicationRow = Awaited<ReturnType<typeof applicationQuery>>[number];

export function toView(r: ApplicationRow): MakeUpApplicationView {
  const kind = r.sitting.kind as SittingKind;
  const { app } = r;
  return {
    applicationId: app.id,
    sitting: {
      sittingId: r.sitting.id,
      kind,
      discipline: r.discipline,
      group: r.group,
      startsAt: r.sitting.startsAt.toISOString(),
    },
    student: { studentId: app.studentId, fullName: r.studentName },
    reason: app.reason,
    explanation: app.explanation,
    evidence: {
      fileName: app.evidenceFileName,
      mimeType: app.evidenceMimeType as EvidenceMimeType,
      sizeBytes: app.evidenceByteSize,
    },
    reviewer: reviewerOf(kind),
    status: app.status,
    submittedAt: app.submittedAt.toISOString(),
    decidedAt: app.decidedAt?.toISOString() ?? null,
    decidedBy: r.deciderName,
    decisionNote: app.decisionNote,
    makeUpSitting:
      app.makeUpSittingId && r.makeUpStartsAt
        ? { sittingId: app.makeUpSittingId, startsAt: r.makeUpStartsAt.toISOString() }
        : null,
  };
}

export async function loadApplication(
  db: Db | Tx,
  applicationId: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await applicationQuery(db, eq(makeUpApplications.id, applicationId));
  return row;
}

export async function loadView(db: Db | Tx, applicationId: string): Promise<MakeUpApplicationView> {
  const row = await loadApplication(db, applicationId);
  if (!row) throw new Error(`make-up application ${applicationId} vanished`);
  return toView(row);
}

/** One student's applications about these sittings, oldest first. */
export async function studentApplications(
  db: Db,
  studentId: string,
  sittingIds: string[],
): Promise<MakeUpApplicationView[]> {
  if (sittingIds.length === 0) return [];
  const rows = await applicationQuery(
    db,
    and(eq(makeUpApplications.studentId, studentId), inArray(makeUpApplications.sittingId, sittingIds)),
  );
  return rows.map(toView);
}

/**
 * Which applications a reviewer sees: the dean's office every exam but state attestation, a
 * chair their commissions' state exams and defences, an admin all.
 */
function reviewableBy(db: Db, actor: { id: string; role: string }): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  const state = inArray(sittings.kind, [...STATE_KINDS]);
  if (actor.role === 'registrar') return not(state);
  return and(
    state,
    inArray(
      sittings.commissionId,
      db
        .select({ id: commissionMembers.commissionId })
        .from(commissionMembers)
        .where(and(eq(commissionMembers.userId, actor.id), eq(commissionMembers.role, 'chair'))),
    ),
  );
}

/** Pending first, the oldest of them on top; decided ones after, the latest decision first. */
export async function reviewQueue(
  db: Db,
  actor: { id: string; role: string },
  status: MakeUpApplicationView['status'] | undefined,
): Promise<MakeUpApplicationView[]> {
  const rows = await applicationQuery(
    db,
    and(reviewableBy(db, actor), status ? eq(makeUpApplications.status, status) : undefined),
  );
  const views = rows.map(toView);
  const pending = views.filter((v) => v.status === 'pending');
  const decided = views
    .filter((v) => v.status !== 'pending')
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  return [...pending, ...decided];
}
