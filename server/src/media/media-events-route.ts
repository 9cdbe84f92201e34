import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { isOnRoster } from '../sittings/sitting-access.js';

/**
 * The SFU reports each source of each student going live or stopping. The server checks the
 * student is on the sitting's list and tells everyone watching (later: the violation log).
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
    for (const event of body.events) {
      ctx.live.mediaSourceChanged(event);
      ctx.log.info(event, event.state === 'live' ? 'media source live' : 'media source stopped');
    }
    return { accepted: body.events.length };
  },
});
