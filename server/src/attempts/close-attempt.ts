import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { announce } from './attempt-clock.js';
import { type AttemptRow, loadTestSitting } from './attempt-queries.js';
import { scoreAttempt, updateTestGrade } from './grade-attempt.js';
import { answers, attempts } from './schema.js';

export type CloseReason = 'finished' | 'deadline';

/**
 * Closes an open attempt and grades it, in one transaction (the row is locked, so the deadline
 * job and the student's Finish cannot both close it). At the deadline the sitting's time-out
 * policy applies: grade what was answered, or void.
 */
export async function closeAttempt(
  ctx: AppContext,
  attemptId: string,
  reason: CloseReason,
  actorId: string | null,
) {
  const closed = await ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(attempts).where(eq(attempts.id, attemptId)).for('update');
    if (!a) throw new HttpError('not_found', 'Attempt not found.');
    if (a.status !== 'in_progress' && a.status !== 'suspended') return null;
    const now = new Date();
    if (reason === 'deadline' && (a.pausedAt || a.deadlineAt > now)) return null;
    const sitting = await loadTestSitting(tx, a.sittingId);
    if (!sitting) throw new Error(`sitting ${a.sittingId} is gone`);
    if (sitting.kind !== 'computer_test') return closeWriting(tx, a, reason, actorId, now);
    const voided = reason === 'deadline' && sitting.policies.timeoutPolicy === 'void';
    const result = await scoreAttempt(tx, a, sitting.policies, { voided });
    const status = reason === 'finished' ? 'finished' : voided ? 'voided' : 'timed_out';
    const [row] = await tx
      .update(attempts)
      .set({ status, finishedAt: reason === 'finished' ? now : a.deadlineAt, result, pausedAt: null })
      .where(eq(attempts.id, a.id))
      .returning();
    if (!row) throw new Error('attempt update returned no row');
    const grade = await updateTestGrade(tx, a.sittingId, a.studentId, sitting.policies);
    await recordAudit(tx, {
      actorId,
      action: `attempt.${status}`,
      subject: a.sittingId,
      details: {
        attemptId: a.id,
        studentId: a.studentId,
        percent: result.percent,
        grade: grade?.letter ?? null,
      },
    });
    const logged = await appendEntry(tx, {
      sittingId: a.sittingId,
      studentId: a.studentId,
      source: 'system',
      type: reason === 'finished' ? 'finished' : 'timed_out',
      severity: 'info',
      evidence: { attemptId: a.id, percent: result.percent, voided },
    });
    return { row, logged };
  });
  if (!closed) return null;
  announce(ctx, closed.row);
  announceEntry(ctx, closed.logged);
  return closed.row;
}

/**
 * The end of a written exam's writing time (the student's "I have finished", or the deadline):
 * nothing to score, the examiner grades the answer sheets the student uploads next.
 */
async function closeWriting(tx: Tx, a: AttemptRow, reason: CloseReason, actorId: string | null, now: Date) {
  const status = reason === 'finished' ? 'finished' : 'timed_out';
  const [row] = await tx
    .update(attempts)
    .set({ status, finishedAt: reason === 'finished' ? now : a.deadlineAt, pausedAt: null })
    .where(eq(attempts.id, a.id))
    .returning();
  if (!row) throw new Error('attempt update returned no row');
  await recordAudit(tx, {
    actorId,
    action: `writing.${status}`,
    subject: a.sittingId,
    details: { attemptId: a.id, studentId: a.studentId },
  });
  const logged = await appendEntry(tx, {
    sittingId: a.sittingId,
    studentId: a.studentId,
    source: 'system',
    type: 'writing_over',
    severity: 'info',
    evidence: { attemptId: a.id, reason },
  });
  return { row, logged };
}

/** Student's Finish: only when every question has a saved answer (the button appears then). */
export async function finishAttempt(ctx: AppContext, studentId: string, attemptId: string) {
  const [a] = await ctx.db.select().from(attempts).where(eq(attempts.id, attemptId));
  if (!a || a.studentId !== studentId) throw new HttpError('not_found', 'Attempt not found.');
  if (a.status !== 'in_progress') throw new HttpError('conflict', 'This attempt is not in progress.');
  if (a.pausedAt) throw new HttpError('conflict', 'The proctor has paused your test.');
  const saved = await ctx.db
    .select({ questionId: answers.questionId, response: answers.response })
    .from(answers)
    .where(eq(answers.attemptId, a.id));
  const answered = new Set(saved.filter((s) => s.response.length > 0).map((s) => s.questionId));
  const missing = a.paper.filter((p) => !answered.has(p.questionId)).length;
  if (missing)
    throw new HttpError(
      'conflict',
      `${missing} question(s) have no answer yet; answer every question to finish.`,
    );
  const closed = await closeAttempt(ctx, a.id, 'finished', studentId);
  if (!closed) throw new HttpError('conflict', 'This attempt is already closed.');
  return closed;
}

/**
 * Closes every attempt whose deadline passed without its job running (a restart of the
 * in-process scheduler loses timers; a BullMQ job may fail). Runs at start and every minute.
 */
export async function sweepOverdue(ctx: AppContext): Promise<number> {
  const due = await ctx.db
    .select({ id: attempts.id })
    .from(attempts)
    .where(
      and(
        inArray(attempts.status, ['in_progress', 'suspended']),
        isNull(attempts.pausedAt),
        lte(attempts.deadlineAt, new Date()),
      ),
    );
  let closed = 0;
  for (const { id } of due) if (await closeAttempt(ctx, id, 'deadline', null)) closed++;
  return closed;
}
