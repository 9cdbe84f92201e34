import { defineRoute } from '../http/define-route.js';
import { probe } from '../jobs/dependency-state.js';

const startedAt = Date.now();

export const health = defineRoute('health', {
  access: 'public',
  async handle({ ctx, res }) {
    const [database, queue] = await Promise.all([
      probe(ctx.database.kind, () => ctx.database.ping()),
      ctx.scheduler.ping(),
    ]);
    const ok = database.ok && queue.ok;
    if (!ok) res.status(503);
    return {
      status: ok ? ('ok' as const) : ('degraded' as const),
      version: ctx.version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database,
      queue,
    };
  },
});
