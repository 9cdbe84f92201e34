import { type MediaSourceEvent, SFU_NODE_TTL_SECONDS } from '@adal/shared';
import { desc, eq } from 'drizzle-orm';
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
  const latest = await ctx.db
    .selectDistinctOn([mediaSourceEvents.studentId, mediaSourceEvents.source])
    .from(mediaSourceEvents)
    .where(eq(mediaSourceEvents.sittingId, sittingId))
    .orderBy(
      mediaSourceEvents.studentId,
      mediaSourceEvents.source,
      desc(mediaSourceEvents.at),
      desc(mediaSourceEvents.id),
    );
  const expiredAt = lastSeen.getTime() + SFU_NODE_TTL_SECONDS * 1000;
  const stops: MediaSourceEvent[] = latest
    .filter((e) => e.state === 'live' && e.at.getTime() <= expiredAt)
    .map((e) => ({
      sittingId,
      studentId: e.studentId,
      source: e.source,
      state: 'stopped',
      reason: 'transport_closed',
      at: new Date(Math.max(lastSeen.getTime(), e.at.getTime())).toISOString(),
    }));
  if (!stops.length) return;
  ctx.log.warn(
    { sittingId, lastSeen, stops: stops.length },
    'SFU node lost: recording its sources as stopped',
  );
  await acceptMediaEvents(ctx, stops);
}
