import { STAFF_ROLES } from '@adal/shared';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { loadGradeRows } from './grade-rows.js';
import { gradeStudent as grade } from './grade-student.js';
import { loadGradingSitting, publishBy, refuseComputerTest } from './grading-sitting.js';
import { publishGrades as publish } from './publish-grades.js';
import { studentExamResult as resultOf } from './student-result.js';

/**
 * Who grades an oral or written exam: its examiner, i.e. any proctor assigned to the sitting (each
 * may grade any student on its list, as either teacher of a written exam checks papers), and
 * admins. Commissions (on their own sittings) and the dean's office only read the grades.
 */
export const EXAMINERS = ['proctor', 'admin'] as const;

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

/** Read-only for state attestation until the commission's grading arrives. */
export const sittingGrades = defineRoute('sittingGrades', {
  access: STAFF_ROLES,
  owns: ownsSitting,
  async handle({ params, ctx }) {
    const sitting = await loadGradingSitting(ctx.db, params.sittingId);
    refuseComputerTest(sitting);
    const rows = await loadGradeRows(ctx.db, params.sittingId);
    return {
      sittingId: params.sittingId,
      rows,
      publishBy: publishBy(sitting)?.toISOString() ?? null,
      unpublished: rows.filter((r) => r.grade !== null && r.publishedAt === null).length,
    };
  },
});

export const gradeStudent = defineRoute('gradeStudent', {
  access: EXAMINERS,
  owns: ownsSitting,
  handle: ({ actor, params, body, ctx }) => grade(ctx, actor, params.sittingId, params.studentId, body),
});

export const publishGrades = defineRoute('publishGrades', {
  access: EXAMINERS,
  owns: ownsSitting,
  handle: ({ actor, params, ctx }) => publish(ctx, actor, params.sittingId),
});

export const studentExamResult = defineRoute('studentExamResult', {
  access: ['student'],
  handle: ({ actor, params, ctx }) => resultOf(ctx.db, actor.id, params.sittingId),
});
