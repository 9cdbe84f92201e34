import type { RosterEntry, ScheduleEntry, SittingSummary, SittingWithRoster } from '@adal/shared';
import { deviceCheckPolicies, isCommissionRole, isOfficeRole } from '@adal/shared';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { academicGroups, disciplines, students } from '../university/schema.js';
import { onRoster } from './roster.js';
import { admissions, commissionMembers, proctorAssignments, sittings } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summaryQuery(db: Db, where: SQL | undefined) {
  return db
    .select({ sitting: sittings, discipline: disciplines, group: academicGroups })
    .from(sittings)
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .innerJoin(academicGroups, eq(academicGroups.id, sittings.groupId))
    .where(where)
    .orderBy(asc(sittings.startsAt));
}

type SummaryRow = Awaited<ReturnType<typeof summaryQuery>>[number];

const toSummary = ({ sitting, discipline, group }: SummaryRow): SittingSummary => ({
  sittingId: sitting.id,
  discipline: { id: discipline.id, code: discipline.code, name: discipline.name },
  group: { id: group.id, name: group.name },
  kind: sitting.kind as SittingSummary['kind'],
  controlKind: sitting.controlKind as SittingSummary['controlKind'],
  startsAt: sitting.startsAt.toISOString(),
  durationMinutes: sitting.durationMinutes,
  policies: sitting.policies,
  makeUpOf: sitting.makeUpOfSittingId,
});

/** The condition selecting the sittings an actor may see (see sitting-access.ts for the rule). */
function visibleTo(db: Db, actor: Actor): SQL | undefined {
  if (isOfficeRole(actor.role)) return undefined;
  if (actor.role === 'proctor')
    return inArray(
      sittings.id,
      db
        .select({ id: proctorAssignments.sittingId })
        .from(proctorAssignments)
        .where(eq(proctorAssignments.proctorId, actor.id)),
    );
  if (isCommissionRole(actor.role))
    return inArray(
      sittings.commissionId,
      db
        .select({ id: commissionMembers.commissionId })
        .from(commissionMembers)
        .where(eq(commissionMembers.userId, actor.id)),
    );
  return inArray(
    sittings.id,
    db
      .select({ id: sittings.id })
      .from(sittings)
      .innerJoin(students, onRoster())
      .where(eq(students.userId, actor.id)),
  );
}

export async function loadSummary(db: Db, sittingId: string): Promise<SittingSummary | undefined> {
  const [row] = await summaryQuery(db, eq(sittings.id, sittingId));
  return row && toSummary(row);
}

/** Students of the sittings' groups with their access status, keyed by sitting id. */
async function loadRosters(db: Db, sittingIds: string[]): Promise<Map<string, RosterEntry[]>> {
  const rosters = new Map<string, RosterEntry[]>(sittingIds.map((id) => [id, []]));
  if (sittingIds.length === 0) return rosters;
  const rows = await db
    .select({
      sittingId: sittings.id,
      studentId: users.id,
      fullName: users.fullName,
      iin: students.iin,
      access: admissions.access,
      admittedAt: admissions.admittedAt,
    })
    .from(sittings)
    .innerJoin(students, onRoster())
    .innerJoin(users, eq(users.id, students.userId))
    .leftJoin(admissions, and(eq(admissions.sittingId, sittings.id), eq(admissions.studentId, users.id)))
    .where(inArray(sittings.id, sittingIds))
    .orderBy(asc(users.fullName));
  for (const r of rows)
    rosters.get(r.sittingId)?.push({
      studentId: r.studentId,
      fullName: r.fullName,
      iin: r.iin,
      access: r.access ?? 'red',
      admittedAt: r.access === 'green' ? iso(r.admittedAt) : null,
    });
  return rosters;
}

export async function listSittingsFor(db: Db, actor: Actor): Promise<SittingWithRoster[]> {
  const summaries = (await summaryQuery(db, visibleTo(db, actor))).map(toSummary);
  const rosters = await loadRosters(
    db,
    summaries.map((s) => s.sittingId),
  );
  return summaries.map((s) => ({ ...s, students: rosters.get(s.sittingId) ?? [] }));
}

export async function loadSittingWithRoster(
  db: Db,
  sittingId: string,
): Promise<SittingWithRoster | undefined> {
  const summary = await loadSummary(db, sittingId);
  if (!summary) return undefined;
  const rosters = await loadRosters(db, [sittingId]);
  return { ...summary, students: rosters.get(sittingId) ?? [] };
}

/** The student's exam schedule: their group's sittings with their own access status. */
export async function scheduleFor(db: Db, studentId: string): Promise<ScheduleEntry[]> {
  const rows = await db
    .select({
      sitting: sittings,
      discipline: disciplines,
      access: admissions.access,
      admittedAt: admissions.admittedAt,
    })
    .from(sittings)
    .innerJoin(students, and(onRoster(), eq(students.userId, studentId)))
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .leftJoin(admissions, and(eq(admissions.sittingId, sittings.id), eq(admissions.studentId, studentId)))
    .orderBy(asc(sittings.startsAt));
  return rows.map(({ sitting, discipline, access, admittedAt }) => ({
    sittingId: sitting.id,
    discipline: { id: discipline.id, code: discipline.code, name: discipline.name },
    kind: sitting.kind as ScheduleEntry['kind'],
    controlKind: sitting.controlKind as ScheduleEntry['controlKind'],
    startsAt: sitting.startsAt.toISOString(),
    durationMinutes: sitting.durationMinutes,
    access: access ?? 'red',
    admittedAt: access === 'green' ? iso(admittedAt) : null,
    makeUpOf: sitting.makeUpOfSittingId,
    deviceChecks: deviceCheckPolicies(sitting.policies, sitting.kind as ScheduleEntry['kind']),
  }));
}
