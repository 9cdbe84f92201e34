/**
 * The oral exam's queue (exam-procedures.md, "Oral exams"): students answer in list order; the
 * proctor (in a state exam, the secretary) calls the next one; the first student's questioning
 * starts `oralQuestioningDelayMinutes` (20, state exams 30) after the last student drew.
 * Pure, so the server, the console and the student's page compute the same queue.
 */

import type { OralStage } from '../api/oral-queue.js';

export interface OralQueueStudent {
  studentId: string;
  fullName: string;
  admitted: boolean;
  /** The sitting ended for the student (terminated, denied, permitted to leave). */
  ended: boolean;
  drawnAt: Date | null;
  calledAt: Date | null;
  answeredAt: Date | null;
}

export interface OralQueueRow {
  studentId: string;
  fullName: string;
  stage: OralStage;
  /** 1-based place among those who answer (absent students have none). */
  place: number | null;
  drawnAt: Date | null;
  calledAt: Date | null;
  answeredAt: Date | null;
}

export interface OralQueueState {
  rows: OralQueueRow[];
  /** When the last present student drew; null while someone present has not drawn yet. */
  lastDrawAt: Date | null;
  /** lastDrawAt + the delay: the proctor may call the first student from then on. */
  questioningStartsAt: Date | null;
  answering: string | null;
  /** Who "Next" would call: the first preparing student in list order. */
  next: string | null;
}

const MINUTE = 60_000;

function stageOf(s: OralQueueStudent): OralStage {
  if (s.answeredAt) return 'answered';
  if (s.calledAt) return 'answering';
  if (s.drawnAt) return 'preparing';
  if (!s.admitted || s.ended) return 'absent';
  return 'drawing';
}

/** The queue from the roster in list order, the draws and the calls so far. */
export function oralQueue(roster: readonly OralQueueStudent[], delayMinutes: number): OralQueueState {
  let place = 0;
  const rows = roster.map((s): OralQueueRow => {
    const stage = stageOf(s);
    return {
      studentId: s.studentId,
      fullName: s.fullName,
      stage,
      place: stage === 'absent' ? null : ++place,
      drawnAt: s.drawnAt,
      calledAt: s.calledAt,
      answeredAt: s.answeredAt,
    };
  });
  const drew = rows.filter((r) => r.drawnAt).map((r) => (r.drawnAt as Date).getTime());
  const stillDrawing = rows.some((r) => r.stage === 'drawing');
  const lastDrawAt = !stillDrawing && drew.length ? new Date(Math.max(...drew)) : null;
  return {
    rows,
    lastDrawAt,
    questioningStartsAt: lastDrawAt && new Date(lastDrawAt.getTime() + delayMinutes * MINUTE),
    answering: rows.find((r) => r.stage === 'answering')?.studentId ?? null,
    next: rows.find((r) => r.stage === 'preparing')?.studentId ?? null,
  };
}

/** Why "Next" cannot call anyone now, or null. */
export type CallBlock = 'still_drawing' | 'too_early' | 'nobody_left';

export function callBlock(q: OralQueueState, now: Date): CallBlock | null {
  // The first call waits for every present student's draw and the preparation time; later calls
  // follow the examiner's pace (a latecomer who draws afterwards simply joins the queue).
  if (!q.rows.some((r) => r.calledAt)) {
    if (!q.next) return q.rows.some((r) => r.stage === 'drawing') ? 'still_drawing' : 'nobody_left';
    if (!q.questioningStartsAt) return 'still_drawing';
    if (now < q.questioningStartsAt) return 'too_early';
    return null;
  }
  return q.next || q.answering ? null : 'nobody_left';
}
