import type { FlagReport } from '@adal/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { announceEntry } from '../violations/append-entry.js';
import {
  announceEpisode,
  type EpisodeRow,
  logEpisode,
  mergeGapMs,
  scheduleLogging,
} from './flag-episodes.js';
import { flagEpisodes } from './schema.js';
import { checkSnapshot, storeSnapshot } from './snapshots.js';

/** A client episode id list never grows past this (a flapping check would otherwise bloat the row). */
const MAX_CLIENT_IDS = 500;
/** An episode keeps this many distinct details (blocked hosts, extension names); the first ones win. */
export const MAX_DETAILS = 10;
/** Clients may run a little ahead of the server; later than this is clamped to now. */
const FUTURE_SLACK_MS = 5_000;

const ms = (iso: string) => Date.parse(iso);

/**
 * Takes a batch of automatic flag reports from the student's browser (or, later, the extension)
 * and merges them into episodes: one per student and type while reports keep coming closer
 * together than the sitting's merge gap. So 300 "no face" reports of one minute are one episode,
 * and one Chat&log entry with its duration once it is over.
 */
export async function takeFlagReports(
  ctx: AppContext,
  sittingId: string,
  studentId: string,
  reports: FlagReport[],
): Promise<number> {
  const gapMs = await mergeGapMs(ctx, sittingId);
  // Every snapshot is checked before anything is written: a refused batch leaves no episode behind.
  const fieldOf = (report: FlagReport) => `body.reports.${reports.indexOf(report)}.snapshot`;
  for (const report of reports) if (report.snapshot) await checkSnapshot(report.snapshot, fieldOf(report));
  const ordered = [...reports].sort((a, b) => ms(a.startedAt) - ms(b.startedAt));
  for (const report of ordered) {
    const snapshotId = report.snapshot
      ? await storeSnapshot(ctx.db, { sittingId, studentId }, report.snapshot, fieldOf(report))
      : null;
    const { episode, closed } = await mergeReport(ctx, sittingId, studentId, report, snapshotId, gapMs);
    if (closed) {
      announceEntry(ctx, closed.entry);
      announceEpisode(ctx, closed.episode);
    }
    announceEpisode(ctx, episode);
    await scheduleLogging(ctx, episode, gapMs);
  }
  return reports.length;
}

async function mergeReport(
  ctx: AppContext,
  sittingId: string,
  studentId: string,
  report: FlagReport,
  snapshotId: string | null,
  gapMs: number,
) {
  const now = Date.now();
  const clamp = (t: number) => new Date(t > now + FUTURE_SLACK_MS ? now : t);
  const startedAt = clamp(ms(report.startedAt));
  const endedAt = report.endedAt === null ? null : clamp(ms(report.endedAt));
  return ctx.db.transaction(async (tx) => {
    // One writer per student and type: two reports at once cannot open two episodes.
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`flags:${sittingId}:${studentId}:${report.type}`}, 0))`,
    );
    const open = () =>
      tx
        .select()
        .from(flagEpisodes)
        .where(
          and(
            eq(flagEpisodes.sittingId, sittingId),
            eq(flagEpisodes.studentId, studentId),
            eq(flagEpisodes.type, report.type),
            isNull(flagEpisodes.loggedSeq),
          ),
        )
        .for('update');
    let [current] = await open();
    let closed: Awaited<ReturnType<typeof logEpisode>> = null;
    // Known client episodes always merge (a retry, or the end of an ongoing one). A new one
    // merges unless the current episode ended more than the gap before it began.
    if (
      current &&
      !current.clientIds.includes(report.episodeId) &&
      current.endedAt &&
      startedAt.getTime() - current.endedAt.getTime() > gapMs
    ) {
      closed = await logEpisode(ctx, current.id, { gapMs, force: true, tx });
      [current] = await open();
    }
    if (!current) {
      const [created] = await tx
        .insert(flagEpisodes)
        .values({
          sittingId,
          studentId,
          type: report.type,
          startedAt,
          endedAt,
          lastReportAt: new Date(now),
          confidence: report.confidence,
          clientIds: [report.episodeId],
          openClientIds: endedAt ? [] : [report.episodeId],
          snapshotId,
          details: withDetail([], report.detail),
        })
        .returning();
      if (!created) throw new Error('episode insert returned no row');
      return { episode: created, closed };
    }
    const [episode] = await tx
      .update(flagEpisodes)
      .set({
        ...merged(current, report.episodeId, startedAt, endedAt, report.confidence, snapshotId, now),
        details: withDetail(current.details, report.detail),
      })
      .where(eq(flagEpisodes.id, current.id))
      .returning();
    if (!episode) throw new Error('episode update returned no row');
    return { episode, closed };
  });
}

/** The episode with one more report folded in. */
export function merged(
  current: EpisodeRow,
  clientId: string,
  startedAt: Date,
  endedAt: Date | null,
  confidence: number,
  snapshotId: string | null,
  now: number,
): Partial<EpisodeRow> {
  const clientIds = current.clientIds.includes(clientId)
    ? current.clientIds
    : [...current.clientIds, clientId].slice(-MAX_CLIENT_IDS);
  const stillOpen = current.openClientIds.filter((id) => id !== clientId);
  if (endedAt === null) stillOpen.push(clientId);
  const lastEnd = Math.max(current.endedAt?.getTime() ?? 0, endedAt?.getTime() ?? 0, startedAt.getTime());
  return {
    startedAt: startedAt < current.startedAt ? startedAt : current.startedAt,
    // Over only when no client still says it is going on.
    endedAt: stillOpen.length ? null : new Date(lastEnd),
    lastReportAt: new Date(now),
    confidence: Math.max(current.confidence, confidence),
    clientIds,
    openClientIds: stillOpen,
    snapshotId: current.snapshotId ?? snapshotId,
  };
}

/** The episode's details with one more, if it is new and there is room. */
export function withDetail(details: readonly string[], detail: string | undefined): string[] {
  if (detail === undefined || details.includes(detail) || details.length >= MAX_DETAILS) return [...details];
  return [...details, detail];
}
