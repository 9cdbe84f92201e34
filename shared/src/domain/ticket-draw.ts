/**
 * The closed-ticket draw (exam-procedures.md, "Oral and written exams with tickets"), as pure
 * functions both ends share: the server draws with them, anyone checks a revealed draw with them.
 *
 * A sitting's plan is one secret, independently shuffled order of the pool's ticket numbers per
 * round. Before anyone draws, the server publishes `commitmentOf(order, salt)`; after the draw it
 * reveals the order and the salt. Each draw names a face-down card of the current round: the
 * `card`-th of the positions still untaken, counted from 0 in ascending position order. The
 * student's ticket is the number at that position. When every position of a round is taken, the
 * next round starts with all cards face down again, in its own order (a fresh order per round, so
 * what students learnt about round 1 says nothing about round 2).
 *
 * Rounds are counted from 1; cards and positions are indexes from 0.
 */

import type { SittingKind } from './sitting-kinds.js';

/** The exam kinds whose students draw a closed ticket. */
export const TICKET_DRAW_KINDS = ['written', 'oral', 'state_exam'] as const satisfies readonly SittingKind[];
export const hasTicketDraw = (kind: SittingKind): boolean =>
  (TICKET_DRAW_KINDS as readonly SittingKind[]).includes(kind);

/** Names the canonical string format; a new format gets a new version. */
export const TICKET_DRAW_FORMAT = 'adal-ticket-draw:v1';

/**
 * The exact string the commitment hashes:
 * `adal-ticket-draw:v1:<salt>:<round 1 numbers, comma-separated>;<round 2 …>` — e.g.
 * `adal-ticket-draw:v1:9f…e1:3,1,2;2,3,1` for a pool of three tickets drawn in two rounds.
 */
export function commitmentInput(order: readonly (readonly number[])[], salt: string): string {
  return `${TICKET_DRAW_FORMAT}:${salt}:${order.map((round) => round.join(',')).join(';')}`;
}

/** Lowercase hex SHA-256 of the canonical string (WebCrypto: browsers and Node alike). */
export async function commitmentOf(order: readonly (readonly number[])[], salt: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(commitmentInput(order, salt)),
  );
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The table after `drawn` draws: the round under way and how many of its cards lie face down. */
export interface DrawTable {
  /** 1-based; the last round once every committed card is drawn. */
  round: number;
  faceDown: number;
  /** Every card of every committed round has been drawn. */
  exhausted: boolean;
}

export function tableAfter(poolSize: number, rounds: number, drawn: number): DrawTable {
  if (drawn >= poolSize * rounds) return { round: rounds, faceDown: 0, exhausted: true };
  return {
    round: Math.floor(drawn / poolSize) + 1,
    faceDown: poolSize - (drawn % poolSize),
    exhausted: false,
  };
}

/**
 * The position a face-down card stands for: the `card`-th untaken position of the round, in
 * ascending order. Throws a RangeError for a card that is not on the table.
 */
export function cardToPosition(poolSize: number, takenPositions: readonly number[], card: number): number {
  const taken = new Set(takenPositions);
  if (!Number.isInteger(card) || card < 0) throw new RangeError(`card ${card} is not a card index`);
  let seen = 0;
  for (let position = 0; position < poolSize; position++) {
    if (taken.has(position)) continue;
    if (seen === card) return position;
    seen++;
  }
  throw new RangeError(`card ${card} is not on the table: ${seen} cards lie face down`);
}

/** One draw as the reveal lists it, in the order the draws were made. */
export interface DrawRecord {
  round: number;
  card: number;
  faceDown: number;
  position: number;
  ticketNumber: number;
}

/** What a revealed draw publishes: enough to check every draw without trusting the server. */
export interface DrawReveal {
  commitment: string;
  salt: string;
  order: readonly (readonly number[])[];
  draws: readonly DrawRecord[];
}

export interface DrawVerification {
  ok: boolean;
  draws: number;
  /** The first thing that does not add up; `draw` is its index in `draws` (null: the plan itself). */
  firstMismatch: { draw: number | null; reason: string } | null;
}

function planMismatch(order: DrawReveal['order']): string | null {
  const first = order[0];
  if (!first || first.length === 0) return 'the order has no rounds';
  const pool = [...first].sort((a, b) => a - b);
  if (new Set(pool).size !== pool.length) return 'round 1 repeats a ticket';
  for (let r = 1; r < order.length; r++) {
    const sorted = [...(order[r] ?? [])].sort((a, b) => a - b);
    if (sorted.length !== pool.length || sorted.some((n, i) => n !== pool[i]))
      return `round ${r + 1} is not an order of the same tickets as round 1`;
  }
  return null;
}

/**
 * Checks a revealed draw: the order and salt hash to the published commitment, every round is an
 * order of the same tickets, and replaying every draw (its card on the table as it then was)
 * gives the round, face-down count, position and ticket the server recorded.
 */
export async function verifyDraw(reveal: DrawReveal): Promise<DrawVerification> {
  const fail = (draw: number | null, reason: string): DrawVerification => ({
    ok: false,
    draws: reveal.draws.length,
    firstMismatch: { draw, reason },
  });
  if ((await commitmentOf(reveal.order, reveal.salt)) !== reveal.commitment.toLowerCase())
    return fail(null, 'the order and salt do not hash to the commitment');
  const planProblem = planMismatch(reveal.order);
  if (planProblem) return fail(null, planProblem);
  const poolSize = reveal.order[0]?.length ?? 0;
  let taken: number[] = [];
  for (const [i, d] of reveal.draws.entries()) {
    const table = tableAfter(poolSize, reveal.order.length, i);
    if (table.exhausted) return fail(i, 'more draws than the committed rounds hold');
    if (table.faceDown === poolSize) taken = [];
    if (d.round !== table.round) return fail(i, `round ${d.round} recorded, ${table.round} expected`);
    if (d.faceDown !== table.faceDown)
      return fail(i, `${d.faceDown} face-down cards recorded, ${table.faceDown} expected`);
    let position: number;
    try {
      position = cardToPosition(poolSize, taken, d.card);
    } catch {
      return fail(i, `card ${d.card} was not on the table`);
    }
    if (d.position !== position) return fail(i, `position ${d.position} recorded, ${position} expected`);
    const ticket = reveal.order[table.round - 1]?.[position];
    if (d.ticketNumber !== ticket) return fail(i, `ticket ${d.ticketNumber} recorded, ${ticket} expected`);
    taken.push(position);
  }
  return { ok: true, draws: reveal.draws.length, firstMismatch: null };
}
