import { desc } from 'drizzle-orm';
import { defineRoute } from '../http/define-route.js';
import { auditLog } from './schema.js';

export const auditLogRoute = defineRoute('auditLog', {
  access: ['admin'],
  async handle({ query, ctx }) {
    const rows = await ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(query.limit);
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  },
});
