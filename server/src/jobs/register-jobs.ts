import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { purgeExpiredSessions } from '../accounts/sessions.js';
import type { AppContext } from '../app-context.js';
import { ATTEMPT_DEADLINE, ATTEMPT_SWEEP, rearmDeadlines } from '../attempts/attempt-clock.js';
import { closeAttempt, sweepOverdue } from '../attempts/close-attempt.js';
import {
  EXTENSION_SILENCE_PERIOD,
  EXTENSION_SILENCE_SWEEP,
  sweepSilentExtensions,
} from '../extension/silence-sweep.js';
import { runRetentionSweep } from '../media/recordings/retention-sweep.js';
import {
  announceEpisode,
  FLAG_SWEEP,
  LOG_FLAG_EPISODE,
  logEpisode,
  mergeGapMs,
  sweepEpisodes,
} from '../proctoring/flag-episodes.js';
import { flagEpisodes } from '../proctoring/schema.js';
import { sweepSnapshots } from '../proctoring/snapshots.js';
import { announceEntry } from '../violations/append-entry.js';

const DeadlinePayload = z.object({ attemptId: z.string().uuid() });
const EpisodePayload = z.object({ episodeId: z.string().uuid() });
const FLAG_SWEEP_PERIOD = 30_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const PURGE_SESSIONS = 'sessions.purge-expired';
export const RECORDING_RETENTION = 'recordings.retention-sweep';

/** The job id names the period it runs in, so several processes scheduling it make one job. */
const periodJobId = (name: string, period: number, at: number) => `${name}-${Math.floor(at / period)}`;

/** A job that runs once per period and then schedules its next run. */
function definePeriodic(ctx: AppContext, name: string, period: number, run: () => Promise<void>): void {
  ctx.scheduler.define(name, async () => {
    try {
      await run();
    } finally {
      // Even a failed run (a media server down) is retried next period rather than never.
      const next = Date.now() + period;
      await ctx.scheduler.schedule(name, {}, { delayMs: period, jobId: periodJobId(name, period, next) });
    }
  });
}

export function registerJobs(ctx: AppContext): void {
  definePeriodic(ctx, PURGE_SESSIONS, HOUR, async () => {
    const removed = await purgeExpiredSessions(ctx.db);
    ctx.log.info({ removed }, 'expired sessions purged');
  });
  ctx.scheduler.define(ATTEMPT_DEADLINE, async (payload) => {
    const { attemptId } = DeadlinePayload.parse(payload);
    await closeAttempt(ctx, attemptId, 'deadline', null);
  });
  definePeriodic(ctx, ATTEMPT_SWEEP, MINUTE, async () => {
    const closed = await sweepOverdue(ctx);
    if (closed) ctx.log.warn({ closed }, 'closed overdue attempts whose deadline job did not run');
  });
  ctx.scheduler.define(LOG_FLAG_EPISODE, async (payload) => {
    const { episodeId } = EpisodePayload.parse(payload);
    const [row] = await ctx.db
      .select({ sittingId: flagEpisodes.sittingId })
      .from(flagEpisodes)
      .where(eq(flagEpisodes.id, episodeId));
    if (!row) return;
    const done = await logEpisode(ctx, episodeId, { gapMs: await mergeGapMs(ctx, row.sittingId) });
    if (!done) return;
    announceEntry(ctx, done.entry);
    announceEpisode(ctx, done.episode);
  });
  definePeriodic(ctx, FLAG_SWEEP, FLAG_SWEEP_PERIOD, async () => {
    const logged = await sweepEpisodes(ctx);
    if (logged) ctx.log.info({ logged }, 'flag episodes logged by the sweep');
  });
  definePeriodic(ctx, EXTENSION_SILENCE_SWEEP, EXTENSION_SILENCE_PERIOD, async () => {
    const opened = await sweepSilentExtensions(ctx);
    if (opened) ctx.log.info({ opened }, 'silent exam extensions flagged');
  });
  definePeriodic(ctx, RECORDING_RETENTION, DAY, async () => {
    // Images first: they live in our database and need no media server.
    const snapshots = await sweepSnapshots(ctx);
    if (snapshots) ctx.log.info({ snapshots }, 'evidence snapshots past retention deleted');
    await runRetentionSweep(ctx);
  });
}

/**
 * The periodic jobs and every open attempt's deadline job; at start, and again whenever Redis
 * comes back (it may have lost them). Job ids make a second call change nothing.
 */
export async function scheduleStartupJobs(ctx: AppContext): Promise<void> {
  const now = Date.now();
  await rearmDeadlines(ctx);
  await ctx.scheduler.schedule(
    PURGE_SESSIONS,
    {},
    { delayMs: 60_000, jobId: periodJobId(PURGE_SESSIONS, HOUR, now) },
  );
  // Attempts whose deadline passed while no process was running are closed at once.
  await ctx.scheduler.schedule(
    ATTEMPT_SWEEP,
    {},
    { delayMs: 0, jobId: periodJobId(ATTEMPT_SWEEP, MINUTE, now) },
  );
  await ctx.scheduler.schedule(
    FLAG_SWEEP,
    {},
    { delayMs: 0, jobId: periodJobId(FLAG_SWEEP, FLAG_SWEEP_PERIOD, now) },
  );
  await ctx.scheduler.schedule(
    EXTENSION_SILENCE_SWEEP,
    {},
    { delayMs: 0, jobId: periodJobId(EXTENSION_SILENCE_SWEEP, EXTENSION_SILENCE_PERIOD, now) },
  );
  // Ten minutes after start: the embedded SFU is up by then.
  await ctx.scheduler.schedule(
    RECORDING_RETENTION,
    {},
    { delayMs: 10 * 60_000, jobId: periodJobId(RECORDING_RETENTION, DAY, now) },
  );
}
