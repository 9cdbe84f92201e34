import { eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { announce, scheduleDeadline } from './attempt-clock.js';
import { attempts } from './schema.js';

/**
 * A proctor pauses one student's test (to give a spoken warning, to sort out a problem): the
 * clock stops. Resuming moves the deadline later by exactly the paused time. Both are audited;
 * pausing twice or resuming a running test changes nothing.
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
    if (paused === (a.pausedAt !== null)) return { row: a, logged: null };
    if (paused && a.deadlineAt <= now)
      throw new HttpError('conflict', 'Time is already up for this attempt.');
    const pausedFor = paused ? 0 : now.getTime() - (a.pausedAt as Date).getTime();
    const [updated] = await tx
      .update(attempts)
      .set(
        paused
          ? { pausedAt: now }
          : {
              pausedAt: null,
              pausedMs: a.pausedMs + pausedFor,
              deadlineAt: new Date(a.deadlineAt.getTime() + pausedFor),
            },
      )
      .where(eq(attempts.id, a.id))
      .returning();
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
    if (!paused) await scheduleDeadline(ctx, row);
    announce(ctx, row);
    announceEntry(ctx, logged);
  }
  return row;
}
