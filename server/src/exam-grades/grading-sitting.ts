import type { SittingKind, SittingPolicies } from '@adal/shared';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { sittings } from '../sittings/schema.js';

/** What grading needs of a sitting. */
export interface GradingSitting {
  id: string;
  kind: SittingKind;
  startsAt: Date;
  durationMinutes: number;
  policies: SittingPolicies;
}

/** The kinds an examiner grades here; state attestation is graded by its commission. */
export const EXAMINER_GRADED: readonly SittingKind[] = ['written', 'oral'];
const COMMISSION_GRADED: readonly SittingKind[] = ['state_exam', 'thesis_defence'];

export async function loadGradingSitting(db: Db | Tx, sittingId: string): Promise<GradingSitting> {
  const [row] = await db
    .select({
      id: sittings.id,
      kind: sittings.kind,
      startsAt: sittings.startsAt,
      durationMinutes: sittings.durationMinutes,
      policies: sittings.policies,
    })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!row) throw new HttpError('not_found', 'Sitting not found.');
  return { ...row, kind: row.kind as SittingKind };
}

/** Computer tests are graded from the attempt the moment it closes; nothing to list or publish here. */
export function refuseComputerTest(sitting: GradingSitting): void {
  if (sitting.kind === 'computer_test')
    throw new HttpError(
      'conflict',
      "A computer test is graded automatically from the student's attempt; its grades are on the attempts list.",
    );
}

/** Only oral and written exams are graded by their examiner; state attestation by the commission. */
export function requireExaminerGraded(sitting: GradingSitting): void {
  refuseComputerTest(sitting);
  if (COMMISSION_GRADED.includes(sitting.kind))
    throw new HttpError(
      'conflict',
      'The commission grades state exams and thesis defences; the chair announces their grades.',
    );
}

/**
 * Written exams: results are due `resultsWithinHours` after the sitting's end. A sitting has no
 * end column: it ends at its start plus its duration (the window every student writes within,
 * whatever their own ticket's writing time). Oral grades are announced at the exam: no deadline.
 */
export function publishBy(
  sitting: Pick<GradingSitting, 'kind' | 'startsAt' | 'durationMinutes' | 'policies'>,
) {
  if (sitting.kind !== 'written') return null;
  const end = sitting.startsAt.getTime() + sitting.durationMinutes * 60_000;
  return new Date(end + sitting.policies.resultsWithinHours * 3_600_000);
}
