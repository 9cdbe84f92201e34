/** The answers sent in [from, to) (epoch ms): ack latencies, how many never got one, how many in all. */
export function sentBetween(
  all: { sentAt: number[]; latencies: number[]; unackedSentAt: number[] },
  from: number,
  to: number,
): { latencies: number[]; unacked: number; sent: number } {
  const inside = (t: number) => t >= from && t < to;
  const latencies = all.latencies.filter((_, i) => inside(all.sentAt[i] as number));
  const unacked = all.unackedSentAt.filter(inside).length;
  return { latencies, unacked, sent: latencies.length + unacked };
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/**
 * Nearest-rank percentiles. `missing` values never came back (no ack at all): they count as
 * slower than everything else, so they show as Infinity once they reach a percentile.
 */
export function percentiles(values: number[], missing = 0): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length + missing;
  const at = (q: number) => {
    if (count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * count));
    return rank <= sorted.length ? (sorted[rank - 1] as number) : Number.POSITIVE_INFINITY;
  };
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), count };
}
