import type { SittingKind, TicketBoard } from '@adal/shared';
import { type WritingState, writingOver } from './writing-clock.js';

/**
 * Which steps of a ticket exam the student sees (exam-procedures.md, "Oral and written exams with
 * tickets"): the ticket table always; the writing time in written exams once the ticket is shown;
 * the answer sheets once writing is over (written) or once the ticket is drawn (oral and state
 * exams: the student may photograph the notes they made); the result once there is a ticket or
 * the sitting is over.
 */
export interface ExamSteps {
  writing: boolean;
  sheets: boolean;
  result: boolean;
}

export function examSteps(
  kind: SittingKind,
  board: TicketBoard | null,
  writing: WritingState | null,
  sittingEnded: boolean,
): ExamSteps {
  const drawn = Boolean(board?.myTicket);
  const written = kind === 'written';
  return {
    writing: written && drawn && writing !== null,
    sheets: drawn && (written ? writingOver(writing) : true),
    result: drawn || sittingEnded,
  };
}
