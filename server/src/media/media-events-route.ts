import { asc, eq } from 'drizzle-orm';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { canSeeSitting, isOnRoster } from '../sittings/sitting-access.js';
import { mediaGaps } from './media-gaps.js';
import { mediaSourceEvents } from './schema.js';
import { WATCHERS } from './watchers.js';

/**
 * The SFU reports each source of each student going live or stopping. The server checks the
 * student is on the sitting's list, keeps the event (gaps are evidence) and tells everyone
 * watching.
 */
export const mediaEvents = defineRoute('mediaEvents', {
  access: 'service',
  async handle({ body, ctx }) {
    const unknown = [];
    for (const [i, e] of body.events.entries())
      if (!(await isOnRoster(ctx.db, e.sittingId, e.studentId)))
        unknown.push({ path: `body.events.${i}.studentId`, message: 'not on that sitting’s list' });
    if (unknown.length)
      throw new HttpError('validation_failed', 'Some events name no student of their sitting.', unknown);
    // Stored before anyone is told, so what a proctor saw is always in the record.
    await ctx.db
      .insert(mediaSourceEvents)
      .values(body.events.map((e) => ({ ...e, at: new Date(e.at) })))
      .onConflictDoNothing();
    for (const event of body.events) {
      ctx.live.mediaSourceChanged(event);
      ctx.log.info(event, event.state === 'live' ? 'media source live' : 'media source stopped');
    }
    return { accepted: body.events.length };
  },
});

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
