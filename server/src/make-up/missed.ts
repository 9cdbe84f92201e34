import type { MissedSitting, SittingKind } from '@adal/shared';
import { and, desc, eq, isNotNull, notExists, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { onRoster } from '../sittings/roster.js';
import { admissions, sittings } from '../sittings/schema.js';
import { disciplines, students } from '../university/schema.js';
import { studentApplications } from './application-views.js';
import { reviewerOf } from './reviewer.js';

/**
 * Sittings the student missed: on their list, over (a student still waiting to be admitted
 * during the sitting has not missed it yet), and never admitted (no admission with a
 * time; access taken back later still counts as having sat). Make-up sittings are sittings too.
 */
function missedQuery(db: Db | Tx, studentId: string, now: Date, where?: SQL) {
  return db
    .select({
      id: sittings.id,
      kind: sittings.kind,
      startsAt: sittings.startsAt,
      discipline: { id: disciplines.id, code: disciplines.code, name: disciplines.name },
    })
    .from(sittings)
    .innerJoin(students, and(onRoster(), eq(students.userId, studentId)))
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .where(
      and(
        sql`${sittings.startsAt} + ${sittings.durationMinutes} * interval '1 minute' <= ${now}`,
        notExists(
          db
            .select({ one: admissions.sittingId })
            .from(admissions)
            .where(
              and(
                eq(admissions.sittingId, sittings.id),
                eq(admissions.studentId, studentId),
                isNotNull(admissions.admittedAt),
              ),
            ),
        ),
        where,
      ),
    )
    .orderBy(desc(sittings.startsAt), desc(sittings.id));
}

export async function hasMissed(db: Db | Tx, sittingId: string, studentId: string, now = new Date()) {
  const [row] = await missedQuery(db, studentId, now, eq(sittings.id, sittingId));
  return row !== undefined;
}

/** The student's missed sittings, newest first, each with their latest application. */
export async function missedSittings(db: Db, studentId: string, now = new Date()): Promise<MissedSitting[]> {
  const rows = await missedQuery(db, studentId, now);
  const applications = await studentApplications(
    db,
    studentId,
    rows.map((r) => r.id),
  );
  // Oldest first: the last one seen per sitting is the latest.
  const latest = new Map(applications.map((a) => [a.sitting.sittingId, a]));
  return rows.map((r) => {
    const kind = r.kind as SittingKind;
    return {
      sittingId: r.id,
      kind,
      discipline: r.discipline,
      startsAt: r.startsAt.toISOString(),
      reviewer: reviewerOf(kind),
      application: latest.get(r.id) ?? null,
    };
  });
}
