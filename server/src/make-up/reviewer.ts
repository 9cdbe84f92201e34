import type { MakeUpReviewer, SittingKind } from '@adal/shared';
import { seatOf } from '../commission-grades/commission-sitting.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';

/** State attestation is the commission's: its chair decides; every other exam the dean's office. */
export const STATE_KINDS: readonly SittingKind[] = ['state_exam', 'thesis_defence'];

export const reviewerOf = (kind: SittingKind): MakeUpReviewer =>
  STATE_KINDS.includes(kind) ? 'commission_chair' : 'dean_office';

/**
 * May this actor decide an application about this sitting? The dean's office (registrar) for
 * every exam but state attestation, the chair's seat on the sitting's commission for that, an
 * admin anything.
 */
export async function mayDecide(
  db: Db | Tx,
  actor: Actor,
  sitting: { id: string; kind: SittingKind },
): Promise<boolean> {
  if (actor.role === 'admin') return true;
  const reviewer = reviewerOf(sitting.kind);
  if (reviewer === 'dean_office') return actor.role === 'registrar';
  return (await seatOf(db, actor.id, sitting.id)) === 'chair';
}
