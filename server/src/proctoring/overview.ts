import {
  ADMITTING_ROLES,
  DEFAULT_TRUST_WEIGHTS,
  type LogEntry,
  type ProctoringOverview,
  type ProctoringRow,
  type Role,
  SittingPolicies,
  type StaffRef,
  trustInput,
  trustScore,
  unreviewed,
} from '@adal/shared';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { AppContext } from '../app-context.js';
import { attempts } from '../attempts/schema.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/http-error.js';
import { proctorAssignments } from '../sittings/schema.js';
import { loadSittingWithRoster } from '../sittings/sitting-queries.js';
import { toLogEntry } from '../violations/append-entry.js';
import { violationLogEntries } from '../violations/schema.js';
import { splitRoster } from './assignment.js';
import { toEpisode } from './flag-episodes.js';
import { flagEpisodes, proctoringStates } from './schema.js';
import { needsAttention, stageOf } from './stage.js';

export async function sittingProctors(db: Db, sittingId: string): Promise<StaffRef[]> {
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(proctorAssignments)
    .innerJoin(users, eq(users.id, proctorAssignments.proctorId))
    .where(eq(proctorAssignments.sittingId, sittingId))
    .orderBy(asc(proctorAssignments.assignedAt), asc(users.fullName));
}

const groupBy = <T>(rows: T[], key: (r: T) => string) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
};

/**
 * Every student of the sitting as the console's overview shows them: stage, proctor, risk with
 * its breakdown, open and ongoing flags. One query per table for the whole sitting.
 */
export async function loadOverview(
  ctx: AppContext,
  sittingId: string,
  role: Role,
): Promise<ProctoringOverview> {
  const sitting = await loadSittingWithRoster(ctx.db, sittingId);
  if (!sitting) throw notFound('Sitting');
  const policies = SittingPolicies.parse(sitting.policies);
  const [proctors, states, attemptRows, logRows, episodeRows] = await Promise.all([
    sittingProctors(ctx.db, sittingId),
    ctx.db.select().from(proctoringStates).where(eq(proctoringStates.sittingId, sittingId)),
    ctx.db
      .select()
      .from(attempts)
      .where(eq(attempts.sittingId, sittingId))
      .orderBy(asc(attempts.studentId), desc(attempts.number)),
    ctx.db
      .select()
      .from(violationLogEntries)
      .where(eq(violationLogEntries.sittingId, sittingId))
      .orderBy(asc(violationLogEntries.studentId), asc(violationLogEntries.seq)),
    ctx.db
      .select()
      .from(flagEpisodes)
      .where(and(eq(flagEpisodes.sittingId, sittingId), isNull(flagEpisodes.loggedSeq))),
  ]);
  const stateOf = new Map(states.map((s) => [s.studentId, s]));
  const latestAttempt = new Map<string, (typeof attemptRows)[number]>();
  for (const a of attemptRows) if (!latestAttempt.has(a.studentId)) latestAttempt.set(a.studentId, a);
  const logs = groupBy(logRows, (r) => r.studentId);
  const episodes = groupBy(episodeRows, (r) => r.studentId);
  const handedOver = new Map(
    states.filter((s) => s.proctorId).map((s) => [s.studentId, s.proctorId as string]),
  );
  const assigned = splitRoster(
    sitting.students.map((s) => s.studentId),
    proctors,
    handedOver,
  );
  const now = Date.now();
  const students = sitting.students.map((s): ProctoringRow => {
    const state = stateOf.get(s.studentId);
    const attempt = latestAttempt.get(s.studentId);
    const entries: LogEntry[] = (logs.get(s.studentId) ?? []).map(toLogEntry);
    const ongoing = (episodes.get(s.studentId) ?? []).map(toEpisode);
    const stage = stageOf({
      access: s.access,
      endedAs: state?.endedAs ?? null,
      attempt: attempt ? { status: attempt.status, pausedByProctor: attempt.pausedByProctor } : null,
      connected: entries.some((e) => e.type === 'source_live'),
    });
    const roomScan = state?.roomScan ?? 'none';
    const openFlags = unreviewed(entries).length;
    return {
      studentId: s.studentId,
      fullName: s.fullName,
      iin: s.iin,
      access: s.access,
      stage,
      proctor: assigned.get(s.studentId) ?? null,
      roomScan,
      trust: trustScore(trustInput(entries, ongoing, now), policies.trustWeights),
      openFlags,
      ongoing,
      needsAttention: needsAttention(stage, openFlags, ongoing, roomScan),
      lastEntryAt: entries.at(-1)?.at ?? null,
    };
  });
  return {
    sittingId,
    proctors,
    weights: { ...DEFAULT_TRUST_WEIGHTS, ...policies.trustWeights },
    canAct: (ADMITTING_ROLES as readonly Role[]).includes(role),
    students,
    serverNow: new Date(now).toISOString(),
  };
}

/** One student's row (after an intervention or a hand-over). */
export async function loadRow(ctx: AppContext, sittingId: string, studentId: string, role: Role) {
  const overview = await loadOverview(ctx, sittingId, role);
  const row = overview.students.find((s) => s.studentId === studentId);
  if (!row) throw notFound('Student');
  return row;
}
