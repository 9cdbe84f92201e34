import type { PassedTest } from '@adal/shared';
import { gradeFromPercent } from '@adal/shared';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { loadAttempt, loadTestSitting } from '../attempts/attempt-queries.js';
import { effectiveScore, scoreAttempt, updateTestGrade } from '../attempts/grade-attempt.js';
import { attempts } from '../attempts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { sittings } from '../sittings/schema.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { disciplines } from '../university/schema.js';
import { endOfDay, startOfDay } from '../university/time-zone.js';
import { appealView, paperWithResponses, windowEndsAt } from './appeal-queries.js';
import { appealItems, appeals } from './schema.js';

/** Who reviews appeals of a sitting they can see. */
const REVIEWERS = ['proctor', 'registrar', 'admin'] as const;
const CLOSED = ['finished', 'timed_out', 'voided', 'terminated'] as const;

async function ownClosedAttempt(ctx: AppContext, studentId: string, attemptId: string) {
  const a = await loadAttempt(ctx.db, attemptId);
  if (!a || a.studentId !== studentId) throw new HttpError('not_found', 'Attempt not found.');
  if (!(CLOSED as readonly string[]).includes(a.status))
    throw new HttpError('conflict', 'The test is still in progress.');
  const sitting = await loadTestSitting(ctx.db, a.sittingId);
  if (!sitting) throw new HttpError('not_found', 'Sitting not found.');
  return { a, sitting };
}

export const passedTests = defineRoute('passedTests', {
  access: ['student'],
  async handle({ actor, query, ctx }) {
    // Whole days on the university's clock, both ends included.
    const zone = ctx.config.universityTimeZone;
    const from = query.from ? gte(attempts.finishedAt, startOfDay(query.from, zone)) : undefined;
    const to = query.to ? lt(attempts.finishedAt, endOfDay(query.to, zone)) : undefined;
    const rows = await ctx.db
      .select({ attempt: attempts, sitting: sittings, discipline: disciplines })
      .from(attempts)
      .innerJoin(sittings, eq(sittings.id, attempts.sittingId))
      .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
      // Computer tests only: a written exam's writing time is an attempt too, with nothing to appeal.
      .where(
        and(
          eq(attempts.studentId, actor.id),
          eq(sittings.kind, 'computer_test'),
          inArray(attempts.status, [...CLOSED]),
          from,
          to,
        ),
      )
      .orderBy(asc(attempts.finishedAt));
    const filed = rows.length
      ? await ctx.db
          .select()
          .from(appeals)
          .where(
            inArray(
              appeals.attemptId,
              rows.map((r) => r.attempt.id),
            ),
          )
      : [];
    const now = Date.now();
    return rows.map(({ attempt: a, sitting, discipline }): PassedTest => {
      const appeal = filed.find((f) => f.attemptId === a.id);
      const decided = appeal && (appeal.status === 'upheld' || appeal.status === 'rejected');
      // An accepted question changes the grade at once, so the "after appeal" columns follow it.
      const after = a.appealResult ?? (decided ? a.result : null);
      const windowEnd = windowEndsAt(a, sitting.policies.appealWindowMinutes);
      const percent = effectiveScore(a)?.percent ?? null;
      return {
        attemptId: a.id,
        sittingId: a.sittingId,
        discipline: { id: discipline.id, code: discipline.code, name: discipline.name },
        controlKind: sitting.controlKind as PassedTest['controlKind'],
        number: a.number,
        status: a.status,
        finishedAt: a.finishedAt?.toISOString() ?? null,
        byDifficulty: a.result?.byDifficulty ?? [],
        questions: a.result?.questions ?? a.paper.length,
        correct: a.result?.correct ?? 0,
        correctAfterAppeal: after?.correct ?? null,
        byDifficultyAfterAppeal: after?.byDifficulty ?? null,
        grade: percent === null ? null : gradeFromPercent(percent),
        appeal: appeal ? { appealId: appeal.id, status: appeal.status } : null,
        appealOpenUntil: !appeal && windowEnd && windowEnd.getTime() > now ? windowEnd.toISOString() : null,
      };
    });
  },
});

export const appealPage = defineRoute('appealPage', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    const { a, sitting } = await ownClosedAttempt(ctx, actor.id, params.attemptId);
    const end = windowEndsAt(a, sitting.policies.appealWindowMinutes);
    const paper = await paperWithResponses(ctx.db, a, sitting.policies.multipleScoring);
    const [appeal] = await ctx.db.select().from(appeals).where(eq(appeals.attemptId, a.id));
    return {
      attemptId: a.id,
      discipline: sitting.discipline,
      windowEndsAt: end?.toISOString() ?? null,
      serverNow: new Date().toISOString(),
      open: !appeal && end !== null && end.getTime() > Date.now(),
      wrong: paper.filter((q) => !q.fullMarks).map(({ correct: _, fullMarks: __, ...q }) => q),
      appeal: appeal ? await appealView(ctx.db, appeal, sitting.policies.multipleScoring, false) : null,
    };
  },
});

export const fileAppeal = defineRoute('fileAppeal', {
  access: ['student'],
  status: 201,
  async handle({ actor, params, body, ctx }) {
    const { a, sitting } = await ownClosedAttempt(ctx, actor.id, params.attemptId);
    const end = windowEndsAt(a, sitting.policies.appealWindowMinutes);
    if (!end || end.getTime() <= Date.now())
      throw new HttpError('conflict', 'The time to file an appeal is over.');
    const paper = await paperWithResponses(ctx.db, a, sitting.policies.multipleScoring);
    const bad = body.items.flatMap((item, i) => {
      const q = paper.find((p) => p.questionId === item.questionId);
      if (!q) return [{ path: `body.items.${i}.questionId`, message: 'not a question of this test' }];
      if (q.fullMarks)
        return [{ path: `body.items.${i}.questionId`, message: 'this answer already scored in full' }];
      return [];
    });
    if (new Set(body.items.map((i) => i.questionId)).size !== body.items.length)
      bad.push({ path: 'body.items', message: 'a question is listed twice' });
    if (bad.length)
      throw new HttpError('validation_failed', 'Some appealed questions cannot be appealed.', bad);
    const appeal = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appeals)
        .values({ sittingId: a.sittingId, studentId: actor.id, attemptId: a.id })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new HttpError('conflict', 'An appeal of this test has already been filed.');
      await tx.insert(appealItems).values(body.items.map((i) => ({ appealId: row.id, ...i })));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'appeal.filed',
        subject: a.sittingId,
        details: { appealId: row.id, attemptId: a.id, questions: body.items.map((i) => i.questionId) },
      });
      return row;
    });
    return appealView(ctx.db, appeal, sitting.policies.multipleScoring, false);
  },
});

export const listAppeals = defineRoute('listAppeals', {
  access: REVIEWERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }) {
    const sitting = await loadTestSitting(ctx.db, params.sittingId);
    if (!sitting) throw new HttpError('not_found', 'Sitting not found.');
    const rows = await ctx.db
      .select()
      .from(appeals)
      .where(eq(appeals.sittingId, params.sittingId))
      .orderBy(asc(appeals.filedAt));
    return Promise.all(rows.map((r) => appealView(ctx.db, r, sitting.policies.multipleScoring, true)));
  },
});

/**
 * A reviewer accepts or rejects one appealed question, with a reason. Accepted questions count as
 * correct: the attempt is re-scored and the grade rewritten at once. When the last item is
 * decided the appeal is closed and the student told.
 */
export const decideAppealItem = defineRoute('decideAppealItem', {
  access: REVIEWERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, body, ctx }) {
    const sitting = await loadTestSitting(ctx.db, params.sittingId);
    if (!sitting) throw new HttpError('not_found', 'Sitting not found.');
    const now = new Date();
    const { appeal, finished, percent } = await ctx.db.transaction(async (tx) => {
      const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, params.appealId)).for('update');
      if (!appeal || appeal.sittingId !== params.sittingId)
        throw new HttpError('not_found', 'Appeal not found.');
      const items = await tx.select().from(appealItems).where(eq(appealItems.appealId, appeal.id));
      const item = items.find((i) => i.questionId === body.questionId);
      if (!item)
        throw new HttpError('validation_failed', 'This question is not part of the appeal.', [
          { path: 'body.questionId', message: 'not appealed' },
        ]);
      if (item.decision !== 'pending')
        throw new HttpError('conflict', 'This question has already been decided.');
      await tx
        .update(appealItems)
        .set({ decision: body.decision, reason: body.reason, decidedBy: actor.id, decidedAt: now })
        .where(and(eq(appealItems.appealId, appeal.id), eq(appealItems.questionId, body.questionId)));
      const decisions = items.map((i) => (i.questionId === body.questionId ? body.decision : i.decision));
      const accepted = new Set(items.filter((_, k) => decisions[k] === 'accepted').map((i) => i.questionId));
      const finished = !decisions.includes('pending');
      const status = finished ? (accepted.size ? 'upheld' : 'rejected') : 'under_review';
      const [updated] = await tx
        .update(appeals)
        .set({ status, decidedAt: finished ? now : null })
        .where(eq(appeals.id, appeal.id))
        .returning();
      const [a] = await tx.select().from(attempts).where(eq(attempts.id, appeal.attemptId)).for('update');
      if (!a || !updated) throw new Error('appeal without attempt');
      let percent = effectiveScore(a)?.percent ?? null;
      if (body.decision === 'accepted') {
        const appealResult = await scoreAttempt(tx, a, sitting.policies, { overrides: accepted });
        await tx.update(attempts).set({ appealResult }).where(eq(attempts.id, a.id));
        await updateTestGrade(tx, a.sittingId, a.studentId, sitting.policies);
        percent = appealResult.percent;
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'appeal.item_decided',
        subject: appeal.sittingId,
        details: { appealId: appeal.id, ...body, percent },
      });
      if (finished)
        await recordAudit(tx, {
          actorId: actor.id,
          action: `appeal.${status}`,
          subject: appeal.sittingId,
          details: { appealId: appeal.id, accepted: [...accepted], percent },
        });
      return { appeal: updated, finished, percent };
    });
    if (finished)
      ctx.live.appealDecided({
        appealId: appeal.id,
        attemptId: appeal.attemptId,
        sittingId: appeal.sittingId,
        studentId: appeal.studentId,
        status: appeal.status,
        percent,
      });
    return appealView(ctx.db, appeal, sitting.policies.multipleScoring, true);
  },
});
