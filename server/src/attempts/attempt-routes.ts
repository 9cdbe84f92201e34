import { ADMITTING_ROLES, type AttemptResult, gradeFromPercent } from '@adal/shared';
import { count, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { finalGrades, loadJournal } from '../grades/journal.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import {
  type AttemptRow,
  attemptView,
  clockOf,
  isOpen,
  loadAttempt,
  loadTestSitting,
  studentAttempts,
} from './attempt-queries.js';
import { closeAttempt, finishAttempt } from './close-attempt.js';
import { countingAttempt, effectiveScore } from './grade-attempt.js';
import { setPaused } from './pause-attempt.js';
import { answers, attempts } from './schema.js';
import { startAttempt, testInfo } from './start-attempt.js';

async function ownAttempt(ctx: AppContext, studentId: string, attemptId: string): Promise<AttemptRow> {
  const a = await loadAttempt(ctx.db, attemptId);
  // Someone else's attempt is "not found": its existence is not the student's business.
  if (!a || a.studentId !== studentId) throw new HttpError('not_found', 'Attempt not found.');
  // Past its deadline but not closed yet (its job is late or was lost): close it now.
  if (isOpen(a) && !a.pausedAt && a.deadlineAt.getTime() <= Date.now())
    return (
      (await closeAttempt(ctx, a.id, 'deadline', null)) ??
      ((await loadAttempt(ctx.db, attemptId)) as AttemptRow)
    );
  return a;
}

async function sittingOf(ctx: AppContext, sittingId: string) {
  const sitting = await loadTestSitting(ctx.db, sittingId);
  if (!sitting) throw new HttpError('not_found', 'Sitting not found.');
  return sitting;
}

async function resultOf(ctx: AppContext, a: AttemptRow): Promise<AttemptResult> {
  const sitting = await sittingOf(ctx, a.sittingId);
  const all = await studentAttempts(ctx.db, a.sittingId, a.studentId);
  const counting = countingAttempt(all, sitting.policies);
  const score = effectiveScore(a);
  return {
    attemptId: a.id,
    sittingId: a.sittingId,
    number: a.number,
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    finishedAt: a.finishedAt?.toISOString() ?? null,
    byDifficulty: score?.byDifficulty ?? [],
    questions: score?.questions ?? a.paper.length,
    correct: score?.correct ?? 0,
    percent: score?.percent ?? null,
    counts: counting?.id === a.id,
    attemptsUsed: all.length,
    attemptsAllowed: sitting.policies.attemptsAllowed,
    grade: score?.percent == null ? null : gradeFromPercent(score.percent),
    // The exam column is the counting attempt's percent: what the journal receives.
    finalGrades: finalGrades(
      await loadJournal(ctx.db, a.studentId, sitting.discipline.id),
      counting ? (effectiveScore(counting)?.percent ?? null) : null,
    ),
  };
}

export const testInfoRoute = defineRoute('testInfo', {
  access: ['student'],
  handle: ({ actor, params, ctx }) => testInfo(ctx, actor, params.sittingId),
});

export const startAttemptRoute = defineRoute('startAttempt', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    const a = await startAttempt(ctx, actor, params.sittingId);
    return attemptView(ctx.db, a, await sittingOf(ctx, a.sittingId));
  },
});

export const getAttemptRoute = defineRoute('getAttempt', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    const a = await ownAttempt(ctx, actor.id, params.attemptId);
    return attemptView(ctx.db, a, await sittingOf(ctx, a.sittingId));
  },
});

export const finishAttemptRoute = defineRoute('finishAttempt', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    await ownAttempt(ctx, actor.id, params.attemptId);
    return resultOf(ctx, await finishAttempt(ctx, actor.id, params.attemptId));
  },
});

export const attemptResultRoute = defineRoute('attemptResult', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    const a = await ownAttempt(ctx, actor.id, params.attemptId);
    if (a.status === 'in_progress' || a.status === 'suspended')
      throw new HttpError('conflict', 'The test is still in progress.');
    return resultOf(ctx, a);
  },
});

export const sittingAttemptsRoute = defineRoute('sittingAttempts', {
  access: WATCHERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }) {
    const rows = await ctx.db.select().from(attempts).where(eq(attempts.sittingId, params.sittingId));
    const answered = rows.length
      ? await ctx.db
          .select({ attemptId: answers.attemptId, n: count() })
          .from(answers)
          .where(
            inArray(
              answers.attemptId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(answers.attemptId)
      : [];
    const byAttempt = new Map(answered.map((r) => [r.attemptId, r.n]));
    return rows.map((a) => ({
      ...clockOf(a),
      attemptId: a.id,
      studentId: a.studentId,
      number: a.number,
      questions: a.paper.length,
      answered: byAttempt.get(a.id) ?? 0,
      percent: a.result?.percent ?? null,
    }));
  },
});

export const pauseAttemptRoute = defineRoute('pauseAttempt', {
  access: ADMITTING_ROLES,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, ctx }) {
    return clockOf(await setPaused(ctx, actor, params.sittingId, params.attemptId, true));
  },
});

export const resumeAttemptRoute = defineRoute('resumeAttempt', {
  access: ADMITTING_ROLES,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, ctx }) {
    return clockOf(await setPaused(ctx, actor, params.sittingId, params.attemptId, false));
  },
});
