import { z } from 'zod';
import { Id } from './sittings.js';

/** Thesis defence as the console and the student see it (rules in `domain/defence-schedule.ts`). */
const At = z.string().datetime();

export const DefenceStage = z.enum(['waiting', 'talk', 'questions', 'interrupted', 'defended', 'stopped']);
export type DefenceStage = z.infer<typeof DefenceStage>;

export const DefenceInterruptionView = z.object({
  interruptedAt: At,
  /** What went wrong, as the secretary wrote it ("the student's connection dropped"). */
  reason: z.string(),
  decidedAt: At.nullable(),
  decision: z.enum(['resume', 'stop']).nullable(),
});
export type DefenceInterruptionView = z.infer<typeof DefenceInterruptionView>;

/** A question the secretary typed for the student (used when the sound fails, exam-procedures.md). */
export const DefenceQuestionView = z.object({
  id: Id,
  text: z.string(),
  askedAt: At,
  askedBy: z.string(),
});
export type DefenceQuestionView = z.infer<typeof DefenceQuestionView>;

export const DefenceSlotView = z.object({
  studentId: Id,
  fullName: z.string(),
  place: z.number().int().min(1),
  /** Admitted (access green): only admitted students can be started. */
  admitted: z.boolean(),
  stage: DefenceStage,
  plannedStart: At,
  expectedStart: At,
  expectedEnd: At,
  shiftMinutes: z.number().int().min(0),
  startedAt: At.nullable(),
  talkEndedAt: At.nullable(),
  finishedAt: At.nullable(),
  /** At `serverNow`; clients count on from there while the stage is `talk`. */
  talkElapsedMs: z.number().int().min(0),
  interruptions: z.array(DefenceInterruptionView),
  questions: z.array(DefenceQuestionView),
});
export type DefenceSlotView = z.infer<typeof DefenceSlotView>;

export const DefenceScheduleView = z.object({
  sittingId: Id,
  slotMinutes: z.number().int().min(1),
  talkMinutes: z.number().int().min(1),
  talkWarnMinutes: z.number().int().min(1),
  rows: z.array(DefenceSlotView),
  /** Who defends now. */
  current: Id.nullable(),
  /** Who "Start next defence" would start: the first admitted waiting student in list order. */
  next: Id.nullable(),
  /** May the viewer run the defence (secretary, chair, admin) or only watch (members)? */
  canRun: z.boolean(),
  serverNow: At,
});
export type DefenceScheduleView = z.infer<typeof DefenceScheduleView>;

export const DefenceParams = z.object({ sittingId: Id, studentId: Id }).strict();
export type DefenceParams = z.infer<typeof DefenceParams>;

/**
 * What the secretary or chair records: start the defence, end the talk (questions begin), finish;
 * a technical problem interrupts it; the commission's decision is resume or stop.
 */
export const DefenceActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }).strict(),
  z.object({ action: z.literal('end_talk') }).strict(),
  z.object({ action: z.literal('finish') }).strict(),
  z.object({ action: z.literal('interrupt'), reason: z.string().trim().min(1).max(500) }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
  z.object({ action: z.literal('stop'), reason: z.string().trim().min(1).max(500) }).strict(),
]);
export type DefenceActionBody = z.infer<typeof DefenceActionBody>;

export const AskDefenceQuestionBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
export type AskDefenceQuestionBody = z.infer<typeof AskDefenceQuestionBody>;

/** The student's own defence: their slot, their talk timer and the questions written to them. */
export const StudentDefenceView = z.object({
  sittingId: Id,
  stage: DefenceStage,
  place: z.number().int().min(1),
  /** Students before them who have not finished yet. */
  ahead: z.number().int().min(0),
  plannedStart: At,
  expectedStart: At,
  shiftMinutes: z.number().int().min(0),
  startedAt: At.nullable(),
  talkEndedAt: At.nullable(),
  talkElapsedMs: z.number().int().min(0),
  talkMinutes: z.number().int().min(1),
  talkWarnMinutes: z.number().int().min(1),
  slotMinutes: z.number().int().min(1),
  questions: z.array(DefenceQuestionView),
  serverNow: At,
});
export type StudentDefenceView = z.infer<typeof StudentDefenceView>;

/** Pushed to the sitting's watchers and its students when a defence changed or a question was asked. */
export const DefenceChanged = z.object({ sittingId: Id });
export type DefenceChanged = z.infer<typeof DefenceChanged>;
