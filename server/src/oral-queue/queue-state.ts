import { callBlock, type OralQueueView, oralQueue, type StudentQueueView } from '@adal/shared';
import { and, asc, eq } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { proctoringStates } from '../proctoring/schema.js';
import { onRoster } from '../sittings/roster.js';
import { admissions, sittings } from '../sittings/schema.js';
import { ticketDraws } from '../tickets/schema.js';
import { students } from '../university/schema.js';
import { oralTurns } from './schema.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Oral exams and state exams (answered to the commission) have a queue; written exams do not. */
export async function oralSitting(db: Db | Tx, sittingId: string) {
  const [s] = await db
    .select({ id: sittings.id, kind: sittings.kind, groupId: sittings.groupId, policies: sittings.policies })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!s) throw new HttpError('not_found', 'Sitting not found.');
  if (s.kind !== 'oral' && s.kind !== 'state_exam')
    throw new HttpError(
      'validation_failed',
      'Only oral and state exams have a queue of students answering.',
      [{ path: 'params.sittingId', message: 'not an oral or state exam' }],
    );
  return s;
}

/** The roster in list order with each student's admission, draw and turn. */
export async function loadQueue(db: Db | Tx, sittingId: string) {
  const s = await oralSitting(db, sittingId);
  const rows = await db
    .select({
      studentId: users.id,
      fullName: users.fullName,
      access: admissions.access,
      endedAs: proctoringStates.endedAs,
      drawnAt: ticketDraws.drawnAt,
      ticketNumber: ticketDraws.ticketNumber,
      calledAt: oralTurns.calledAt,
      answeredAt: oralTurns.answeredAt,
    })
    .from(students)
    .innerJoin(sittings, and(eq(sittings.id, sittingId), onRoster()))
    .innerJoin(users, eq(users.id, students.userId))
    .leftJoin(admissions, and(eq(admissions.sittingId, sittingId), eq(admissions.studentId, users.id)))
    .leftJoin(
      proctoringStates,
      and(eq(proctoringStates.sittingId, sittingId), eq(proctoringStates.studentId, users.id)),
    )
    .leftJoin(ticketDraws, and(eq(ticketDraws.sittingId, sittingId), eq(ticketDraws.studentId, users.id)))
    .leftJoin(oralTurns, and(eq(oralTurns.sittingId, sittingId), eq(oralTurns.studentId, users.id)))
    .orderBy(asc(users.fullName));
  const delay = s.policies.oralQuestioningDelayMinutes;
  const queue = oralQueue(
    rows.map((r) => ({
      studentId: r.studentId,
      fullName: r.fullName,
      admitted: r.access === 'green',
      ended: r.endedAs != null,
      drawnAt: r.drawnAt,
      calledAt: r.calledAt,
      answeredAt: r.answeredAt,
    })),
    delay,
  );
  const tickets = new Map(rows.map((r) => [r.studentId, r.ticketNumber]));
  return { sitting: s, queue, tickets, delay };
}

export async function queueView(db: Db | Tx, sittingId: string, now = new Date()): Promise<OralQueueView> {
  const { queue, tickets, delay } = await loadQueue(db, sittingId);
  return {
    sittingId,
    rows: queue.rows.map((r) => ({
      studentId: r.studentId,
      fullName: r.fullName,
      stage: r.stage,
      place: r.place,
      ticketNumber: tickets.get(r.studentId) ?? null,
      drawnAt: iso(r.drawnAt),
      calledAt: iso(r.calledAt),
      answeredAt: iso(r.answeredAt),
    })),
    delayMinutes: delay,
    lastDrawAt: iso(queue.lastDrawAt),
    questioningStartsAt: iso(queue.questioningStartsAt),
    answering: queue.answering,
    next: queue.next,
    blockedBy: callBlock(queue, now),
    serverNow: now.toISOString(),
  };
}

/** The student's own place and how many answer before them; no one else's name or ticket. */
export async function studentQueueView(
  db: Db,
  sittingId: string,
  studentId: string,
): Promise<StudentQueueView> {
  const { queue } = await loadQueue(db, sittingId);
  const mine = queue.rows.find((r) => r.studentId === studentId);
  if (!mine) throw new HttpError('not_found', 'Sitting not found.');
  const waiting = (stage: string) => stage === 'preparing' || stage === 'answering' || stage === 'drawing';
  const ahead =
    mine.place === null
      ? 0
      : queue.rows.filter((r) => r.place !== null && r.place < (mine.place as number) && waiting(r.stage))
          .length;
  return {
    sittingId,
    stage: mine.stage,
    place: mine.place,
    ahead,
    questioningStartsAt: iso(queue.questioningStartsAt),
    calledAt: iso(mine.calledAt),
    serverNow: new Date().toISOString(),
  };
}
