import type { CommissionRow, CommissionScoreBody } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { findGrade } from '../exam-grades/grade-rows.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { requireOnRoster } from '../sittings/sitting-access.js';
import { loadCommissionRow } from './commission-rows.js';
import { loadCommissionSitting, loadPeople, lockCommission, viewerOf } from './commission-sitting.js';
import { commissionScores } from './schema.js';

/** Scores are the commission's evidence for a grade: once the grade is fixed they stay as they were. */
export async function refuseFixed(tx: Tx, sittingId: string, studentId: string): Promise<void> {
  if (await findGrade(tx, sittingId, studentId))
    throw new HttpError(
      'conflict',
      "The chair has fixed this student's final grade: the commission's scores of the student are locked.",
    );
}

/**
 * A member (or the chair) records or changes their own score of one student. Audited with the
 * old and the new value; saving the same values changes nothing. Nobody else's score is touched.
 */
export async function scoreStudent(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  body: CommissionScoreBody,
): Promise<CommissionRow> {
  const sitting = await loadCommissionSitting(ctx.db, sittingId);
  await requireOnRoster(ctx.db, sittingId, studentId);
  await ctx.db.transaction(async (tx) => {
    await lockCommission(tx, sittingId);
    await refuseFixed(tx, sittingId, studentId);
    const key = and(
      eq(commissionScores.sittingId, sittingId),
      eq(commissionScores.studentId, studentId),
      eq(commissionScores.memberId, actor.id),
    );
    const [old] = await tx.select().from(commissionScores).where(key);
    if (old && old.percent === body.percent && old.comment === body.comment) return;
    const values = { percent: body.percent, comment: body.comment, scoredAt: new Date() };
    if (old) await tx.update(commissionScores).set(values).where(key);
    else await tx.insert(commissionScores).values({ sittingId, studentId, memberId: actor.id, ...values });
    await recordAudit(tx, {
      actorId: actor.id,
      action: old ? 'commission.score_changed' : 'commission.scored',
      subject: sittingId,
      details: {
        studentId,
        old: old ? { percent: old.percent, comment: old.comment } : null,
        new: { percent: body.percent, comment: body.comment },
      },
    });
  });
  const people = await loadPeople(ctx.db, sitting.commissionId);
  const viewer = await viewerOf(ctx.db, actor, sittingId);
  return loadCommissionRow(ctx.db, sittingId, studentId, { userId: actor.id, viewer, people });
}
