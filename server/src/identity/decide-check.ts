import type {
  DecideIdentityBody,
  IdentityCheckParams,
  IdentityCheckView,
  IdentityDecision,
} from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError, notFound } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { latestCheckOf, loadCheckView } from './check-views.js';
import { identityChecks } from './schema.js';
import { lockChecks } from './submit-check.js';

const LOGGED_AS: Record<IdentityDecision, 'identity_verified' | 'identity_retake' | 'identity_rejected'> = {
  verified: 'identity_verified',
  retake: 'identity_retake',
  rejected: 'identity_rejected',
};

/**
 * The proctor (or the technical secretary, or an admin) decides the student's latest check:
 * verified, retake (the student's device checks again: a new row) or rejected, with a note the
 * student reads for the last two. A decision may be changed while the check is the latest (a
 * closer look at the photos); the same decision and note again change and log nothing (a double
 * click). Deciding does not admit: the proctor still presses Admit (setAdmission) separately.
 */
export async function decideCheck(
  ctx: AppContext,
  actor: Actor,
  ref: IdentityCheckParams,
  body: DecideIdentityBody,
): Promise<IdentityCheckView> {
  const note = body.decision === 'verified' ? body.note || null : (body.note as string);
  const done = await ctx.db.transaction(async (tx) => {
    await lockChecks(tx, ref.sittingId, ref.studentId);
    const [check] = await tx
      .select()
      .from(identityChecks)
      .where(
        and(
          eq(identityChecks.id, ref.checkId),
          eq(identityChecks.sittingId, ref.sittingId),
          eq(identityChecks.studentId, ref.studentId),
        ),
      );
    if (!check) throw notFound('Identity check');
    const latest = await latestCheckOf(tx, ref.sittingId, ref.studentId);
    if (latest?.id !== check.id)
      throw new HttpError('conflict', 'The student has sent a newer identity check since; decide that one.');
    if (check.decision === body.decision && check.decisionNote === note) return undefined;
    const now = new Date();
    await tx
      .update(identityChecks)
      .set({ decision: body.decision, decisionNote: note, decidedBy: actor.id, decidedAt: now })
      .where(eq(identityChecks.id, check.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: `identity.${body.decision}`,
      subject: check.id,
      details: { sittingId: ref.sittingId, studentId: ref.studentId, previous: check.decision, note },
    });
    return appendEntry(tx, {
      sittingId: ref.sittingId,
      studentId: ref.studentId,
      source: 'system',
      type: LOGGED_AS[body.decision],
      severity: 'info',
      // The student reads why a retake was asked for, or why they were rejected.
      text: note ?? '',
      evidence: { checkId: check.id, by: actor.id, byName: actor.fullName },
      at: now,
    });
  });
  if (done) {
    announceEntry(ctx, done);
    ctx.live.identityChanged({ sittingId: ref.sittingId, studentId: ref.studentId, checkId: ref.checkId });
  }
  return loadCheckView(ctx.db, ref.checkId);
}
