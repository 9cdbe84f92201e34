import type { FlagEpisode, ReviewDecision } from '../api/proctoring.js';
import { AutoFlagType, type LogEntry, ProctorViolationType } from '../api/violations.js';
import type { TrustInput, TrustMetric } from '../domain/trust-score.js';

/**
 * What the Chat&log says about a student, computed the same way by the server (overview,
 * report) and the clients (the panel): which flags were reviewed, and the trust score's input.
 */

/** Entries a proctor may confirm or dismiss: automatic flags and lost sources. */
export const isReviewable = (e: Pick<LogEntry, 'source' | 'type'>) =>
  e.source === 'auto_flag' || (e.source === 'media' && e.type === 'source_stopped');

export const REVIEW_TYPES = { confirmed: 'flag_confirmed', dismissed: 'flag_dismissed' } as const;

export interface Review {
  decision: ReviewDecision;
  reason: string;
  seq: number;
  at: string;
  byName: string;
}

/** The latest review of each reviewed entry (a proctor may change their mind; both stay logged). */
export function reviewsOf(entries: readonly LogEntry[]): Map<number, Review> {
  const reviews = new Map<number, Review>();
  for (const e of entries) {
    if (e.source !== 'proctor') continue;
    const decision =
      e.type === REVIEW_TYPES.confirmed
        ? 'confirmed'
        : e.type === REVIEW_TYPES.dismissed
          ? 'dismissed'
          : null;
    const refSeq = e.evidence?.refSeq;
    if (!decision || typeof refSeq !== 'number') continue;
    reviews.set(refSeq, {
      decision,
      reason: e.text,
      seq: e.seq,
      at: e.at,
      byName: String(e.evidence?.byName ?? ''),
    });
  }
  return reviews;
}

/** Automatic flags and lost sources no one has reviewed yet. */
export function unreviewed(entries: readonly LogEntry[]): LogEntry[] {
  const reviews = reviewsOf(entries);
  return entries.filter((e) => isReviewable(e) && !reviews.has(e.seq));
}

const SHARE_FLAGS: Partial<Record<AutoFlagType, TrustMetric>> = {
  no_face: 'no_face',
  // A covered or black camera shows as little as one that is off.
  camera_covered: 'camera_off',
  multiple_faces: 'multiple_faces',
  looking_away: 'looking_away',
  voice: 'voice',
  focus_lost: 'focus_lost',
  screen_share_stopped: 'screen_share_stopped',
};
const COUNT_FLAGS: Partial<Record<AutoFlagType, TrustMetric>> = {
  fullscreen_exit: 'fullscreen_exit',
  tab_switch: 'tab_switch',
  copy_paste: 'copy_paste',
  second_display: 'second_display',
  devtools_open: 'devtools_open',
  face_mismatch: 'face_mismatch',
  extension_missing: 'extension_missing',
  // The extension's lockdown events count with what they are closest to.
  new_tab: 'tab_switch',
  navigation_blocked: 'tab_switch',
  print_blocked: 'copy_paste',
};
const SOURCE_METRIC: Record<string, TrustMetric> = { webcam: 'camera_off', screen: 'screen_share_stopped' };
const SEVERITY_FACTOR = { info: 0, low: 0.5, medium: 1, high: 2 } as const;
/** Entries that start and end the time a student is observed. */
const OBSERVED_FROM = new Set(['source_live', 'attempt_started']);
const OBSERVED_TO = new Set(['finished', 'timed_out', 'terminated', 'leave_permitted', 'denied']);

const ms = (iso: string) => Date.parse(iso);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The time window the student was observed in: first connection until their sitting ended. */
export function observedWindow(
  entries: readonly LogEntry[],
  now: number,
): { from: number; to: number } | null {
  // Normally the first source going live; failing that, the first thing logged at all.
  const first = entries.find((e) => OBSERVED_FROM.has(e.type)) ?? entries[0];
  if (!first) return null;
  const last = entries.findLast((e) => e.source === 'system' && OBSERVED_TO.has(e.type));
  const from = ms(str(first.evidence?.seenAt) ?? first.at);
  return { from, to: Math.max(from, last ? ms(last.at) : now) };
}

/** Sums a student's log (and flags still going on) into the trust score's input. */
export function trustInput(
  entries: readonly LogEntry[],
  ongoing: readonly FlagEpisode[],
  now: number,
): TrustInput {
  const window = observedWindow(entries, now);
  const input: TrustInput = { durations: {}, counts: {}, observedMs: window ? window.to - window.from : 0 };
  if (!window) return input;
  const reviews = reviewsOf(entries);
  const dismissed = (seq: number) => reviews.get(seq)?.decision === 'dismissed';
  const clip = (from: number, to: number) =>
    Math.max(0, Math.min(to, window.to) - Math.max(from, window.from));
  const addTime = (m: TrustMetric, d: number) => {
    if (d > 0) input.durations[m] = (input.durations[m] ?? 0) + d;
  };
  const addCount = (m: TrustMetric, n: number) => {
    input.counts[m] = (input.counts[m] ?? 0) + n;
  };
  const addFlag = (type: string, from: number, to: number, count: number) => {
    const flag = AutoFlagType.safeParse(type);
    if (!flag.success) return;
    const share = SHARE_FLAGS[flag.data];
    if (share) addTime(share, clip(from, to));
    const counted = COUNT_FLAGS[flag.data];
    if (counted) addCount(counted, count);
  };
  // A lost source counts from its stop to the next live of the same source (or the window's end).
  const stoppedSince = new Map<string, { from: number; seq: number }>();
  for (const e of entries) {
    if (e.source === 'auto_flag' && !dismissed(e.seq)) {
      const startedAt = str(e.evidence?.startedAt);
      const to = ms(str(e.evidence?.endedAt) ?? e.at);
      const from = startedAt ? ms(startedAt) : to - (e.durationMs ?? 0);
      addFlag(e.type, from, to, Number(e.evidence?.count ?? 1));
    } else if (e.source === 'media') {
      const source = str(e.evidence?.source);
      const metric = source ? SOURCE_METRIC[source] : undefined;
      if (!source || !metric) continue;
      const seen = ms(str(e.evidence?.seenAt) ?? e.at);
      if (e.type === 'source_stopped' && !stoppedSince.has(source))
        stoppedSince.set(source, { from: seen, seq: e.seq });
      if (e.type === 'source_live') {
        const open = stoppedSince.get(source);
        if (open && !dismissed(open.seq)) addTime(metric, clip(open.from, seen));
        stoppedSince.delete(source);
      }
    } else if (e.source === 'proctor' && ProctorViolationType.safeParse(e.type).success) {
      addCount('proctor_violations', SEVERITY_FACTOR[e.severity]);
    } else if (e.source === 'system' && e.type === 'room_scan_failed') {
      addCount('room_scan_failed', 1);
    }
  }
  for (const [source, open] of stoppedSince) {
    const metric = SOURCE_METRIC[source];
    if (metric && !dismissed(open.seq)) addTime(metric, clip(open.from, window.to));
  }
  for (const ep of ongoing)
    if (ep.loggedSeq === null)
      addFlag(ep.type, ms(ep.startedAt), ep.endedAt ? ms(ep.endedAt) : now, ep.count);
  return input;
}
