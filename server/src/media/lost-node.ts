import { type MediaSourceEvent, SFU_NODE_TTL_SECONDS } from '@adal/shared';
import { desc, eq, gt, type SQL } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { acceptMediaEvents } from './media-events-route.js';
import { mediaSourceEvents } from './schema.js';

/**
 * The SFU node carrying a sitting died without reporting anything (kill -9, host lost): every
 * source still live in the record stopped with it. Records those stops, dated from the node's last
 * announcement (or the source's going live, if later), so the outage is a gap like any other.
 *
 * Only a live event older than the node's announcement expiry can be the dead node's: the sitting
 * moves to another node only after that, so a newer live is already from the new node.
 * Idempotent: the same stops computed twice (two requests at once) are stored once.
 */
export async function stopSourcesOfLostNode(ctx: AppContext, sittingId: string, lastSeen: Date) {
  const expiredAt = lastSeen.getTime() + SFU_NODE_TTL_SECONDS * 1000;
  await stopLiveSources(ctx, eq(mediaSourceEvents.sittingId, sittingId), lastSeen, expiredAt);
}

/**
 * The embedded SFU (the only node, run by this process) died: every source still live in the
 * record stopped when it did. Its supervisor restarts it; students reconnect and go live again.
 * A child that keeps failing finds nothing live after the first time.
 */
export async function stopSourcesOfDeadEmbeddedSfu(ctx: AppContext, diedAt: Date) {
  // No sitting lasts a day: older records are not the dead child's.
  const dayBefore = new Date(diedAt.getTime() - 24 * 3600_000);
  await stopLiveSources(ctx, gt(mediaSourceEvents.at, dayBefore), diedAt, diedAt.getTime());
}

/** Records a stop, dated `stoppedAt` (or the going live, if later), for each source live at `liveBefore`. */
async function stopLiveSources(ctx: AppContext, where: SQL | undefined, stoppedAt: Date, liveBefore: number) {
  const latest = await ctx.db
    .selectDistinctOn([mediaSourceEvents.sittingId, mediaSourceEvents.studentId, mediaSourceEvents.source])
    .from(mediaSourceEvents)
    .where(where)
    .orderBy(
      mediaSourceEvents.sittingId,
      mediaSourceEvents.studentId,
      mediaSourceEvents.source,
      desc(mediaSourceEvents.at),
      desc(mediaSourceEvents.id),
    );
  const stops: MediaSourceEvent[] = latest
    .filter((e) => e.state === 'live' && e.at.getTime() <= liveBefore)
    .map((e) => ({
      sittingId: e.sittingId,
      studentId: e.studentId,
      source: e.source,
      state: 'stopped',
      reason: 'transport_closed',
      at: new Date(Math.max(stoppedAt.getTime(), e.at.getTime())).toISOString(),
    }));
  if (!stops.length) return;
  ctx.log.warn({ stoppedAt, stops: stops.length }, 'SFU node lost: recording its sources as stopped');
  await acceptMediaEvents(ctx, stops);
}
