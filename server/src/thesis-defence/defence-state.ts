import {
  currentDefender,
  type DefenceInterruptionView,
  type DefenceQuestionView,
  type DefenceRecord,
  type DefenceScheduleView,
  type DefenceSlot,
  defenceSchedule,
  nextDefender,
  SittingPolicies,
  type StudentDefenceView,
} from '@adal/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { onRoster } from '../sittings/roster.js';
import { admissions, sittings } from '../sittings/schema.js';
import { students } from '../university/schema.js';
import { defenceInterruptions, defenceQuestions, defenceTurns } from './schema.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Only a thesis defence has a defence schedule (other kinds: 400, like the oral queue's check). */
export async function defenceSitting(db: Db | Tx, sittingId: string) {
  const [s] = await db
    .select({
      id: sittings.id,
      kind: sittings.kind,
      startsAt: sittings.startsAt,
      policies: sittings.policies,
    })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!s) throw new HttpError('not_found', 'Sitting not found.');
  if (s.kind !== 'thesis_defence')
    throw new HttpError('validation_failed', 'Only a thesis defence has a defence schedule.', [
      { path: 'params.sittingId', message: 'not a thesis defence' },
    ]);
  // Parsed: older rows lack the newer policies, which then take their defaults.
  return { ...s, policies: SittingPolicies.parse(s.policies) };
}

/** Every change to a sitting's defences takes this lock, one change at a time. */
export async function lockDefence(tx: Tx, sittingId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`defence:${sittingId}`}, 0))`);
}

export interface DefenceStudent {
  studentId: string;
  fullName: string;
  admitted: boolean;
}

/** The sitting's list in order, the defences recorded so far and the schedule they make at `now`. */
export async function loadDefence(db: Db | Tx, sittingId: string, now = new Date()) {
  const sitting = await defenceSitting(db, sittingId);
  const [roster, turns, interruptions, questions] = await Promise.all([
    db
      .select({ studentId: users.id, fullName: users.fullName, access: admissions.access })
      .from(students)
      .innerJoin(sittings, and(eq(sittings.id, sittingId), onRoster()))
      .innerJoin(users, eq(users.id, students.userId))
      .leftJoin(admissions, and(eq(admissions.sittingId, sittingId), eq(admissions.studentId, users.id)))
      .orderBy(asc(users.fullName), asc(users.id)),
    db.select().from(defenceTurns).where(eq(defenceTurns.sittingId, sittingId)),
    db
      .select()
      .from(defenceInterruptions)
      .where(eq(defenceInterruptions.sittingId, sittingId))
      .orderBy(asc(defenceInterruptions.interruptedAt)),
    db
      .select({
        id: defenceQuestions.id,
        studentId: defenceQuestions.studentId,
        text: defenceQuestions.text,
        askedAt: defenceQuestions.askedAt,
        askedBy: users.fullName,
      })
      .from(defenceQuestions)
      .innerJoin(users, eq(users.id, defenceQuestions.askedBy))
      .where(eq(defenceQuestions.sittingId, sittingId))
      .orderBy(asc(defenceQuestions.studentId), asc(defenceQuestions.seq)),
  ]);

  const list: DefenceStudent[] = roster.map((r) => ({
    studentId: r.studentId,
    fullName: r.fullName,
    admitted: r.access === 'green',
  }));
  const interruptionsOf = (studentId: string) => interruptions.filter((i) => i.studentId === studentId);
  const records = new Map<string, DefenceRecord>(
    turns.map((t) => [
      t.studentId,
      {
        startedAt: t.startedAt,
        talkEndedAt: t.talkEndedAt,
        finishedAt: t.finishedAt,
        outcome: t.outcome,
        interruptions: interruptionsOf(t.studentId),
      },
    ]),
  );
  const slots = defenceSchedule({
    startsAt: sitting.startsAt,
    slotMinutes: sitting.policies.defenceSlotMinutes,
    studentIds: list.map((s) => s.studentId),
    records,
    now,
  });
  const questionsOf = (studentId: string): DefenceQuestionView[] =>
    questions
      .filter((q) => q.studentId === studentId)
      .map((q) => ({ id: q.id, text: q.text, askedAt: q.askedAt.toISOString(), askedBy: q.askedBy }));
  const admitted = new Set(list.filter((s) => s.admitted).map((s) => s.studentId));
  return {
    sitting,
    list,
    slots,
    records,
    now,
    current: currentDefender(slots),
    next: nextDefender(slots, (id) => admitted.has(id)),
    interruptionsOf: (studentId: string): DefenceInterruptionView[] =>
      interruptionsOf(studentId).map((i) => ({
        interruptedAt: i.interruptedAt.toISOString(),
        reason: i.reason,
        decidedAt: iso(i.decidedAt),
        decision: i.decision,
      })),
    questionsOf,
  };
}
export type LoadedDefence = Awaited<ReturnType<typeof loadDefence>>;

/** The slot of one student on the list; 404 for anyone else. */
export function slotOf(loaded: LoadedDefence, studentId: string): DefenceSlot & DefenceStudent {
  const slot = loaded.slots.find((s) => s.studentId === studentId);
  const student = loaded.list.find((s) => s.studentId === studentId);
  if (!slot || !student) throw new HttpError('not_found', 'This student is not on the sitting list.');
  return { ...slot, ...student };
}

/** The whole schedule, as the commission sees it. */
export function scheduleView(loaded: LoadedDefence, canRun: boolean): DefenceScheduleView {
  const { sitting, now } = loaded;
  return {
    sittingId: sitting.id,
    slotMinutes: sitting.policies.defenceSlotMinutes,
    talkMinutes: sitting.policies.defenceTalkMinutes,
    talkWarnMinutes: sitting.policies.defenceTalkWarnMinutes,
    rows: loaded.list.map((student) => {
      const slot = slotOf(loaded, student.studentId);
      const record = loaded.records.get(student.studentId);
      return {
        studentId: student.studentId,
        fullName: student.fullName,
        place: slot.place,
        admitted: student.admitted,
        stage: slot.stage,
        plannedStart: slot.plannedStart.toISOString(),
        expectedStart: slot.expectedStart.toISOString(),
        expectedEnd: slot.expectedEnd.toISOString(),
        shiftMinutes: slot.shiftMinutes,
        startedAt: iso(record?.startedAt ?? null),
        talkEndedAt: iso(record?.talkEndedAt ?? null),
        finishedAt: iso(record?.finishedAt ?? null),
        talkElapsedMs: Math.round(slot.talkElapsedMs),
        interruptions: loaded.interruptionsOf(student.studentId),
        questions: loaded.questionsOf(student.studentId),
      };
    }),
    current: loaded.current,
    next: loaded.next,
    canRun,
    serverNow: now.toISOString(),
  };
}

const UNFINISHED = new Set(['waiting', 'talk', 'questions', 'interrupted']);

/** The student's own slot and the questions written to them; nobody else's name. */
export function studentDefenceView(loaded: LoadedDefence, studentId: string): StudentDefenceView {
  const { sitting, now } = loaded;
  const mine = slotOf(loaded, studentId);
  const record = loaded.records.get(studentId);
  return {
    sittingId: sitting.id,
    stage: mine.stage,
    place: mine.place,
    ahead: loaded.slots.filter((s) => s.place < mine.place && UNFINISHED.has(s.stage)).length,
    plannedStart: mine.plannedStart.toISOString(),
    expectedStart: mine.expectedStart.toISOString(),
    shiftMinutes: mine.shiftMinutes,
    startedAt: iso(record?.startedAt ?? null),
    talkEndedAt: iso(record?.talkEndedAt ?? null),
    talkElapsedMs: Math.round(mine.talkElapsedMs),
    talkMinutes: sitting.policies.defenceTalkMinutes,
    talkWarnMinutes: sitting.policies.defenceTalkWarnMinutes,
    slotMinutes: sitting.policies.defenceSlotMinutes,
    questions: loaded.questionsOf(studentId),
    serverNow: now.toISOString(),
  };
}
