import { type DrawnTicket, type RevealedDraw, type TicketDrawReveal, verifyDraw } from '@adal/shared';

export type DrawCheck =
  | { kind: 'ok'; draws: number; mine: RevealedDraw | null }
  /** The reveal's commitment is not the one the student was shown before drawing. */
  | { kind: 'commitment_changed' }
  /** `draw` counts from 1; null: the order itself does not add up. */
  | { kind: 'mismatch'; draw: number | null; reason: string }
  /** The reveal does not list the student's draw as they made it. */
  | { kind: 'mine_missing'; ticketNumber: number };

/**
 * The student's own check of a revealed draw, in the browser: the order and salt must hash to the
 * commitment shown before the draw, every draw must replay (`verifyDraw`), and the student's own
 * draw must be there with the card and ticket they got.
 */
export async function checkDraw(
  reveal: TicketDrawReveal,
  shownCommitment: string,
  myTicket: DrawnTicket | null,
): Promise<DrawCheck> {
  if (reveal.commitment.toLowerCase() !== shownCommitment.toLowerCase())
    return { kind: 'commitment_changed' };
  const verification = await verifyDraw(reveal);
  if (!verification.ok) {
    const at = verification.firstMismatch?.draw ?? null;
    return {
      kind: 'mismatch',
      draw: at === null ? null : at + 1,
      reason: verification.firstMismatch?.reason ?? '',
    };
  }
  const mine = reveal.draws.find((d) => d.mine) ?? null;
  if (
    myTicket &&
    (!mine ||
      mine.ticketNumber !== myTicket.ticketNumber ||
      mine.card !== myTicket.card ||
      mine.round !== myTicket.round ||
      mine.faceDown !== myTicket.faceDown)
  )
    return { kind: 'mine_missing', ticketNumber: myTicket.ticketNumber };
  return { kind: 'ok', draws: verification.draws, mine };
}
