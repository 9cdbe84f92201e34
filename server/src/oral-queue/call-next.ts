import { type CallBlockReason, callBlock, type OralQueueView } from '@adal/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry, type LogRow } from '../violations/append-entry.js';
import { loadQueue, queueView } from './queue-state.js';
import { oralTurns } from './schema.js';

const BLOCKED: Record<CallBlockReason, (startsAt: Date | null) => string> = {
  still_drawing: () =>
    'Some admitted students have not drawn their tickets yet; questioning starts after the last draw.',
  too_early: (startsAt) =>
    `Questioning starts at ${startsAt?.toISOString() ?? '?'}: the students prepare after the last draw.`,
  nobody_left: () => 'Every student in the queue has answered.',
};

/**
 * "Next student": the one answering now has finished, and the first preparing student in list
 * order is called. Both go into their Chat&log; calls of one sitting are serialised.
 */
export async function callNext(ctx: AppContext, actor: Actor, sittingId: string): Promise<OralQueueView> {
  const logged = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`oral-queue:${sittingId}`}, 0))`);
    const { queue } = await loadQueue(tx, sittingId);
    const now = new Date();
    const blocked = callBlock(queue, now);
    if (blocked) throw new HttpError('conflict', BLOCKED[blocked](queue.questioningStartsAt));
    const entries: LogRow[] = [];
    if (queue.answering) {
      await tx
        .update(oralTurns)
        .set({ answeredAt: now })
        .where(and(eq(oralTurns.sittingId, sittingId), eq(oralTurns.studentId, queue.answering)));
      entries.push(
        await appendEntry(tx, {
          sittingId,
          studentId: queue.answering,
          source: 'system',
          type: 'answered',
          severity: 'info',
          evidence: { by: actor.fullName },
          at: now,
        }),
      );
    }
    if (queue.next) {
      await tx
        .insert(oralTurns)
        .values({ sittingId, studentId: queue.next, calledAt: now, calledBy: actor.id });
      entries.push(
        await appendEntry(tx, {
          sittingId,
          studentId: queue.next,
          source: 'system',
          type: 'called_to_answer',
          severity: 'info',
          evidence: { by: actor.fullName },
          at: now,
        }),
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'oral.next',
      subject: sittingId,
      details: { answered: queue.answering, called: queue.next },
    });
    return { entries, students: queue.rows.filter((r) => r.place !== null).map((r) => r.studentId) };
  });
  for (const e of logged.entries) announceEntry(ctx, e);
  ctx.live.oralQueueChanged({ sittingId, studentIds: logged.students });
  return queueView(ctx.db, sittingId);
}
