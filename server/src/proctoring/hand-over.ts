import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { sittingProctors } from './overview.js';
import { lockState, updateState } from './proctoring-state.js';

/** Hands a student over to another proctor of the sitting; logged, audited, shown to everyone watching. */
export async function handOver(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  proctorId: string,
) {
  const to = (await sittingProctors(ctx.db, sittingId)).find((p) => p.id === proctorId);
  if (!to)
    throw new HttpError('validation_failed', 'That person is not a proctor of this sitting.', [
      { path: 'body.proctorId', message: 'not assigned to this sitting' },
    ]);
  const logged = await ctx.db.transaction(async (tx) => {
    const state = await lockState(tx, sittingId, studentId);
    await updateState(tx, sittingId, studentId, { proctorId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'proctoring.handed_over',
      subject: sittingId,
      details: { studentId, from: state.proctorId, to: proctorId },
    });
    return appendEntry(tx, {
      sittingId,
      studentId,
      source: 'system',
      type: 'handed_over',
      severity: 'info',
      text: to.fullName,
      evidence: { by: actor.id, byName: actor.fullName, to: to.id, toName: to.fullName },
    });
  });
  ctx.live.studentHandedOver({ sittingId, studentId, proctor: to });
  announceEntry(ctx, logged);
}
