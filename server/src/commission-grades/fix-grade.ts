import { type CommissionRow, type FixCommissionGradeBody, meanPercent } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { findGrade } from '../exam-grades/grade-rows.js';
import { recordGrade } from '../grades/record-grade.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { requireOnRoster } from '../sittings/sitting-access.js';
import { FIXED_ACTION, loadCommissionRow, scoresOfStudent } from './commission-rows.js';
import { findProtocol, loadCommissionSitting, loadPeople, lockCommission } from './commission-sitting.js';

/**
 * The chair fixes one student's final grade: the mean of the members' scores, or another percent
 * with a reason. The grade goes to `grades` under the protocol's number and date, graded by the
 * chair, and the scores of the student are locked from then on. Until the announcement the chair
 * may fix it again (audited each time); an announced grade is final.
 */
export async function fixGrade(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  body: FixCommissionGradeBody,
): Promise<CommissionRow> {
  const sitting = await loadCommissionSitting(ctx.db, sittingId);
  await requireOnRoster(ctx.db, sittingId, studentId);
  await ctx.db.transaction(async (tx) => {
    await lockCommission(tx, sittingId);
    const protocol = await findProtocol(tx, sittingId);
    if (!protocol)
      throw new HttpError(
        'conflict',
        'Enter the protocol number and date first: every final grade is fixed under the protocol.',
      );
    const old = await findGrade(tx, sittingId, studentId);
    if (old?.publishedAt)
      throw new HttpError('conflict', "This student's grade is announced; an announced grade is final.");
    const scores = await scoresOfStudent(tx, sittingId, studentId);
    const mean = meanPercent(scores.map((s) => s.percent));
    if (mean === null)
      throw new HttpError('conflict', 'No member of the commission has scored this student yet.');
    const percent = body.percent ?? mean;
    if (percent !== mean && body.reason === '')
      throw new HttpError('validation_failed', 'Invalid request body.', [
        {
          path: 'body.reason',
          message: `The final grade ${percent} differs from the mean ${mean}: give the commission's reason.`,
        },
      ]);
    if (old && old.percent === percent) return;
    const saved = await recordGrade(tx, {
      sittingId,
      studentId,
      percent,
      gradedBy: actor.id,
      protocolNumber: protocol.protocolNumber,
      protocolDate: protocol.protocolDate,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: FIXED_ACTION,
      subject: sittingId,
      details: {
        studentId,
        mean,
        percent: saved.percent,
        letter: saved.letter,
        reason: percent === mean ? '' : body.reason,
        scores: scores.map((s) => ({ memberId: s.memberId, percent: s.percent })),
        old: old ? { percent: old.percent, letter: old.letter } : null,
        protocolNumber: protocol.protocolNumber,
      },
    });
  });
  const people = await loadPeople(ctx.db, sitting.commissionId);
  return loadCommissionRow(ctx.db, sittingId, studentId, { userId: actor.id, viewer: 'chair', people });
}
