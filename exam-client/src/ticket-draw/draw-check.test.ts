import { commitmentOf, type RevealedDraw, type TicketDrawReveal } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { checkDraw } from './draw-check.js';
import { SITTING, ticket } from './fixtures.js';

const SALT = 'ab'.repeat(32);
const ORDER = [
  [3, 1, 2],
  [2, 3, 1],
];

/** Three draws replayed by the rules: card 1 of 3 → position 1 (ticket 1), card 0 of 2 → 0 (3), card 0 of 1 → 2 (2). */
function draws(): RevealedDraw[] {
  const at = (n: number) => `2026-06-10T09:0${n}:00.000Z`;
  return [
    {
      seq: 1,
      round: 1,
      card: 1,
      faceDown: 3,
      position: 1,
      ticketNumber: 1,
      drawnAt: at(1),
      student: null,
      mine: false,
    },
    {
      seq: 2,
      round: 1,
      card: 0,
      faceDown: 2,
      position: 0,
      ticketNumber: 3,
      drawnAt: at(2),
      student: null,
      mine: true,
    },
    {
      seq: 3,
      round: 1,
      card: 0,
      faceDown: 1,
      position: 2,
      ticketNumber: 2,
      drawnAt: at(3),
      student: null,
      mine: false,
    },
  ];
}

async function reveal(patch: Partial<TicketDrawReveal> = {}): Promise<TicketDrawReveal> {
  return {
    sittingId: SITTING,
    format: 'adal-ticket-draw:v1',
    commitment: await commitmentOf(ORDER, SALT),
    salt: SALT,
    order: ORDER,
    revealedAt: '2026-06-10T12:00:00.000Z',
    draws: draws(),
    ...patch,
  };
}

const mine = ticket({ ticketNumber: 3, card: 0, faceDown: 2, round: 1 });

describe('checkDraw', () => {
  it('passes an honest draw and finds the student’s own card in it', async () => {
    const r = await reveal();
    const check = await checkDraw(r, r.commitment, mine);
    expect(check).toMatchObject({ kind: 'ok', draws: 3, mine: { ticketNumber: 3, card: 0 } });
  });

  it('fails when the published commitment is not the one shown before the draw', async () => {
    const r = await reveal();
    expect(await checkDraw(r, 'f'.repeat(64), mine)).toEqual({ kind: 'commitment_changed' });
  });

  it('fails when the order does not hash to the commitment (the order was changed)', async () => {
    const r = await reveal();
    const changed = { ...r, order: [[1, 3, 2], ORDER[1] ?? []] };
    const check = await checkDraw(changed, r.commitment, mine);
    expect(check).toMatchObject({ kind: 'mismatch', draw: null });
  });

  it('names the first draw that does not replay, counted from 1', async () => {
    const r = await reveal();
    const bad = draws();
    bad[2] = { ...(bad[2] as RevealedDraw), ticketNumber: 1 };
    const check = await checkDraw({ ...r, draws: bad }, r.commitment, mine);
    expect(check).toMatchObject({ kind: 'mismatch', draw: 3 });
  });

  it('fails when the student’s draw is not listed as they made it', async () => {
    const r = await reveal();
    expect(await checkDraw(r, r.commitment, { ...mine, card: 1 })).toEqual({
      kind: 'mine_missing',
      ticketNumber: 3,
    });
    const noneMine = { ...r, draws: draws().map((d) => ({ ...d, mine: false })) };
    expect((await checkDraw(noneMine, r.commitment, mine)).kind).toBe('mine_missing');
  });
});
