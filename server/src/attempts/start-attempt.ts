import type { TestInfo } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { questions } from '../banks/schema.js';
import type { Db } from '../db/database.js';
import { extensionSessions } from '../extension/schema.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { sittingEnded } from '../proctoring/proctoring-state.js';
import { isOnRoster } from '../sittings/sitting-access.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { announce, scheduleDeadline } from './attempt-clock.js';
import {
  type AttemptRow,
  isAdmitted,
  isOpen,
  loadTestSitting,
  studentAttempts,
  type TestSitting,
} from './attempt-queries.js';
import { drawPaper, PaperDrawError } from './draw-paper.js';
import { attempts } from './schema.js';

const MINUTE = 60_000;

async function testSittingFor(db: Db, studentId: string, sittingId: string): Promise<TestSitting> {
  const sitting = await loadTestSitting(db, sittingId);
  if (!sitting || !(await isOnRoster(db, sittingId, studentId)))
    throw new HttpError('not_found', 'Test not found.');
  return sitting;
}

function blockedBy(
  sitting: TestSitting,
  admitted: boolean,
  used: number,
  open: AttemptRow | undefined,
  ended: boolean,
  extensionAnswered: boolean,
): TestInfo['blockedBy'] {
  if (sitting.kind !== 'computer_test') return 'not_a_test';
  if (ended) return 'sitting_ended';
  if (open) return null;
  if (!admitted) return 'not_admitted';
  if (!sitting.blueprint || !sitting.questionBankId) return 'no_paper';
  if (used >= sitting.policies.attemptsAllowed) return 'no_attempts_left';
  // Older sittings' stored policies have no such field: not required.
  if (sitting.policies.extensionRequired === true && !extensionAnswered) return 'extension_missing';
  return null;
}

/** The info page: student, discipline, control kind, time allowed, attempts used. */
export async function testInfo(ctx: AppContext, student: Actor, sittingId: string): Promise<TestInfo> {
  const sitting = await testSittingFor(ctx.db, student.id, sittingId);
  const all = await studentAttempts(ctx.db, sittingId, student.id);
  const open = all.find(isOpen);
  const admitted = await isAdmitted(ctx.db, sittingId, student.id);
  const b = sitting.blueprint;
  return {
    sittingId,
    student: { id: student.id, fullName: student.fullName },
    discipline: sitting.discipline,
    controlKind: sitting.controlKind,
    durationMinutes: sitting.durationMinutes,
    questionCount: b ? b.simple + b.medium + b.hard : 0,
    attemptsUsed: all.length,
    attemptsAllowed: sitting.policies.attemptsAllowed,
    attemptInProgress: open?.id ?? null,
    blockedBy: blockedBy(
      sitting,
      admitted,
      all.length,
      open,
      await sittingEnded(ctx.db, sittingId, student.id),
      await extensionAnswered(ctx.db, sittingId, student.id),
    ),
  };
}

const ERRORS: Record<NonNullable<TestInfo['blockedBy']>, string> = {
  not_a_test: 'This sitting is not a computer test.',
  not_admitted: 'The proctor has not admitted you yet.',
  no_paper: 'This test has no questions set up yet; tell your proctor.',
  no_attempts_left: 'You have used every attempt this test allows.',
  sitting_ended: 'Your sitting is over (ended by the proctor); the test cannot be started.',
  extension_missing: 'This test needs the proctoring extension; it has not answered from your browser yet.',
};

/** The extension shook hands for this student and sitting (server/src/extension). */
async function extensionAnswered(db: Db, sittingId: string, studentId: string): Promise<boolean> {
  const [row] = await db
    .select({ at: extensionSessions.handshakeAt })
    .from(extensionSessions)
    .where(and(eq(extensionSessions.sittingId, sittingId), eq(extensionSessions.studentId, studentId)));
  return Boolean(row?.at);
}

/**
 * "Next" on the info page: the test starts at once. An open attempt is resumed (same paper);
 * otherwise a paper is drawn and stored, and the deadline job scheduled.
 */
export async function startAttempt(ctx: AppContext, student: Actor, sittingId: string): Promise<AttemptRow> {
  const sitting = await testSittingFor(ctx.db, student.id, sittingId);
  const all = await studentAttempts(ctx.db, sittingId, student.id);
  const open = all.find(isOpen);
  if (open) return open;
  const blocked = blockedBy(
    sitting,
    await isAdmitted(ctx.db, sittingId, student.id),
    all.length,
    open,
    await sittingEnded(ctx.db, sittingId, student.id),
    await extensionAnswered(ctx.db, sittingId, student.id),
  );
  if (blocked) throw new HttpError(blocked === 'not_a_test' ? 'not_found' : 'conflict', ERRORS[blocked]);
  const bank = await ctx.db
    .select({
      id: questions.id,
      kind: questions.kind,
      difficulty: questions.difficulty,
      options: questions.options,
    })
    .from(questions)
    .where(eq(questions.bankId, sitting.questionBankId as string));
  let paper: ReturnType<typeof drawPaper>;
  try {
    paper = drawPaper(bank, sitting.blueprint as NonNullable<TestSitting['blueprint']>);
  } catch (error) {
    if (error instanceof PaperDrawError) throw new HttpError('conflict', ERRORS.no_paper);
    throw error;
  }
  const now = new Date();
  const inserted = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attempts)
      .values({
        sittingId,
        studentId: student.id,
        number: all.length + 1,
        paper,
        startedAt: now,
        deadlineAt: new Date(now.getTime() + sitting.durationMinutes * MINUTE),
      })
      // Two tabs pressing Next at once: one attempt is made, the other resumes it.
      .onConflictDoNothing()
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, {
      actorId: student.id,
      action: 'attempt.started',
      subject: sittingId,
      details: { attemptId: row.id, number: row.number, paper },
    });
    const logged = await appendEntry(tx, {
      sittingId,
      studentId: student.id,
      source: 'system',
      type: 'attempt_started',
      severity: 'info',
      evidence: { attemptId: row.id, number: row.number },
    });
    return { row, logged };
  });
  if (!inserted) {
    const raced = (await studentAttempts(ctx.db, sittingId, student.id)).find(isOpen);
    if (!raced) throw new HttpError('conflict', 'Could not start the test; try again.');
    return raced;
  }
  await scheduleDeadline(ctx, inserted.row);
  announce(ctx, inserted.row);
  announceEntry(ctx, inserted.logged);
  return inserted.row;
}
