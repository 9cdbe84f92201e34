import { z } from 'zod';
import { Id } from './sittings.js';

/** The oral exam's queue as the console shows it (rules in `domain/oral-queue.ts`). */
const At = z.string().datetime();

/**
 * absent: not admitted, or their sitting ended before they drew (not in the queue); drawing:
 * admitted, no ticket yet; preparing: drew and prepares; answering: called; answered: done.
 */
export const OralStage = z.enum(['absent', 'drawing', 'preparing', 'answering', 'answered']);
export type OralStage = z.infer<typeof OralStage>;

export const OralQueueRowView = z.object({
  studentId: Id,
  fullName: z.string(),
  stage: OralStage,
  place: z.number().int().min(1).nullable(),
  ticketNumber: z.number().int().min(1).nullable(),
  drawnAt: At.nullable(),
  calledAt: At.nullable(),
  answeredAt: At.nullable(),
});
export type OralQueueRowView = z.infer<typeof OralQueueRowView>;

export const CallBlockReason = z.enum(['still_drawing', 'too_early', 'nobody_left']);
export type CallBlockReason = z.infer<typeof CallBlockReason>;

export const OralQueueView = z.object({
  sittingId: Id,
  rows: z.array(OralQueueRowView),
  delayMinutes: z.number().int().min(0),
  lastDrawAt: At.nullable(),
  questioningStartsAt: At.nullable(),
  answering: Id.nullable(),
  next: Id.nullable(),
  /** Why "Next student" cannot call anyone now (null: it can). */
  blockedBy: CallBlockReason.nullable(),
  serverNow: At,
});
export type OralQueueView = z.infer<typeof OralQueueView>;

/** The student's own place: never other students' names or tickets. */
export const StudentQueueView = z.object({
  sittingId: Id,
  stage: OralStage,
  place: z.number().int().min(1).nullable(),
  /** Students before them who have not answered yet. */
  ahead: z.number().int().min(0),
  questioningStartsAt: At.nullable(),
  calledAt: At.nullable(),
  serverNow: At,
});
export type StudentQueueView = z.infer<typeof StudentQueueView>;

/** Pushed to the sitting's watchers and its students when someone is called or has answered. */
export const OralQueueChanged = z.object({ sittingId: Id });
export type OralQueueChanged = z.infer<typeof OralQueueChanged>;
