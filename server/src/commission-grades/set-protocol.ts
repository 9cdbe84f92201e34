import type { CommissionProtocol, CommissionProtocolBody } from '@adal/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { grades } from '../grades/schema.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { findProtocol, loadCommissionSitting, lockCommission, protocolView } from './commission-sitting.js';
import { commissionProtocols } from './schema.js';

/**
 * The chair or the technical secretary enters (or corrects) the protocol's number and date.
 * Grades already fixed carry them too, so they are corrected with it. Once the grades are
 * announced the protocol is final: the students' transcripts show it.
 */
export async function setProtocol(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  body: CommissionProtocolBody,
): Promise<CommissionProtocol> {
  await loadCommissionSitting(ctx.db, sittingId);
  const saved = await ctx.db.transaction(async (tx) => {
    await lockCommission(tx, sittingId);
    const old = await findProtocol(tx, sittingId);
    if (old?.announcedAt)
      throw new HttpError(
        'conflict',
        'The grades are announced: the protocol number and date are final and on the transcripts.',
      );
    if (old && old.protocolNumber === body.protocolNumber && old.protocolDate === body.protocolDate)
      return old;
    const [row] = await tx
      .insert(commissionProtocols)
      .values({ sittingId, ...body, createdBy: actor.id })
      .onConflictDoUpdate({ target: commissionProtocols.sittingId, set: body })
      .returning();
    if (!row) throw new Error('protocol upsert returned no row');
    const regraded = await tx
      .update(grades)
      .set({ protocolNumber: body.protocolNumber, protocolDate: body.protocolDate })
      .where(eq(grades.sittingId, sittingId))
      .returning({ studentId: grades.studentId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: old ? 'commission.protocol_changed' : 'commission.protocol_set',
      subject: sittingId,
      details: {
        old: old ? { protocolNumber: old.protocolNumber, protocolDate: old.protocolDate } : null,
        new: body,
        fixedGrades: regraded.length,
      },
    });
    return row;
  });
  return protocolView(saved);
}
