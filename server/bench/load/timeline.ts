/**
 * Ack latency through the window in 5 s slices (by send time): tells a few stalls from a window
 * that is slow throughout.
 */
import { type Percentiles, percentiles } from './percentiles.js';

export const SLICE_MS = 5_000;

export function slices(
  sentAt: number[],
  latencies: number[],
  windowStart: number,
  windowEnd: number,
): Percentiles[] {
  const buckets: number[][] = Array.from(
    { length: Math.ceil((windowEnd - windowStart) / SLICE_MS) },
    () => [],
  );
  sentAt.forEach((t, i) => {
    if (t >= windowStart && t < windowEnd)
      buckets[Math.floor((t - windowStart) / SLICE_MS)]?.push(latencies[i] as number);
  });
  return buckets.map((b) => percentiles(b));
}

/** The highest p99 of any slice: how bad the worst 5 s of the window were. */
export const worstSliceP99 = (s: Percentiles[]) => Math.max(...s.filter((p) => p.count).map((p) => p.p99));

export function timeline(s: Percentiles[]): string[] {
  return [
    `window timeline, ${SLICE_MS / 1000} s slices by send time: answers · ack p50 / p99 / max ms`,
    ...s.map((p, i) => {
      const ms = p.count ? `${p.p50.toFixed(1)} / ${p.p99.toFixed(1)} / ${p.max.toFixed(1)}` : '–';
      return `  +${String((i * SLICE_MS) / 1000).padStart(3)} s · ${String(p.count).padStart(6)} · ${ms}`;
    }),
  ];
}
