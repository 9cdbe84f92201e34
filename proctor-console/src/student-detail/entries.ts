import {
  AutoFlagType,
  type FlagEpisode,
  type LogEntry,
  MediaSource,
  ProctorViolationType,
  REVIEW_TYPES,
  type ReviewDecision,
  SystemAction,
} from '@adal/shared';

/**
 * One student's Chat&log as the detail page shows it: the loaded list merged with live
 * `log:appended` entries and the answers to the proctor's own commands, and what each entry is.
 */

/** Both lists merged, one entry per seq (the log is append-only: a seq never changes), oldest first. */
export function mergeEntries(current: readonly LogEntry[], incoming: readonly LogEntry[]): LogEntry[] {
  if (incoming.length === 0) return [...current];
  const bySeq = new Map<number, LogEntry>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** What an entry is, for its label; the page turns it into words in the chosen language. */
export type EntryLabel =
  | { kind: 'flag'; flag: AutoFlagType }
  | { kind: 'violation'; violation: ProctorViolationType }
  | { kind: 'review'; decision: ReviewDecision; refSeq: number | null }
  | { kind: 'system'; action: SystemAction }
  | { kind: 'chat'; direction: 'from_student' | 'to_student' }
  | { kind: 'source'; state: 'stopped' | 'live'; source: MediaSource | null }
  | { kind: 'other'; type: string };

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type Labeller = (e: LogEntry) => EntryLabel | null;

/** One labeller per source (an unknown type falls through to "other" with its raw type). */
const LABELLERS: Record<LogEntry['source'], Labeller> = {
  auto_flag: (e) => {
    const flag = AutoFlagType.safeParse(e.type);
    return flag.success ? { kind: 'flag', flag: flag.data } : null;
  },
  proctor: (e) => {
    if (e.type === REVIEW_TYPES.confirmed || e.type === REVIEW_TYPES.dismissed)
      return {
        kind: 'review',
        decision: e.type === REVIEW_TYPES.confirmed ? 'confirmed' : 'dismissed',
        refSeq: num(e.evidence?.refSeq),
      };
    const violation = ProctorViolationType.safeParse(e.type);
    if (violation.success) return { kind: 'violation', violation: violation.data };
    const action = SystemAction.safeParse(e.type);
    return action.success ? { kind: 'system', action: action.data } : null;
  },
  system: (e) => {
    const action = SystemAction.safeParse(e.type);
    return action.success ? { kind: 'system', action: action.data } : null;
  },
  chat: (e) =>
    e.type === 'to_proctor'
      ? { kind: 'chat', direction: 'from_student' }
      : e.type === 'to_student'
        ? { kind: 'chat', direction: 'to_student' }
        : null,
  media: (e) => {
    if (e.type !== 'source_stopped' && e.type !== 'source_live') return null;
    const source = MediaSource.safeParse(e.evidence?.source);
    return {
      kind: 'source',
      state: e.type === 'source_stopped' ? 'stopped' : 'live',
      source: source.success ? source.data : null,
    };
  },
  connection: () => null,
};

export const entryLabel = (e: LogEntry): EntryLabel =>
  LABELLERS[e.source](e) ?? { kind: 'other', type: e.type };

/** The evidence image of a flag or a proctor-raised violation, if it has one. */
export const snapshotIdOf = (e: LogEntry): string | null => str(e.evidence?.snapshotId);

/** Who did it (proctor entries and system entries a person caused), if the entry names them. */
export const actorNameOf = (e: LogEntry): string | null =>
  str(e.evidence?.byName) ?? str(e.evidence?.raisedByName) ?? str(e.evidence?.authorName);

/** Minutes and seconds of a duration, for "2 min 5 s". */
export function splitDuration(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** HH:MM:SS in the browser's time zone: a log needs seconds, the same in every language. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * Applies `flag:episode`: an episode is replaced by id; once it has become a log entry it leaves
 * the "going on" list (the entry counts from then on, see trustInput).
 */
export function applyEpisode(ongoing: readonly FlagEpisode[], episode: FlagEpisode): FlagEpisode[] {
  const others = ongoing.filter((e) => e.id !== episode.id);
  return episode.loggedSeq === null ? [...others, episode] : others;
}
