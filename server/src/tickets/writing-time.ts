import type { WritingClock } from '@adal/shared';
import { and, desc, eq } from 'drizzle-orm';
import { clockOf } from '../attempts/attempt-queries.js';
import { attempts } from '../attempts/schema.js';
import type { Db, Tx } from '../db/database.js';
import { appendEntry } from '../violations/append-entry.js';
import type { DrawSitting } from './draw-sitting.js';

const MINUTE = 60_000;

/**
 * A written exam's writing time (exam-procedures.md: "after the ticket is shown, 2 hours") is an
 * attempt without questions: it gets the test clock's deadline job, pause, suspension on a lost
 * camera and sweep for free. It starts in the draw's transaction, at the moment of the draw.
 */
export async function startWriting(tx: Tx, sitting: DrawSitting, studentId: string, drawnAt: Date) {
  const [row] = await tx
    .insert(attempts)
    .values({
      sittingId: sitting.id,
      studentId,
      number: 1,
      paper: [],
      startedAt: drawnAt,
      deadlineAt: new Date(drawnAt.getTime() + sitting.policies.writtenDurationMinutes * MINUTE),
    })
    .returning();
  if (!row) throw new Error('writing attempt insert returned no row');
  const logged = await appendEntry(tx, {
    sittingId: sitting.id,
    studentId,
    source: 'system',
    type: 'writing_started',
    severity: 'info',
    evidence: { attemptId: row.id, deadlineAt: row.deadlineAt.toISOString() },
    at: drawnAt,
  });
  return { row, logged };
}

/** The student's writing clock, once the ticket is drawn (null before, and for oral exams). */
export async function writingClock(
  db: Db | Tx,
  sittingId: string,
  studentId: string,
): Promise<WritingClock | null> {
  const [a] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.sittingId, sittingId), eq(attempts.studentId, studentId)))
    .orderBy(desc(attempts.number))
    .limit(1);
  return a ? { ...clockOf(a), attemptId: a.id } : null;
}
