import type { DependencyState as Schema } from '@adal/shared';
import type { z } from 'zod';

export type DependencyState = z.infer<typeof Schema>;

/** Times a probe and reports it the way /api/health shows dependencies. */
export async function probe(kind: string, check: () => Promise<unknown>): Promise<DependencyState> {
  const started = performance.now();
  try {
    await check();
    return { kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { kind, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
