import { describe, expect, it } from 'vitest';
import {
  cardToPosition,
  commitmentInput,
  commitmentOf,
  type DrawRecord,
  type DrawReveal,
  tableAfter,
  verifyDraw,
} from './ticket-draw.js';

const SALT = 'a'.repeat(64);
const ORDER = [
  [3, 1, 2],
  [2, 3, 1],
];

/** Replays draws with the given cards through the pure functions, as the server does. */
function replay(order: number[][], cards: number[]): DrawRecord[] {
  const poolSize = order[0]?.length ?? 0;
  let taken: number[] = [];
  return cards.map((card, i) => {
    const table = tableAfter(poolSize, order.length, i);
    if (table.faceDown === poolSize) taken = [];
    const position = cardToPosition(poolSize, taken, card);
    taken.push(position);
    const ticketNumber = order[table.round - 1]?.[position] ?? -1;
    return { round: table.round, card, faceDown: table.faceDown, position, ticketNumber };
  });
}

async function reveal(cards = [2, 0, 0, 1, 1, 0]): Promise<DrawReveal> {
  return {
    commitment: await commitmentOf(ORDER, SALT),
    salt: SALT,
    order: ORDER,
    draws: replay(ORDER, cards),
  };
}

describe('commitmentOf', () => {
  it('hashes the documented canonical string with SHA-256', async () => {
    expect(commitmentInput(ORDER, SALT)).toBe(`adal-ticket-draw:v1:${SALT}:3,1,2;2,3,1`);
    // Computed independently: python3 -c "import hashlib; print(hashlib.sha256(b'adal-ticket-draw:v1:' + b'a' * 64 + b':3,1,2;2,3,1').hexdigest())"
    expect(await commitmentOf(ORDER, SALT)).toBe(
      '50fd22383f6955138adf9683adb08098fb3cd365f55969a76aa6863d08dfa195',
    );
  });

  it('changes with the order, the round boundaries and the salt', async () => {
    const base = await commitmentOf(ORDER, SALT);
    expect(await commitmentOf([[1, 3, 2], ORDER[1] ?? []], SALT)).not.toBe(base);
    expect(await commitmentOf([[3, 1, 2, 2, 3, 1]], SALT)).not.toBe(base);
    expect(await commitmentOf(ORDER, 'b'.repeat(64))).not.toBe(base);
  });
});

describe('tableAfter and cardToPosition', () => {
  it('deals every card of a round, then starts the next round face down', () => {
    expect(tableAfter(3, 2, 0)).toEqual({ round: 1, faceDown: 3, exhausted: false });
    expect(tableAfter(3, 2, 2)).toEqual({ round: 1, faceDown: 1, exhausted: false });
    expect(tableAfter(3, 2, 3)).toEqual({ round: 2, faceDown: 3, exhausted: false });
    expect(tableAfter(3, 2, 6)).toEqual({ round: 2, faceDown: 0, exhausted: true });
  });

  it('maps a card to the untaken positions in ascending order', () => {
    expect(cardToPosition(5, [], 0)).toBe(0);
    expect(cardToPosition(5, [0, 2], 0)).toBe(1);
    expect(cardToPosition(5, [0, 2], 1)).toBe(3);
    expect(cardToPosition(5, [0, 2], 2)).toBe(4);
    expect(() => cardToPosition(5, [0, 2], 3)).toThrow(RangeError);
    expect(() => cardToPosition(5, [], -1)).toThrow(RangeError);
    expect(() => cardToPosition(5, [], 1.5)).toThrow(RangeError);
  });

  it('never gives one position twice in a round, whatever the cards', () => {
    for (let seed = 0; seed < 50; seed++) {
      const taken: number[] = [];
      for (let faceDown = 7; faceDown > 0; faceDown--)
        taken.push(cardToPosition(7, taken, (seed * 31) % faceDown));
      expect([...taken].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });
});

describe('verifyDraw', () => {
  it('accepts an honest draw', async () => {
    const r = await reveal();
    expect(r.draws.map((d) => d.ticketNumber)).toEqual([2, 3, 1, 3, 1, 2]);
    expect(await verifyDraw(r)).toEqual({ ok: true, draws: 6, firstMismatch: null });
  });

  it('refuses an order or salt that does not match the commitment', async () => {
    const r = await reveal();
    expect(await verifyDraw({ ...r, order: [[1, 3, 2], ORDER[1] ?? []] })).toMatchObject({
      ok: false,
      firstMismatch: { draw: null, reason: expect.stringMatching(/commitment/) },
    });
    expect(await verifyDraw({ ...r, salt: 'b'.repeat(64) })).toMatchObject({
      ok: false,
      firstMismatch: { draw: null },
    });
  });

  it('refuses a committed order that is not a permutation of one pool per round', async () => {
    const bad = [
      [3, 1, 2],
      [2, 2, 1],
    ];
    const r = { commitment: await commitmentOf(bad, SALT), salt: SALT, order: bad, draws: [] };
    expect((await verifyDraw(r)).firstMismatch).toEqual({
      draw: null,
      reason: 'round 2 is not an order of the same tickets as round 1',
    });
  });

  it('names the first draw whose ticket, position, card, round or count was changed', async () => {
    const r = await reveal();
    const tamper = (i: number, change: Partial<DrawRecord>) => ({
      ...r,
      draws: r.draws.map((d, j) => (j === i ? { ...d, ...change } : d)),
    });
    expect((await verifyDraw(tamper(4, { ticketNumber: 2 }))).firstMismatch).toEqual({
      draw: 4,
      reason: 'ticket 2 recorded, 1 expected',
    });
    expect((await verifyDraw(tamper(1, { position: 2 }))).firstMismatch?.draw).toBe(1);
    expect((await verifyDraw(tamper(2, { card: 1 }))).firstMismatch).toEqual({
      draw: 2,
      reason: 'card 1 was not on the table',
    });
    expect((await verifyDraw(tamper(3, { round: 1 }))).firstMismatch?.draw).toBe(3);
    expect((await verifyDraw(tamper(0, { faceDown: 2 }))).firstMismatch?.draw).toBe(0);
    // A draw left out shifts every later one.
    expect((await verifyDraw({ ...r, draws: r.draws.slice(1) })).ok).toBe(false);
    // Draws beyond the committed rounds cannot be honest.
    const more = { ...r, draws: [...r.draws, { ...(r.draws[0] as DrawRecord) }] };
    expect((await verifyDraw(more)).firstMismatch).toEqual({
      draw: 6,
      reason: 'more draws than the committed rounds hold',
    });
  });
});
