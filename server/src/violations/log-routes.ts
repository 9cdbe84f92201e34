import { ADMITTING_ROLES } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { storeSnapshot } from '../proctoring/snapshots.js';
import { canSeeSitting, requireOnRoster } from '../sittings/sitting-access.js';
import { logEntry, readLog, toLogEntry } from './append-entry.js';
import { verifyChain } from './log-chain.js';

/** Staff routes about one student of a sitting they may see. */
const ownsSitting = ({
  actor,
  params,
  ctx,
}: {
  actor: Parameters<typeof canSeeSitting>[1];
  params: { sittingId: string };
  ctx: AppContext;
}) => canSeeSitting(ctx.db, actor, params.sittingId);

/** The student's own Chat&log: every entry recorded against them (seed 001). */
export const myLog = defineRoute('myLog', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, actor.id);
    return (await readLog(ctx.db, params.sittingId, actor.id)).map(toLogEntry);
  },
});

export const studentLog = defineRoute('studentLog', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ params, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    return (await readLog(ctx.db, params.sittingId, params.studentId)).map(toLogEntry);
  },
});

/** Recomputes the chain: a changed, removed or reordered entry is named. */
export const verifyStudentLog = defineRoute('verifyStudentLog', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ params, ctx }) {
    const rows = await readLog(ctx.db, params.sittingId, params.studentId);
    const broken = verifyChain(rows);
    return { ok: broken === null, entries: rows.length, firstBroken: broken };
  },
});

/** The student writes to the proctor (technical problems, seed 000). */
export const messageProctor = defineRoute('messageProctor', {
  access: ['student'],
  status: 201,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, actor.id);
    return logEntry(ctx.db, ctx.live, {
      sittingId: params.sittingId,
      studentId: actor.id,
      source: 'chat',
      type: 'to_proctor',
      severity: 'info',
      text: body.text,
      evidence: { authorId: actor.id },
    });
  },
});

export const messageStudent = defineRoute('messageStudent', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  status: 201,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    return logEntry(ctx.db, ctx.live, {
      sittingId: params.sittingId,
      studentId: params.studentId,
      source: 'chat',
      type: 'to_student',
      severity: 'info',
      text: body.text,
      evidence: { authorId: actor.id, authorName: actor.fullName },
    });
  },
});

/** A proctor records a violation they saw; the student sees it in their log at once. */
export const raiseViolation = defineRoute('raiseViolation', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  status: 201,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    // A still from the live video, checked by content like every image we keep.
    const snapshotId = body.snapshot
      ? await storeSnapshot(ctx.db, params, body.snapshot, 'body.snapshot')
      : null;
    return logEntry(ctx.db, ctx.live, {
      sittingId: params.sittingId,
      studentId: params.studentId,
      source: 'proctor',
      type: body.type,
      severity: body.severity,
      text: body.note,
      evidence: {
        raisedBy: actor.id,
        raisedByName: actor.fullName,
        ...(snapshotId ? { snapshotId } : {}),
      },
    });
  },
});
