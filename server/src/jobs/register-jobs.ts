import { purgeExpiredSessions } from '../accounts/sessions.js';
import type { AppContext } from '../app-context.js';

const HOUR = 3600_000;
export const PURGE_SESSIONS = 'sessions.purge-expired';

/** The job id names the hour it runs in, so several processes scheduling it make one job. */
const purgeJobId = (at: number) => `${PURGE_SESSIONS}-${Math.floor(at / HOUR)}`;

export function registerJobs(ctx: AppContext): void {
  ctx.scheduler.define(PURGE_SESSIONS, async () => {
    const removed = await purgeExpiredSessions(ctx.db);
    ctx.log.info({ removed }, 'expired sessions purged');
    const next = Date.now() + HOUR;
    await ctx.scheduler.schedule(PURGE_SESSIONS, {}, { delayMs: HOUR, jobId: purgeJobId(next) });
  });
}

export async function scheduleStartupJobs(ctx: AppContext): Promise<void> {
  await ctx.scheduler.schedule(PURGE_SESSIONS, {}, { delayMs: 60_000, jobId: purgeJobId(Date.now()) });
}
