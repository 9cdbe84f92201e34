import { eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { announce, scheduleDeadline } from './attempt-clock.js';
import { sittingPolicies } from './attempt-queries.js';
import { applyHold } from './clock-state.js';
import { attempts } from './schema.js';

/**
 * A proctor pauses one student's test (to give a spoken warning, to sort out a problem): the
 * clock stops. Resuming moves the deadline later by exactly the time the clock stood still (a
 * suspension under way keeps it stopped). Both are audited; pausing twice or resuming a running
 * test changes nothing.
 */
export async function setPaused(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  attemptId: string,
  paused: boolean,
) {
  const now = new Date();
  const { row, logged } = await ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(attempts).where(eq(attempts.id, attemptId)).for('update');
    if (!a || a.sittingId !== sittingId) throw new HttpError('not_found', 'Attempt not found.');
    if (a.status !== 'in_progress' && a.status !== 'suspended')
      throw new HttpError('conflict', 'This attempt is already closed.');
    if (paused === a.pausedByProctor) return { row: a, logged: null };
    if (paused && a.deadlineAt <= now && !a.pausedAt)
      throw new HttpError('conflict', 'Time is already up for this attempt.');
    const policies = await sittingPolicies(tx, sittingId);
    const next = applyHold(
      a,
      { pausedByProctor: paused, suspended: a.status === 'suspended' },
      policies.clockRunsWhileSuspended,
      now,
    );
    const pausedFor = next.pausedMs - a.pausedMs;
    const [updated] = await tx.update(attempts).set(next).where(eq(attempts.id, a.id)).returning();
    if (!updated) throw new Error('attempt update returned no row');
    await recordAudit(tx, {
      actorId: actor.id,
      action: paused ? 'attempt.paused' : 'attempt.resumed',
      subject: sittingId,
      details: { attemptId, studentId: a.studentId, ...(paused ? {} : { pausedMs: pausedFor }) },
    });
    const logged = await appendEntry(tx, {
      sittingId,
      studentId: a.studentId,
      source: 'system',
      type: paused ? 'paused' : 'resumed',
      severity: 'info',
      evidence: {
        attemptId,
        by: actor.id,
        byName: actor.fullName,
        ...(paused ? {} : { pausedMs: pausedFor }),
      },
    });
    return { row: updated, logged };
  });
  if (logged) {
    if (!row.pausedAt) await scheduleDeadline(ctx, row);
    announce(ctx, row);
    announceEntry(ctx, logged);
  }
  return row;
}
