import { z } from 'zod';

export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string().datetime(),
  actorId: z.string().uuid().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.array(AuditEntry);
