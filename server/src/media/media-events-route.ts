import type { MediaSource, MediaSourceEvent } from '@adal/shared';
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { followSourceLoss, GUARDED_SOURCES } from '../proctoring/source-loss.js';
import { canSeeSitting, isOnRoster } from '../sittings/sitting-access.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { mediaGaps } from './media-gaps.js';
import { mediaSourceEvents } from './schema.js';
import { WATCHERS } from './watchers.js';

/**
 * The SFU reports each source of each student going live or stopping. The server checks the
 * student is on the sitting's list, keeps the event (gaps are evidence) and tells everyone
 * watching.
 */
/**
 * A lost camera or screen is what the rules forbid; the phone and microphone matter less, and the
 * exam tab (optional, the student starts it from the extension) is logged but never suspends.
 */
const STOP_SEVERITY = {
  webcam: 'medium',
  screen: 'medium',
  phone: 'low',
  microphone: 'low',
  tab: 'low',
} as const satisfies Record<MediaSource, 'medium' | 'low'>;

export const mediaEvents = defineRoute('mediaEvents', {
  access: 'service',
  async handle({ body, ctx }) {
    const unknown = [];
    for (const [i, e] of body.events.entries())
      if (!(await isOnRoster(ctx.db, e.sittingId, e.studentId)))
        unknown.push({ path: `body.events.${i}.studentId`, message: 'not on that sitting’s list' });
    if (unknown.length)
      throw new HttpError('validation_failed', 'Some events name no student of their sitting.', unknown);
    await acceptMediaEvents(ctx, body.events);
    return { accepted: body.events.length };
  },
});

/**
 * Keeps source events (once each), logs the new ones in the Chat&log, tells everyone watching,
 * and suspends or resumes attempts. For the SFU's reports, and for the stops the server records
 * itself when an SFU node died without reporting them.
 */
export async function acceptMediaEvents(ctx: AppContext, events: MediaSourceEvent[]): Promise<void> {
  // Stored before anyone is told, so what a proctor saw is always in the record. Only events
  // stored now go to the Chat&log: a retried batch is not logged twice.
  const stored = await ctx.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(mediaSourceEvents)
      .values(events.map((e) => ({ ...e, at: new Date(e.at) })))
      .onConflictDoNothing()
      .returning();
    const logged = [];
    for (const e of fresh)
      logged.push(
        await appendEntry(tx, {
          sittingId: e.sittingId,
          studentId: e.studentId,
          source: 'media',
          type: e.state === 'live' ? 'source_live' : 'source_stopped',
          severity: e.state === 'live' ? 'info' : STOP_SEVERITY[e.source],
          // The log's own clock orders entries; when the SFU saw it is evidence.
          evidence: { source: e.source, reason: e.reason, seenAt: e.at.toISOString() },
        }),
      );
    return logged;
  });
  for (const event of events) {
    ctx.live.mediaSourceChanged(event);
    ctx.log.info(event, event.state === 'live' ? 'media source live' : 'media source stopped');
  }
  for (const row of stored) announceEntry(ctx, row);
  // After the events are stored: the latest state of each source decides.
  const students = new Set(
    events
      .filter((e) => (GUARDED_SOURCES as readonly string[]).includes(e.source))
      .map((e) => `${e.sittingId}/${e.studentId}`),
  );
  for (const key of students) {
    const [sittingId, studentId] = key.split('/') as [string, string];
    await followSourceLoss(ctx, sittingId, studentId);
  }
}

export const listMediaGaps = defineRoute('listMediaGaps', {
  access: WATCHERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }) {
    const rows = await ctx.db
      .select()
      .from(mediaSourceEvents)
      .where(eq(mediaSourceEvents.sittingId, params.sittingId))
      .orderBy(asc(mediaSourceEvents.at), asc(mediaSourceEvents.id));
    return { gaps: mediaGaps(rows.map((r) => ({ ...r, at: r.at.toISOString() }))) };
  },
});
