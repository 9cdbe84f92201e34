import type { InterventionBody as InterventionBodySchema, SystemAction } from '@adal/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { announce } from '../attempts/attempt-clock.js';
import { type AttemptRow, lockOpenAttempt, sittingPolicies } from '../attempts/attempt-queries.js';
import { scoreAttempt, updateTestGrade } from '../attempts/grade-attempt.js';
import { attempts } from '../attempts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { admissions } from '../sittings/schema.js';
import { announceEntry, appendEntry, type LogRow } from '../violations/append-entry.js';
import { lockState, type ProctoringState, updateState } from './proctoring-state.js';

type Body = z.infer<typeof InterventionBodySchema>;

interface Effect {
  type: SystemAction;
  severity: 'info' | 'low' | 'medium' | 'high';
  text: string;
  attempt?: AttemptRow;
  admissionRevoked?: boolean;
}

/** Ends the open test now: nothing more is saved, the attempt counts for nothing on its own. */
async function terminateAttempt(tx: Tx, a: AttemptRow, now: Date) {
  const policies = await sittingPolicies(tx, a.sittingId);
  const result = await scoreAttempt(tx, a, policies, { voided: true });
  const [row] = await tx
    .update(attempts)
    .set({ status: 'terminated', finishedAt: now, result, pausedAt: null })
    .where(eq(attempts.id, a.id))
    .returning();
  if (!row) throw new Error('attempt update returned no row');
  await updateTestGrade(tx, a.sittingId, a.studentId, policies);
  return row;
}

async function apply(tx: Tx, body: Body, state: ProctoringState, actor: Actor, now: Date): Promise<Effect> {
  const { sittingId, studentId } = state;
  switch (body.action) {
    case 'warn':
      return { type: 'warned', severity: 'low', text: body.text };
    case 'request_room_scan':
      await updateState(tx, sittingId, studentId, { roomScan: 'requested' });
      return { type: 'room_scan_requested', severity: 'info', text: body.note ?? '' };
    case 'room_scan_done':
      await updateState(tx, sittingId, studentId, { roomScan: 'done' });
      return { type: 'room_scan_done', severity: 'info', text: body.note ?? '' };
    case 'room_scan_failed':
      await updateState(tx, sittingId, studentId, { roomScan: 'failed' });
      return { type: 'room_scan_failed', severity: 'medium', text: body.reason };
    case 'deny': {
      if (await lockOpenAttempt(tx, sittingId, studentId))
        throw new HttpError('conflict', 'The student is already in the test; terminate it instead.');
      await tx
        .insert(admissions)
        .values({
          sittingId,
          studentId,
          access: 'red',
          admittedAt: null,
          changedBy: actor.id,
          changedAt: now,
        })
        .onConflictDoUpdate({
          target: [admissions.sittingId, admissions.studentId],
          set: { access: 'red', admittedAt: null, changedBy: actor.id, changedAt: now },
        });
      await updateState(tx, sittingId, studentId, { endedAs: 'denied', endedAt: now });
      return { type: 'denied', severity: 'high', text: body.reason, admissionRevoked: true };
    }
    case 'terminate': {
      const open = await lockOpenAttempt(tx, sittingId, studentId);
      const attempt = open ? await terminateAttempt(tx, open, now) : undefined;
      await updateState(tx, sittingId, studentId, { endedAs: 'terminated', endedAt: now });
      return { type: 'terminated', severity: 'high', text: body.reason, ...(attempt ? { attempt } : {}) };
    }
    case 'permit_leave': {
      if (await lockOpenAttempt(tx, sittingId, studentId))
        throw new HttpError(
          'conflict',
          'The test is still open: the student finishes it (or it is terminated) before leaving.',
        );
      await updateState(tx, sittingId, studentId, { endedAs: 'left', endedAt: now });
      return { type: 'leave_permitted', severity: 'info', text: body.note ?? '' };
    }
  }
}

/**
 * A proctor's intervention on one student. Logged in the student's Chat&log (they see it at
 * once) and audited; once the sitting ended for the student (terminated, denied, left) nothing
 * more can be done to it.
 */
export async function intervene(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  body: Body,
): Promise<void> {
  const now = new Date();
  const done = await ctx.db.transaction(async (tx) => {
    const state = await lockState(tx, sittingId, studentId);
    if (state.endedAs)
      throw new HttpError('conflict', `This student's sitting is already over (${state.endedAs}).`);
    const effect = await apply(tx, body, state, actor, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: `proctoring.${body.action}`,
      subject: sittingId,
      details: { studentId, ...body },
    });
    const logged: LogRow = await appendEntry(tx, {
      sittingId,
      studentId,
      source: 'system',
      type: effect.type,
      severity: effect.severity,
      text: effect.text,
      evidence: {
        by: actor.id,
        byName: actor.fullName,
        ...(effect.attempt ? { attemptId: effect.attempt.id } : {}),
      },
    });
    return { effect, logged };
  });
  if (done.effect.attempt) announce(ctx, done.effect.attempt);
  if (done.effect.admissionRevoked)
    ctx.live.admissionChanged({ sittingId, studentId, access: 'red', admittedAt: null });
  announceEntry(ctx, done.logged);
}
