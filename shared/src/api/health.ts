import { z } from 'zod';

export const DependencyState = z.object({
  kind: z.string(),
  ok: z.boolean(),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: DependencyState,
  queue: DependencyState,
});
export type Health = z.infer<typeof Health>;
