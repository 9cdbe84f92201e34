import { type CommissionPerson, type GradeValue, isScoringSeat, type SittingKind } from '@adal/shared';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { sittings } from '../sittings/schema.js';
import { academicGroups, disciplines, faculties } from '../university/schema.js';
import { loadCommissionRows } from './commission-rows.js';
import { findProtocol, loadCommissionSitting, loadPeople } from './commission-sitting.js';

/** A column of scores in the protocol: a scoring member of the commission. */
export interface Scorer {
  userId: string;
  fullName: string;
}

/** Everything the protocol of one sitting prints. */
export interface ProtocolData {
  protocolNumber: string;
  protocolDate: string;
  faculty: string;
  commission: string;
  discipline: { code: string; name: string };
  group: string;
  kind: SittingKind;
  people: CommissionPerson[];
  /** The chair and the members, in the commission's order; then anyone who scored and has left it. */
  scorers: Scorer[];
  rows: {
    fullName: string;
    ticketNumber: number | null;
    /** Percent by scorer id. */
    scores: Map<string, number>;
    grade: GradeValue | null;
  }[];
}

export async function loadProtocolData(db: Db, sittingId: string): Promise<ProtocolData> {
  const sitting = await loadCommissionSitting(db, sittingId);
  const protocol = await findProtocol(db, sittingId);
  if (!protocol)
    throw new HttpError('conflict', 'The protocol has no number and date yet: enter them first.');
  const [facts] = await db
    .select({ discipline: disciplines, group: academicGroups.name, faculty: faculties.name })
    .from(sittings)
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .innerJoin(academicGroups, eq(academicGroups.id, sittings.groupId))
    .innerJoin(faculties, eq(faculties.id, academicGroups.facultyId))
    .where(eq(sittings.id, sittingId));
  if (!facts) throw new HttpError('not_found', 'Sitting not found.');
  const people = await loadPeople(db, sitting.commissionId);
  // The protocol shows every score, as the chair sees them.
  const rows = await loadCommissionRows(db, sittingId, { userId: '', viewer: 'admin', people });

  const scorers: Scorer[] = people.filter((p) => isScoringSeat(p.seat));
  const known = new Set(scorers.map((s) => s.userId));
  const gone = [...new Set(rows.flatMap((r) => (r.scores ?? []).map((s) => s.memberId)))].filter(
    (id) => !known.has(id),
  );
  if (gone.length)
    scorers.push(
      ...(await db
        .select({ userId: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, gone))),
    );

  return {
    protocolNumber: protocol.protocolNumber,
    protocolDate: protocol.protocolDate,
    faculty: facts.faculty,
    commission: sitting.commissionName,
    discipline: { code: facts.discipline.code, name: facts.discipline.name },
    group: facts.group,
    kind: sitting.kind,
    people,
    scorers,
    rows: rows.map((r) => ({
      fullName: r.fullName,
      ticketNumber: r.ticketNumber,
      scores: new Map((r.scores ?? []).map((s) => [s.memberId, s.percent])),
      grade: r.grade,
    })),
  };
}
