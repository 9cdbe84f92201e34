/** Small numeric helpers for the tables. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** "17/20 (85 %)" */
export function rate(hits: number, total: number): string {
  if (total === 0) return '–';
  return `${hits}/${total} (${((100 * hits) / total).toFixed(hits === total || hits === 0 ? 0 : 1)} %)`;
}

export const share = (hits: number, total: number) => (total === 0 ? Number.NaN : hits / total);

export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '–');

export const mark = (ok: boolean) => (ok ? '✓' : '✗');
