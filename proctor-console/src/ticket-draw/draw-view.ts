import {
  type DrawRecord,
  type DrawVerification,
  type LogAppended,
  type RosterEntry,
  type StaffDrawRow,
  type TicketDrawReveal,
  verifyDraw,
} from '@adal/shared';

/** The draw page's pure parts: who is still to draw, what changes the table, and the check. */

/** Students on the list who have not drawn yet, in list order. */
export function notDrawn(roster: readonly RosterEntry[], draws: readonly StaffDrawRow[]): RosterEntry[] {
  const drawn = new Set(draws.map((d) => d.studentId));
  return roster.filter((s) => !drawn.has(s.studentId));
}

/** A Chat&log entry that means a student of this sitting has just drawn a ticket. */
export const isTicketDrawn = (event: LogAppended, sittingId: string): boolean =>
  event.sittingId === sittingId && event.entry.source === 'system' && event.entry.type === 'ticket_drawn';

/** The revealed draws as `verifyDraw` replays them, in drawing order. */
export const drawRecords = (reveal: TicketDrawReveal): DrawRecord[] =>
  [...reveal.draws]
    .sort((a, b) => a.seq - b.seq)
    .map(({ round, card, faceDown, position, ticketNumber }) => ({
      round,
      card,
      faceDown,
      position,
      ticketNumber,
    }));

/**
 * Checks the reveal against the commitment this page was shown before the draw ended (not the
 * one the reveal repeats): a server that changed its commitment afterwards fails the check.
 */
export function verifyReveal(
  publishedCommitment: string,
  reveal: TicketDrawReveal,
): Promise<DrawVerification> {
  return verifyDraw({
    commitment: publishedCommitment,
    salt: reveal.salt,
    order: reveal.order,
    draws: drawRecords(reveal),
  });
}
