import { defaultPolicies, type Role, STAFF_ROLES } from '@adal/shared';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError, notFound } from '../http/http-error.js';
import { academicGroups, disciplines } from '../university/schema.js';
import { commissions, proctorAssignments, sittings } from './schema.js';
import { canSeeSitting } from './sitting-access.js';
import { listSittingsFor, loadSittingWithRoster, loadSummary, scheduleFor } from './sitting-queries.js';

/** The dean's office schedules sittings and assigns proctors. */
const SCHEDULERS = ['registrar', 'admin'] as const satisfies readonly Role[];

const invalid = (path: string, message: string) =>
  new HttpError('validation_failed', message, [{ path, message }]);

export const studentSchedule = defineRoute('studentSchedule', {
  access: ['student'],
  handle: ({ actor, ctx }) => scheduleFor(ctx.db, actor.id),
});

export const listSittings = defineRoute('listSittings', {
  access: STAFF_ROLES,
  handle: ({ actor, ctx }) => listSittingsFor(ctx.db, actor),
});

export const getSitting = defineRoute('getSitting', {
  access: STAFF_ROLES,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }) {
    const sitting = await loadSittingWithRoster(ctx.db, params.sittingId);
    if (!sitting) throw notFound('Sitting');
    return sitting;
  },
});

export const createSitting = defineRoute('createSitting', {
  access: SCHEDULERS,
  status: 201,
  async handle({ actor, body, ctx }) {
    const db = ctx.db;
    const [discipline] = await db.select().from(disciplines).where(eq(disciplines.id, body.disciplineId));
    if (!discipline) throw invalid('body.disciplineId', 'no such discipline');
    const [group] = await db.select().from(academicGroups).where(eq(academicGroups.id, body.groupId));
    if (!group) throw invalid('body.groupId', 'no such academic group');
    if (body.commissionId) {
      const [commission] = await db.select().from(commissions).where(eq(commissions.id, body.commissionId));
      if (!commission) throw invalid('body.commissionId', 'no such commission');
    } else if (body.kind === 'state_exam' || body.kind === 'thesis_defence') {
      throw invalid('body.commissionId', 'state exams and thesis defences need a commission');
    }
    const [created] = await db
      .insert(sittings)
      .values({
        kind: body.kind,
        controlKind: body.controlKind,
        disciplineId: body.disciplineId,
        groupId: body.groupId,
        startsAt: new Date(body.startsAt),
        durationMinutes: body.durationMinutes,
        policies: { ...defaultPolicies(body.kind), ...body.policies },
        commissionId: body.commissionId ?? null,
      })
      .returning({ id: sittings.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(db, {
      actorId: actor.id,
      action: 'sitting.created',
      subject: created.id,
      details: { ...body },
    });
    const summary = await loadSummary(db, created.id);
    if (!summary) throw new Error('created sitting vanished');
    return summary;
  },
});

export const assignProctors = defineRoute('assignProctors', {
  access: SCHEDULERS,
  async handle({ actor, params, body, ctx }) {
    const summary = await loadSummary(ctx.db, params.sittingId);
    if (!summary) throw notFound('Sitting');
    const ids = [...new Set(body.proctorIds)];
    const found = ids.length
      ? await ctx.db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, ids))
      : [];
    const bad = ids.filter((id) => found.find((u) => u.id === id)?.role !== 'proctor');
    if (bad.length)
      throw new HttpError(
        'validation_failed',
        'Only proctors can be assigned.',
        bad.map((id) => ({ path: `body.proctorIds.${ids.indexOf(id)}`, message: 'not a proctor' })),
      );
    await ctx.db.transaction(async (tx) => {
      await tx.delete(proctorAssignments).where(eq(proctorAssignments.sittingId, params.sittingId));
      if (ids.length)
        await tx
          .insert(proctorAssignments)
          .values(ids.map((proctorId) => ({ sittingId: params.sittingId, proctorId })));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'sitting.proctors_assigned',
        subject: params.sittingId,
        details: { ids },
      });
    });
    return summary;
  },
});
