import { z } from 'zod';

/**
 * The trust score (issue 5): a transparent sum, in the spirit of ProctorEdu/Constructor. Each
 * metric is either a share of the exam's time (per cent) or a count; each is multiplied by a
 * per-sitting weight; the points add up to the risk (capped at 100) and trust = 100 − risk.
 * Dismissed flags count for nothing. The score never acts on its own: a person decides.
 */
export const TrustMetric = z.enum([
  // Shares of time (per cent of the time the student was connected).
  'no_face',
  'multiple_faces',
  'looking_away',
  'voice',
  'focus_lost',
  'camera_off',
  'screen_share_stopped',
  // Counts.
  'fullscreen_exit',
  'tab_switch',
  'copy_paste',
  'second_display',
  'devtools_open',
  'face_mismatch',
  'extension_missing',
  'proctor_violations',
  'room_scan_failed',
]);
export type TrustMetric = z.infer<typeof TrustMetric>;

export const SHARE_METRICS: readonly TrustMetric[] = [
  'no_face',
  'multiple_faces',
  'looking_away',
  'voice',
  'focus_lost',
  'camera_off',
  'screen_share_stopped',
];
export const isShareMetric = (m: TrustMetric) => SHARE_METRICS.includes(m);

/** Points per per-cent of time (shares) or per occurrence (counts). */
export const TrustWeights = z.object(
  Object.fromEntries(TrustMetric.options.map((m) => [m, z.number().min(0).max(100)])) as Record<
    TrustMetric,
    z.ZodNumber
  >,
);
export type TrustWeights = Record<TrustMetric, number>;

export const DEFAULT_TRUST_WEIGHTS: TrustWeights = {
  no_face: 1,
  multiple_faces: 2,
  looking_away: 0.5,
  voice: 0.5,
  focus_lost: 1,
  camera_off: 1,
  screen_share_stopped: 1,
  fullscreen_exit: 3,
  tab_switch: 3,
  copy_paste: 5,
  second_display: 10,
  devtools_open: 10,
  face_mismatch: 15,
  extension_missing: 10,
  // Per medium violation; a low one counts half, a high one double.
  proctor_violations: 10,
  room_scan_failed: 10,
};

export const TrustLine = z.object({
  metric: TrustMetric,
  kind: z.enum(['share', 'count']),
  /** Per cent of the time (shares, one decimal) or the number of occurrences (counts). */
  value: z.number(),
  weight: z.number(),
  points: z.number(),
});
export type TrustLine = z.infer<typeof TrustLine>;

export const TrustScore = z.object({
  /** 0–100: higher means more to look at. */
  risk: z.number(),
  /** 100 − risk. */
  trust: z.number(),
  /** The time the shares are taken of. */
  observedMs: z.number().int(),
  /** Only metrics with something in them, largest points first. */
  breakdown: z.array(TrustLine),
});
export type TrustScore = z.infer<typeof TrustScore>;

/** What the score is computed from: sums the server (or a client) takes from a student's log. */
export interface TrustInput {
  /** Milliseconds per share metric (episodes and media gaps, dismissed ones left out). */
  durations: Partial<Record<TrustMetric, number>>;
  /** Occurrences per count metric; proctor violations already weighted by severity (0.5/1/2). */
  counts: Partial<Record<TrustMetric, number>>;
  observedMs: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function trustScore(input: TrustInput, weights: Partial<TrustWeights> = {}): TrustScore {
  const w = { ...DEFAULT_TRUST_WEIGHTS, ...weights };
  const breakdown: TrustLine[] = [];
  for (const metric of TrustMetric.options) {
    const share = isShareMetric(metric);
    const raw = share ? (input.durations[metric] ?? 0) : (input.counts[metric] ?? 0);
    if (raw <= 0) continue;
    // A share never passes 100 %, even if episodes overlap or the observed time is short.
    const value = share ? round1(Math.min(100, (100 * raw) / Math.max(1, input.observedMs))) : raw;
    breakdown.push({
      metric,
      kind: share ? 'share' : 'count',
      value,
      weight: w[metric],
      points: round1(value * w[metric]),
    });
  }
  breakdown.sort((a, b) => b.points - a.points || a.metric.localeCompare(b.metric));
  const risk = round1(
    Math.min(
      100,
      breakdown.reduce((sum, l) => sum + l.points, 0),
    ),
  );
  return { risk, trust: round1(100 - risk), observedMs: Math.round(input.observedMs), breakdown };
}
