import { isReviewable, REVIEW_TYPES, type ReviewFlagBody } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry, toLogEntry } from '../violations/append-entry.js';
import { violationLogEntries } from '../violations/schema.js';

/**
 * +/− on an automatic flag or a lost source. The review is itself a log entry pointing at the
 * flag, so the chain holds who decided what and why; a later review supersedes an earlier one.
 */
export async function reviewFlag(
  ctx: AppContext,
  actor: Actor,
  ref: { sittingId: string; studentId: string; seq: number },
  body: ReviewFlagBody,
) {
  const row = await ctx.db.transaction(async (tx) => {
    const [flag] = await tx
      .select()
      .from(violationLogEntries)
      .where(
        and(
          eq(violationLogEntries.sittingId, ref.sittingId),
          eq(violationLogEntries.studentId, ref.studentId),
          eq(violationLogEntries.seq, ref.seq),
        ),
      );
    if (!flag) throw new HttpError('not_found', `There is no entry ${ref.seq} in this log.`);
    if (!isReviewable(flag))
      throw new HttpError(
        'validation_failed',
        'Only automatic flags and lost sources are confirmed or dismissed.',
        [{ path: 'params.seq', message: `entry ${ref.seq} is ${flag.source}/${flag.type}` }],
      );
    await recordAudit(tx, {
      actorId: actor.id,
      action: `flag.${body.decision}`,
      subject: ref.sittingId,
      details: { studentId: ref.studentId, seq: ref.seq, type: flag.type, reason: body.reason },
    });
    return appendEntry(tx, {
      sittingId: ref.sittingId,
      studentId: ref.studentId,
      source: 'proctor',
      type: REVIEW_TYPES[body.decision],
      severity: 'info',
      text: body.reason,
      evidence: { refSeq: ref.seq, refType: flag.type, by: actor.id, byName: actor.fullName },
    });
  });
  announceEntry(ctx, row);
  return toLogEntry(row);
}
