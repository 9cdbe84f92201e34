import type { DrawnTicket, TicketBoard, WritingClock } from '@adal/shared';

export const SITTING = '00000000-0000-4000-8000-000000000001';
export const ATTEMPT = '00000000-0000-4000-8000-0000000000a1';
export const COMMITMENT = 'c0ffee00'.repeat(8);

export function board(patch: Partial<TicketBoard> = {}): TicketBoard {
  return {
    sittingId: SITTING,
    commitment: COMMITMENT,
    poolSize: 10,
    rounds: 2,
    round: 1,
    faceDown: 7,
    revealed: false,
    blockedBy: null,
    myTicket: null,
    writing: null,
    ...patch,
  };
}

export function ticket(patch: Partial<DrawnTicket> = {}): DrawnTicket {
  return {
    ticketNumber: 7,
    questions: ['Define a normal form of a relation.', 'Explain two-phase locking.', 'Write an SQL join.'],
    card: 2,
    faceDown: 8,
    round: 1,
    drawnAt: '2026-06-10T09:05:00.000Z',
    ...patch,
  };
}

/** Two hours from the draw, sent at `serverNow`. */
export function writing(patch: Partial<WritingClock> = {}): WritingClock {
  return {
    attemptId: ATTEMPT,
    status: 'in_progress',
    startedAt: '2026-06-10T09:05:00.000Z',
    deadlineAt: '2026-06-10T11:05:00.000Z',
    pausedAt: null,
    pausedByProctor: false,
    suspendedAt: null,
    serverNow: '2026-06-10T09:30:00.000Z',
    ...patch,
  };
}
