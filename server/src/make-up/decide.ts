import type { DecideMakeUpBody, MakeUpApplicationView, SittingKind } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { forbidden, HttpError, notFound } from '../http/http-error.js';
import { proctorAssignments, sittings } from '../sittings/schema.js';
import { loadApplication, loadView } from './application-views.js';
import { mayDecide, reviewerOf } from './reviewer.js';
import { makeUpApplications } from './schema.js';

const alreadyDecided = () =>
  new HttpError('conflict', 'This application has already been decided; reload the list.');

/**
 * The make-up sitting (the additional exam schedule): the missed sitting again, at the new time,
 * for this one student, with the same proctors, commission, paper or ticket pool. A ticket pool
 * gets its own draw plan on first use (tickets/draw-plan.ts), dealt for a list of one.
 */
async function createMakeUpSitting(
  tx: Tx,
  actor: Actor,
  missedId: string,
  studentId: string,
  startsAt: Date,
): Promise<string> {
  const [missed] = await tx.select().from(sittings).where(eq(sittings.id, missedId));
  if (!missed) throw notFound('Sitting');
  const [created] = await tx
    .insert(sittings)
    .values({
      kind: missed.kind,
      controlKind: missed.controlKind,
      disciplineId: missed.disciplineId,
      groupId: missed.groupId,
      startsAt,
      durationMinutes: missed.durationMinutes,
      policies: missed.policies,
      blueprint: missed.blueprint,
      commissionId: missed.commissionId,
      questionBankId: missed.questionBankId,
      ticketPoolId: missed.ticketPoolId,
      makeUpForStudentId: studentId,
      makeUpOfSittingId: missed.id,
    })
    .returning({ id: sittings.id });
  if (!created) throw new Error('make-up sitting insert returned no row');
  const proctors = await tx
    .select({ proctorId: proctorAssignments.proctorId })
    .from(proctorAssignments)
    .where(eq(proctorAssignments.sittingId, missed.id));
  if (proctors.length)
    await tx
      .insert(proctorAssignments)
      .values(proctors.map((p) => ({ sittingId: created.id, proctorId: p.proctorId })));
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'sitting.created',
    subject: created.id,
    details: { makeUpOf: missed.id, studentId, startsAt: startsAt.toISOString() },
  });
  return created.id;
}

/** The reviewer approves (a make-up sitting is created) or rejects with a note; the student is told. */
export async function decideMakeUp(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  body: DecideMakeUpBody,
): Promise<MakeUpApplicationView> {
  const row = await loadApplication(ctx.db, applicationId);
  if (!row) throw notFound('Make-up application');
  const sitting = { id: row.sitting.id, kind: row.sitting.kind as SittingKind };
  if (!(await mayDecide(ctx.db, actor, sitting)))
    throw forbidden(
      reviewerOf(sitting.kind) === 'commission_chair'
        ? "Only the chair of the sitting's commission decides this application."
        : "Only the dean's office decides this application.",
    );
  if (row.app.status !== 'pending') throw alreadyDecided();
  const now = new Date();
  const startsAt = body.decision === 'approve' ? new Date(body.startsAt) : null;
  if (startsAt && startsAt.getTime() <= now.getTime())
    throw new HttpError('validation_failed', 'The make-up sitting must start in the future.', [
      { path: 'body.startsAt', message: 'not in the future' },
    ]);
  const status = body.decision === 'approve' ? 'approved' : 'rejected';
  const studentId = row.app.studentId;

  await ctx.db.transaction(async (tx) => {
    const makeUpSittingId = startsAt
      ? await createMakeUpSitting(tx, actor, sitting.id, studentId, startsAt)
      : null;
    // Only a pending application changes: of two reviewers at once, the second finds it decided
    // and its whole transaction (the make-up sitting too) is rolled back.
    const [updated] = await tx
      .update(makeUpApplications)
      .set({
        status,
        decidedAt: now,
        decidedBy: actor.id,
        decisionNote: body.note ? body.note : null,
        makeUpSittingId,
      })
      .where(and(eq(makeUpApplications.id, applicationId), eq(makeUpApplications.status, 'pending')))
      .returning({ id: makeUpApplications.id });
    if (!updated) throw alreadyDecided();
    await recordAudit(tx, {
      actorId: actor.id,
      action: `make_up.${status}`,
      subject: applicationId,
      details: { sittingId: sitting.id, studentId, makeUpSittingId, note: body.note ?? null },
    });
  });
  ctx.live.makeUpDecided({ studentId, applicationId, status });
  return loadView(ctx.db, applicationId);
}
