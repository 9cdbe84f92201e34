import { ADMITTING_ROLES, STREAMED, trustInput, trustScore } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { isOpen, sittingPolicies, studentAttempts } from '../attempts/attempt-queries.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { consume } from '../http/rate-limits.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting, requireOnRoster } from '../sittings/sitting-access.js';
import { readLog, toLogEntry } from '../violations/append-entry.js';
import { ongoingEpisodes } from './flag-episodes.js';
import { takeFlagReports } from './flag-intake.js';
import { handOver as handOverStudent } from './hand-over.js';
import { intervene as interveneOn } from './interventions.js';
import { loadOverview, loadRow } from './overview.js';
import { loadState } from './proctoring-state.js';
import { reviewFlag as review } from './review-flag.js';
import { logSnapshots } from './schema.js';

type Owns = { actor: Parameters<typeof canSeeSitting>[1]; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

export const proctoringOverview = defineRoute('proctoringOverview', {
  access: WATCHERS,
  owns: ownsSitting,
  handle: ({ actor, params, ctx }) => loadOverview(ctx, params.sittingId, actor.role),
});

export const intervene = defineRoute('intervene', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    await interveneOn(ctx, actor, params.sittingId, params.studentId, body);
    return loadRow(ctx, params.sittingId, params.studentId, actor.role);
  },
});

export const handOver = defineRoute('handOver', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    await handOverStudent(ctx, actor, params.sittingId, params.studentId, body.proctorId);
    return loadRow(ctx, params.sittingId, params.studentId, actor.role);
  },
});

export const reviewFlag = defineRoute('reviewFlag', {
  access: ADMITTING_ROLES,
  owns: ownsSitting,
  status: 201,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    return review(ctx, actor, params, body);
  },
});

export const logSnapshot = defineRoute('logSnapshot', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ params, ctx, res }) {
    const [shot] = await ctx.db
      .select()
      .from(logSnapshots)
      .where(
        and(
          eq(logSnapshots.id, params.snapshotId),
          eq(logSnapshots.sittingId, params.sittingId),
          eq(logSnapshots.studentId, params.studentId),
        ),
      );
    if (!shot) throw new HttpError('not_found', 'Snapshot not found (it may have passed its retention).');
    res.status(200).type(shot.mimeType).setHeader('cache-control', 'private, no-store');
    res.end(shot.bytes);
    return STREAMED;
  },
});

export const reportFlags = defineRoute('reportFlags', {
  access: ['student'],
  status: 202,
  async handle({ actor, params, body, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, actor.id);
    await consume(ctx.limits.flagReports, `${params.sittingId}:${actor.id}`);
    if ((await loadState(ctx.db, params.sittingId, actor.id))?.endedAs)
      throw new HttpError('conflict', 'Your sitting is over; flags are no longer taken.');
    return { accepted: await takeFlagReports(ctx, params.sittingId, actor.id, body.reports) };
  },
});

/** After the exam the student sees the same score and breakdown the proctor saw. */
export const myTrust = defineRoute('myTrust', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    await requireOnRoster(ctx.db, params.sittingId, actor.id);
    const state = await loadState(ctx.db, params.sittingId, actor.id);
    const tries = await studentAttempts(ctx.db, params.sittingId, actor.id);
    const over = state?.endedAs != null || (tries.length > 0 && !tries.some(isOpen));
    if (!over) throw new HttpError('conflict', 'The trust score is shown once your sitting is over.');
    const entries = (await readLog(ctx.db, params.sittingId, actor.id)).map(toLogEntry);
    const ongoing = await ongoingEpisodes(ctx.db, params.sittingId, actor.id);
    const policies = await sittingPolicies(ctx.db, params.sittingId);
    return trustScore(trustInput(entries, ongoing, Date.now()), policies.trustWeights);
  },
});
