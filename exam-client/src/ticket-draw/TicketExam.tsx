import type { AccessStatus, SittingKind } from '@adal/shared';
import type { AdalSocket } from '@adal/shared/web';
import { AnswerSheetsStep } from '../answer-sheets/AnswerSheetsStep.js';
import { ExamResultSection } from '../exam-result/ExamResultSection.js';
import { QueuePlace } from '../oral-queue/QueuePlace.js';
import { examSteps } from './exam-steps.js';
import { TicketDrawSection } from './TicketDrawSection.js';
import { useTicketBoard } from './use-ticket-board.js';
import { WritingTime } from './WritingTime.js';

interface TicketExamProps {
  sittingId: string;
  kind: SittingKind;
  access: AccessStatus;
  socket: AdalSocket | null;
  /** Terminated, denied or let go: the table and uploads stay as the server says, the result may come. */
  sittingEnded: boolean;
}

/**
 * A written, oral or state exam on the sitting page, step by step: the ticket, the writing time
 * (written), the answer sheets, the result (see `examSteps`).
 */
export function TicketExam({ sittingId, kind, access, socket, sittingEnded }: TicketExamProps) {
  const view = useTicketBoard(sittingId, socket, access);
  const steps = examSteps(kind, view.board, view.writing, sittingEnded);
  return (
    <>
      <TicketDrawSection sittingId={sittingId} view={view} />
      {/* Oral and state exams: the student's place in the queue once they drew. */}
      {kind !== 'written' && view.board?.myTicket && <QueuePlace sittingId={sittingId} socket={socket} />}
      {steps.writing && view.writing && <WritingTime writing={view.writing} onReload={view.reload} />}
      {steps.sheets && <AnswerSheetsStep key={sittingId} sittingId={sittingId} socket={socket} />}
      {steps.result && <ExamResultSection sittingId={sittingId} socket={socket} />}
    </>
  );
}
