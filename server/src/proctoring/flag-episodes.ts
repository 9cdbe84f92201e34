import { AUTO_FLAG_SEVERITY, type AutoFlagType, type FlagEpisode, SittingPolicies } from '@adal/shared';
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { Db, Tx } from '../db/database.js';
import { sittings } from '../sittings/schema.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { flagEpisodes } from './schema.js';

export type EpisodeRow = typeof flagEpisodes.$inferSelect;
export const LOG_FLAG_EPISODE = 'flags.log-episode';
export const FLAG_SWEEP = 'flags.sweep';
/** A client that stops reporting an ongoing flag for this long has gone: the episode ends. */
export const SILENT_AFTER_MS = 30_000;

export const toEpisode = (r: EpisodeRow): FlagEpisode => ({
  id: r.id,
  type: r.type as AutoFlagType,
  startedAt: r.startedAt.toISOString(),
  endedAt: r.endedAt?.toISOString() ?? null,
  confidence: r.confidence,
  count: Math.max(1, r.clientIds.length),
  loggedSeq: r.loggedSeq,
  details: r.details,
});

export function announceEpisode(ctx: AppContext, r: EpisodeRow): void {
  ctx.live.flagEpisode({ sittingId: r.sittingId, studentId: r.studentId, episode: toEpisode(r) });
}

export async function mergeGapMs(ctx: AppContext, sittingId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ policies: sittings.policies })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  return SittingPolicies.parse(row?.policies ?? {}).flagMergeGapSeconds * 1000;
}

/** After an episode ends, it is logged once the merge gap has passed without it growing again. */
export async function scheduleLogging(ctx: AppContext, r: EpisodeRow, gapMs: number): Promise<void> {
  if (!r.endedAt || r.loggedSeq !== null) return;
  const due = r.endedAt.getTime() + gapMs;
  await ctx.scheduler.schedule(
    LOG_FLAG_EPISODE,
    { episodeId: r.id },
    { delayMs: Math.max(0, due - Date.now()), jobId: `flag-log-${r.id}-${r.endedAt.getTime()}` },
  );
}

/**
 * Writes an ended episode into the Chat&log as one entry with its duration, confidence, the
 * number of merged reports and the snapshot. `force` logs it even inside the merge gap (another
 * report of the type starts a new episode). Runs in the caller's transaction when given one.
 */
export async function logEpisode(
  ctx: AppContext,
  episodeId: string,
  opts: { gapMs: number; force?: boolean; tx?: Tx },
) {
  const work = async (tx: Tx) => {
    const [ep] = await tx.select().from(flagEpisodes).where(eq(flagEpisodes.id, episodeId)).for('update');
    if (!ep || ep.loggedSeq !== null || !ep.endedAt) return null;
    if (!opts.force && ep.endedAt.getTime() + opts.gapMs > Date.now()) return null;
    const type = ep.type as AutoFlagType;
    const entry = await appendEntry(tx, {
      sittingId: ep.sittingId,
      studentId: ep.studentId,
      source: 'auto_flag',
      type,
      severity: AUTO_FLAG_SEVERITY[type],
      durationMs: Math.max(0, ep.endedAt.getTime() - ep.startedAt.getTime()),
      confidence: ep.confidence,
      evidence: {
        episodeId: ep.id,
        startedAt: ep.startedAt.toISOString(),
        endedAt: ep.endedAt.toISOString(),
        count: Math.max(1, ep.clientIds.length),
        ...(ep.snapshotId ? { snapshotId: ep.snapshotId } : {}),
        ...(ep.details.length ? { details: ep.details } : {}),
      },
    });
    const [done] = await tx
      .update(flagEpisodes)
      .set({ loggedSeq: entry.seq })
      .where(eq(flagEpisodes.id, ep.id))
      .returning();
    return done ? { entry, episode: done } : null;
  };
  return opts.tx ? work(opts.tx) : ctx.db.transaction(work);
}

/**
 * Every 30 s: episodes whose client went silent end at their last report; ended episodes whose
 * logging job was lost (a restart of the in-process scheduler) are logged.
 */
export async function sweepEpisodes(ctx: AppContext): Promise<number> {
  const now = Date.now();
  await ctx.db
    .update(flagEpisodes)
    .set({ endedAt: flagEpisodes.lastReportAt, openClientIds: sql`'{}'::text[]` })
    .where(
      and(
        isNull(flagEpisodes.loggedSeq),
        isNull(flagEpisodes.endedAt),
        lt(flagEpisodes.lastReportAt, new Date(now - SILENT_AFTER_MS)),
      ),
    );
  const due = await ctx.db
    .select()
    .from(flagEpisodes)
    .where(and(isNull(flagEpisodes.loggedSeq), isNotNull(flagEpisodes.endedAt)));
  let logged = 0;
  const gaps = new Map<string, number>();
  for (const ep of due) {
    let gapMs = gaps.get(ep.sittingId);
    if (gapMs === undefined) {
      gapMs = await mergeGapMs(ctx, ep.sittingId);
      gaps.set(ep.sittingId, gapMs);
    }
    const done = await logEpisode(ctx, ep.id, { gapMs });
    if (!done) continue;
    logged++;
    announceEntry(ctx, done.entry);
    announceEpisode(ctx, done.episode);
  }
  return logged;
}

/** A student's flag episodes not yet in the log (still going on, or inside the merge gap). */
export async function ongoingEpisodes(db: Db, sittingId: string, studentId: string): Promise<FlagEpisode[]> {
  const rows = await db
    .select()
    .from(flagEpisodes)
    .where(
      and(
        eq(flagEpisodes.sittingId, sittingId),
        eq(flagEpisodes.studentId, studentId),
        isNull(flagEpisodes.loggedSeq),
      ),
    );
  return rows.map(toEpisode);
}
