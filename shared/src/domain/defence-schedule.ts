/**
 * Thesis defence (exam-procedures.md, "State exams and thesis defence"): students defend in list
 * order in slots of `defenceSlotMinutes` (15), talking `defenceTalkMinutes` (7–10) with questions
 * after. The technical secretary (or the chair) starts a defence, ends the talk, finishes it; a
 * technical problem interrupts it and the commission then records resume or stop. The schedule
 * never moves earlier than the time students were given; delays push everyone after them later.
 */

import type { DefenceStage } from '../api/thesis-defence.js';

export type DefenceOutcome = 'defended' | 'stopped';

export interface DefenceInterruption {
  interruptedAt: Date;
  /** When the commission recorded resume or stop (null: still interrupted). */
  decidedAt: Date | null;
  decision: 'resume' | 'stop' | null;
}

export interface DefenceRecord {
  startedAt: Date;
  /** The talk ended and questions began (null: still talking, or stopped during the talk). */
  talkEndedAt: Date | null;
  finishedAt: Date | null;
  outcome: DefenceOutcome | null;
  interruptions: readonly DefenceInterruption[];
}

export interface DefenceScheduleInput {
  startsAt: Date;
  slotMinutes: number;
  /** The sitting's list, in order. */
  studentIds: readonly string[];
  records: ReadonlyMap<string, DefenceRecord>;
  now: Date;
}

export interface DefenceSlot {
  studentId: string;
  /** Position in the list, from 1. */
  place: number;
  stage: DefenceStage;
  /** The time this student was given: start of the sitting plus (place − 1) slots. */
  plannedStart: Date;
  expectedStart: Date;
  expectedEnd: Date;
  /** How much later than planned the slot now starts (whole minutes, never negative). */
  shiftMinutes: number;
  /** Talk time so far, interruptions not counted. */
  talkElapsedMs: number;
  /** Time lost to interruptions so far (the ongoing one counted up to now). */
  interruptedMs: number;
}

const MINUTE = 60_000;

/** Time the interruptions took inside [from, to). */
export function interruptedWithin(
  interruptions: readonly DefenceInterruption[],
  from: Date,
  to: Date,
  now: Date,
): number {
  let total = 0;
  for (const i of interruptions) {
    const start = Math.max(i.interruptedAt.getTime(), from.getTime());
    const end = Math.min((i.decidedAt ?? now).getTime(), to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}

export function defenceStage(record: DefenceRecord | undefined): DefenceStage {
  if (!record) return 'waiting';
  if (record.outcome) return record.outcome;
  if (record.interruptions.some((i) => i.decidedAt === null)) return 'interrupted';
  return record.talkEndedAt ? 'questions' : 'talk';
}

/** Talk time so far: from the start to the end of the talk (or now), interruptions not counted. */
export function talkElapsedMs(record: DefenceRecord, now: Date): number {
  const end = record.talkEndedAt ?? record.finishedAt ?? now;
  const gross = end.getTime() - record.startedAt.getTime();
  return Math.max(0, gross - interruptedWithin(record.interruptions, record.startedAt, end, now));
}

/** The talk timer's state: `warn` from the first warning (7 min), `over` from the talk length (10). */
export function talkWarning(
  elapsedMs: number,
  warnMinutes: number,
  talkMinutes: number,
): 'none' | 'warn' | 'over' {
  if (elapsedMs >= talkMinutes * MINUTE) return 'over';
  if (elapsedMs >= warnMinutes * MINUTE) return 'warn';
  return 'none';
}

/**
 * The talk timer a client shows at `nowMs` (its clock corrected to the server's): the value the
 * server sent at `serverNow`, counting on only while the student is talking (it stands still
 * during an interruption and once questions begin).
 */
export function talkTimerMs(
  slot: { stage: DefenceStage; talkElapsedMs: number },
  serverNow: string,
  nowMs: number,
): number {
  if (slot.stage !== 'talk') return slot.talkElapsedMs;
  return slot.talkElapsedMs + Math.max(0, nowMs - Date.parse(serverNow));
}

/**
 * Every student's slot. Started defences keep their real times (a running one ends a slot after
 * its start plus its interruptions, or now if it runs over); those still waiting follow in list
 * order after the last started one, never before their planned time and never in the past.
 */
export function defenceSchedule(input: DefenceScheduleInput): DefenceSlot[] {
  const { startsAt, slotMinutes, studentIds, records, now } = input;
  const slotMs = slotMinutes * MINUTE;
  const planned = (index: number) => new Date(startsAt.getTime() + index * slotMs);
  const slots: DefenceSlot[] = [];
  let busyUntil = startsAt.getTime();
  let someoneDefending = false;

  for (const [index, studentId] of studentIds.entries()) {
    const record = records.get(studentId);
    if (!record) continue;
    const stage = defenceStage(record);
    const interrupted = interruptedWithin(
      record.interruptions,
      record.startedAt,
      record.finishedAt ?? now,
      now,
    );
    const end = record.finishedAt
      ? record.finishedAt.getTime()
      : Math.max(record.startedAt.getTime() + slotMs + interrupted, now.getTime());
    if (!record.finishedAt) someoneDefending = true;
    busyUntil = Math.max(busyUntil, end);
    slots[index] = {
      studentId,
      place: index + 1,
      stage,
      plannedStart: planned(index),
      expectedStart: record.startedAt,
      expectedEnd: new Date(end),
      shiftMinutes: Math.max(0, Math.round((record.startedAt.getTime() - planned(index).getTime()) / MINUTE)),
      talkElapsedMs: talkElapsedMs(record, now),
      interruptedMs: interrupted,
    };
  }

  // Nobody defending and the next one's time has passed: they can start now, not in the past.
  let cursor = someoneDefending ? busyUntil : Math.max(busyUntil, now.getTime());
  for (const [index, studentId] of studentIds.entries()) {
    if (records.has(studentId)) continue;
    const start = Math.max(planned(index).getTime(), cursor);
    cursor = start + slotMs;
    slots[index] = {
      studentId,
      place: index + 1,
      stage: 'waiting',
      plannedStart: planned(index),
      expectedStart: new Date(start),
      expectedEnd: new Date(cursor),
      shiftMinutes: Math.max(0, Math.round((start - planned(index).getTime()) / MINUTE)),
      talkElapsedMs: 0,
      interruptedMs: 0,
    };
  }
  return slots;
}

/** Who defends now (started, not finished), if anyone. */
export const currentDefender = (slots: readonly DefenceSlot[]): string | null =>
  slots.find((s) => s.stage === 'talk' || s.stage === 'questions' || s.stage === 'interrupted')?.studentId ??
  null;

/** The first waiting student in list order among those the commission can call (admitted ones). */
export const nextDefender = (
  slots: readonly DefenceSlot[],
  callable: (studentId: string) => boolean,
): string | null => slots.find((s) => s.stage === 'waiting' && callable(s.studentId))?.studentId ?? null;
