import { ADMITTING_ROLES } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError, notFound } from '../http/http-error.js';
import { students } from '../university/schema.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { admissions } from './schema.js';
import { canSeeSitting, isOnRoster } from './sitting-access.js';

export const setAdmission = defineRoute('setAdmission', {
  access: ADMITTING_ROLES,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, body, ctx }) {
    if (!(await isOnRoster(ctx.db, params.sittingId, body.studentId)))
      throw new HttpError('validation_failed', 'This student is not on the sitting list.', [
        { path: 'body.studentId', message: 'not on the sitting list' },
      ]);
    const now = new Date();
    const admittedAt = body.access === 'green' ? now : null;
    const logged = await ctx.db.transaction(async (tx) => {
      await tx
        .insert(admissions)
        .values({
          sittingId: params.sittingId,
          studentId: body.studentId,
          access: body.access,
          admittedAt,
          changedBy: actor.id,
          changedAt: now,
        })
        .onConflictDoUpdate({
          target: [admissions.sittingId, admissions.studentId],
          set: { access: body.access, admittedAt, changedBy: actor.id, changedAt: now },
        });
      await recordAudit(tx, {
        actorId: actor.id,
        action: body.access === 'green' ? 'admission.granted' : 'admission.revoked',
        subject: params.sittingId,
        details: { studentId: body.studentId },
      });
      return appendEntry(tx, {
        sittingId: params.sittingId,
        studentId: body.studentId,
        source: 'system',
        type: body.access === 'green' ? 'admitted' : 'admission_revoked',
        severity: 'info',
        evidence: { by: actor.id, byName: actor.fullName },
      });
    });
    const [student] = await ctx.db
      .select({ fullName: users.fullName, iin: students.iin })
      .from(users)
      .innerJoin(students, eq(students.userId, users.id))
      .where(and(eq(users.id, body.studentId)));
    if (!student) throw notFound('Student');
    const event = {
      sittingId: params.sittingId,
      studentId: body.studentId,
      access: body.access,
      admittedAt: admittedAt?.toISOString() ?? null,
    };
    ctx.live.admissionChanged(event);
    announceEntry(ctx, logged);
    return {
      studentId: body.studentId,
      fullName: student.fullName,
      iin: student.iin,
      access: body.access,
      admittedAt: event.admittedAt,
    };
  },
});
