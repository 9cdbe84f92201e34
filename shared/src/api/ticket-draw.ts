import { z } from 'zod';
import { Role } from '../domain/roles.js';
import { AttemptClock } from './attempts.js';
import { Id } from './sittings.js';

/**
 * The closed-ticket draw of written, oral and state exams (exam-procedures.md, "Oral and written
 * exams with tickets"); the rules and the commitment format are in `domain/ticket-draw.ts`.
 * Before a student has drawn, nothing they are sent names a ticket's questions or the order.
 */

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const At = z.string().datetime();

/** Why a student may not draw now (null: they may, or they already have). */
export const DrawBlock = z.enum([
  /** Access is still red. */
  'not_admitted',
  /** Terminated, denied or let go: nothing more happens in this sitting for the student. */
  'sitting_ended',
  /** Staff ended the draw and revealed the order. */
  'draw_closed',
  /** Every card of every committed round has been drawn. */
  'no_tickets_left',
]);
export type DrawBlock = z.infer<typeof DrawBlock>;

/** A drawn ticket as its student (or a staff member viewing it) sees it. */
export const DrawnTicket = z.object({
  ticketNumber: z.number().int().min(1),
  questions: z.array(z.string()),
  /** The face-down card the student picked (from 0) among `faceDown` cards of `round` (from 1). */
  card: z.number().int().min(0),
  faceDown: z.number().int().min(1),
  round: z.number().int().min(1),
  drawnAt: At,
});
export type DrawnTicket = z.infer<typeof DrawnTicket>;

/** The writing time of a written exam: an attempt without questions, with the test clock's rules. */
export const WritingClock = AttemptClock.extend({ attemptId: Id });
export type WritingClock = z.infer<typeof WritingClock>;

/** The student's table: the tickets face down, the commitment, and their own ticket once drawn. */
export const TicketBoard = z.object({
  sittingId: Id,
  /** SHA-256 of the secret order and salt, published before the first draw. */
  commitment: Hex64,
  poolSize: z.number().int().min(1),
  /** How many rounds the order holds (each round deals every ticket once). */
  rounds: z.number().int().min(1),
  round: z.number().int().min(1),
  faceDown: z.number().int().min(0),
  revealed: z.boolean(),
  blockedBy: DrawBlock.nullable(),
  myTicket: DrawnTicket.nullable(),
  /**
   * Written exams: the writing time that starts when the ticket is shown (server-owned, stops
   * while a proctor pauses or a lost camera suspends it). null before the draw and for oral exams.
   */
  writing: WritingClock.nullable(),
});
export type TicketBoard = z.infer<typeof TicketBoard>;

/** The student picks one face-down card (an index from 0 among the cards on the table now). */
export const DrawTicketBody = z.object({ card: z.number().int().min(0).max(999) }).strict();
export type DrawTicketBody = z.infer<typeof DrawTicketBody>;

export const StaffDrawRow = z.object({
  studentId: Id,
  fullName: z.string(),
  ticketNumber: z.number().int().min(1),
  card: z.number().int().min(0),
  faceDown: z.number().int().min(1),
  round: z.number().int().min(1),
  drawnAt: At,
});
export type StaffDrawRow = z.infer<typeof StaffDrawRow>;

/** The draw as the sitting's watchers follow it: who drew which ticket number, and when. */
export const TicketDrawOverview = z.object({
  sittingId: Id,
  commitment: Hex64,
  poolSize: z.number().int().min(1),
  rounds: z.number().int().min(1),
  round: z.number().int().min(1),
  faceDown: z.number().int().min(0),
  rosterSize: z.number().int().min(0),
  createdAt: At,
  revealedAt: At.nullable(),
  draws: z.array(StaffDrawRow),
});
export type TicketDrawOverview = z.infer<typeof TicketDrawOverview>;

/** One draw of a revealed plan, in the order the draws were made. */
export const RevealedDraw = z.object({
  /** 1, 2, … in drawing order. */
  seq: z.number().int().min(1),
  round: z.number().int().min(1),
  card: z.number().int().min(0),
  faceDown: z.number().int().min(1),
  position: z.number().int().min(0),
  ticketNumber: z.number().int().min(1),
  drawnAt: At,
  /** Staff only; null for students. */
  student: z.object({ id: Id, fullName: z.string() }).nullable(),
  /** This is the caller's own draw. */
  mine: z.boolean(),
});
export type RevealedDraw = z.infer<typeof RevealedDraw>;

/** Everything needed to check the draw with `verifyDraw`, published once staff end the draw. */
export const TicketDrawReveal = z.object({
  sittingId: Id,
  /** The canonical string's format (see `commitmentInput`). */
  format: z.string(),
  commitment: Hex64,
  salt: Hex64,
  /** The ticket numbers in position order, one array per round. */
  order: z.array(z.array(z.number().int().min(1))),
  revealedAt: At,
  draws: z.array(RevealedDraw),
});
export type TicketDrawReveal = z.infer<typeof TicketDrawReveal>;

/** A staff member opens one student's drawn ticket (the viewing is logged for the student). */
export const StudentTicket = DrawnTicket.extend({ studentId: Id, fullName: z.string() });
export type StudentTicket = z.infer<typeof StudentTicket>;

/** Evidence of a `ticket_viewed` log entry: who was shown the student's ticket. */
export const TicketViewedEvidence = z.object({
  ticketNumber: z.number().int().min(1),
  viewerId: Id,
  viewerName: z.string(),
  viewerRole: Role,
});
export type TicketViewedEvidence = z.infer<typeof TicketViewedEvidence>;
