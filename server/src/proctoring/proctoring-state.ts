import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { proctoringStates } from './schema.js';

export type ProctoringState = typeof proctoringStates.$inferSelect;

export async function loadState(db: Db | Tx, sittingId: string, studentId: string) {
  const [row] = await db
    .select()
    .from(proctoringStates)
    .where(and(eq(proctoringStates.sittingId, sittingId), eq(proctoringStates.studentId, studentId)));
  return row;
}

/** Terminated, denied or let go: nothing more happens in this sitting for the student. */
export async function sittingEnded(db: Db | Tx, sittingId: string, studentId: string) {
  return (await loadState(db, sittingId, studentId))?.endedAs != null;
}

/** Creates or changes the student's state row (locked for the rest of the transaction). */
export async function updateState(
  tx: Tx,
  sittingId: string,
  studentId: string,
  patch: Partial<Pick<ProctoringState, 'roomScan' | 'endedAs' | 'endedAt' | 'proctorId'>>,
) {
  await tx
    .insert(proctoringStates)
    .values({ sittingId, studentId, ...patch, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [proctoringStates.sittingId, proctoringStates.studentId],
      set: { ...patch, updatedAt: new Date() },
    });
}

/** The state row locked for update, created empty first if missing. */
export async function lockState(tx: Tx, sittingId: string, studentId: string): Promise<ProctoringState> {
  await tx.insert(proctoringStates).values({ sittingId, studentId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(proctoringStates)
    .where(and(eq(proctoringStates.sittingId, sittingId), eq(proctoringStates.studentId, studentId)))
    .for('update');
  if (!row) throw new Error('proctoring state row missing after insert');
  return row;
}
