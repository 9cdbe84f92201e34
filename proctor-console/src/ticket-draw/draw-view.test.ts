import {
  cardToPosition,
  commitmentOf,
  type LogAppended,
  type RosterEntry,
  type StaffDrawRow,
  TICKET_DRAW_FORMAT,
  type TicketDrawReveal,
  tableAfter,
} from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { drawRecords, isTicketDrawn, notDrawn, verifyReveal } from './draw-view.js';

const SITTING = '00000000-0000-4000-8000-000000000001';
const OTHER_SITTING = '00000000-0000-4000-8000-000000000002';
const student = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SALT = '3c'.repeat(32);
const ORDER = [
  [4, 2, 1, 3],
  [1, 3, 4, 2],
];

/** A reveal as the server would publish it, the draws replayed with the shared pure functions. */
async function revealed(cards: number[]): Promise<TicketDrawReveal> {
  let taken: number[] = [];
  const draws = cards.map((card, i) => {
    const table = tableAfter(4, ORDER.length, i);
    if (table.faceDown === 4) taken = [];
    const position = cardToPosition(4, taken, card);
    taken.push(position);
    return {
      seq: i + 1,
      round: table.round,
      card,
      faceDown: table.faceDown,
      position,
      ticketNumber: ORDER[table.round - 1]?.[position] ?? 0,
      drawnAt: `2026-06-01T09:0${i}:00.000Z`,
      student: { id: student(i + 1), fullName: `Student ${i + 1}` },
      mine: false,
    };
  });
  return {
    sittingId: SITTING,
    format: TICKET_DRAW_FORMAT,
    commitment: await commitmentOf(ORDER, SALT),
    salt: SALT,
    order: ORDER,
    revealedAt: '2026-06-01T09:30:00.000Z',
    // Out of order on purpose: the check replays them by seq.
    draws: draws.reverse(),
  };
}

describe('verifyReveal', () => {
  it('confirms an honest draw across a round boundary', async () => {
    const reveal = await revealed([3, 0, 1, 0, 2]);
    expect(drawRecords(reveal).map((d) => d.ticketNumber)).toEqual([3, 4, 1, 2, 4]);
    expect(await verifyReveal(reveal.commitment, reveal)).toEqual({
      ok: true,
      draws: 5,
      firstMismatch: null,
    });
  });

  it('fails when the order was changed after the commitment was published', async () => {
    const reveal = await revealed([0, 0]);
    const published = reveal.commitment;
    const swapped = { ...reveal, order: [[2, 4, 1, 3], ORDER[1] ?? []] };
    // The server could recompute a matching commitment; the page checks the one it showed before.
    const recommitted = { ...swapped, commitment: await commitmentOf(swapped.order, SALT) };
    const result = await verifyReveal(published, recommitted);
    expect(result.ok).toBe(false);
    expect(result.firstMismatch?.draw).toBeNull();
  });

  it('names the first draw whose ticket does not follow from the order', async () => {
    const reveal = await revealed([1, 1, 0]);
    const draws = reveal.draws.map((d) =>
      d.seq === 2 ? { ...d, ticketNumber: d.ticketNumber === 1 ? 3 : 1 } : d,
    );
    const result = await verifyReveal(reveal.commitment, { ...reveal, draws });
    expect(result.ok).toBe(false);
    expect(result.firstMismatch?.draw).toBe(1);
  });
});

describe('notDrawn', () => {
  const entry = (n: number): RosterEntry => ({
    studentId: student(n),
    fullName: `Student ${n}`,
    iin: '040512500321',
    access: 'green',
    admittedAt: null,
  });
  const drew = (n: number): StaffDrawRow => ({
    studentId: student(n),
    fullName: `Student ${n}`,
    ticketNumber: 1,
    card: 0,
    faceDown: 3,
    round: 1,
    drawnAt: '2026-06-01T09:00:00.000Z',
  });

  it('lists the students who have not drawn, in list order', () => {
    expect(notDrawn([entry(1), entry(2), entry(3)], [drew(2)]).map((s) => s.studentId)).toEqual([
      student(1),
      student(3),
    ]);
    expect(notDrawn([entry(1)], [drew(1)])).toEqual([]);
  });
});

describe('isTicketDrawn', () => {
  const appended = (sittingId: string, source: 'system' | 'chat', type: string): LogAppended => ({
    sittingId,
    studentId: student(1),
    entry: {
      seq: 1,
      at: '2026-06-01T09:00:00.000Z',
      source,
      type,
      severity: 'info',
      text: '',
      evidence: null,
      durationMs: null,
      confidence: null,
      prevHash: '0',
      hash: '1',
    },
  });

  it('reacts to a ticket drawn in this sitting only', () => {
    expect(isTicketDrawn(appended(SITTING, 'system', 'ticket_drawn'), SITTING)).toBe(true);
    expect(isTicketDrawn(appended(OTHER_SITTING, 'system', 'ticket_drawn'), SITTING)).toBe(false);
    expect(isTicketDrawn(appended(SITTING, 'system', 'ticket_viewed'), SITTING)).toBe(false);
    expect(isTicketDrawn(appended(SITTING, 'chat', 'ticket_drawn'), SITTING)).toBe(false);
  });
});
