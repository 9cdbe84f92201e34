import {
  AutoFlagType,
  type LogEntry,
  MediaSource,
  ProctorViolationType,
  REVIEW_TYPES,
  SystemAction,
} from '@adal/shared';

/**
 * What one Chat&log entry is called on screen. Each known source/type pair has a catalogue key
 * (studentLog.entry.<source>.<type>); a type this client does not know yet (a newer server, the
 * connection source) shows as the raw type rather than disappearing.
 */

export const CHAT_TYPES = ['to_proctor', 'to_student'] as const;
export type ChatType = (typeof CHAT_TYPES)[number];
export const MEDIA_TYPES = ['source_stopped', 'source_live'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export type ReviewType = (typeof REVIEW_TYPES)[keyof typeof REVIEW_TYPES];
export type ProctorType = ProctorViolationType | ReviewType;

export type EntryLabel =
  | { source: 'auto_flag'; type: AutoFlagType }
  | { source: 'proctor'; type: ProctorType }
  | { source: 'system'; type: SystemAction }
  | { source: 'chat'; type: ChatType }
  | { source: 'media'; type: MediaType; device: MediaSource | null }
  | { source: 'raw'; type: string };

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);
const PROCTOR_TYPES: readonly ProctorType[] = [
  ...ProctorViolationType.options,
  REVIEW_TYPES.confirmed,
  REVIEW_TYPES.dismissed,
];

export function labelOf(entry: Pick<LogEntry, 'source' | 'type' | 'evidence'>): EntryLabel {
  const { source, type } = entry;
  if (source === 'auto_flag' && oneOf(AutoFlagType.options, type)) return { source, type };
  if (source === 'proctor' && oneOf(PROCTOR_TYPES, type)) return { source, type };
  if (source === 'system' && oneOf(SystemAction.options, type)) return { source, type };
  if (source === 'chat' && oneOf(CHAT_TYPES, type)) return { source, type };
  if (source === 'media' && oneOf(MEDIA_TYPES, type)) {
    const device = MediaSource.safeParse(entry.evidence?.source);
    return { source, type, device: device.success ? device.data : null };
  }
  return { source: 'raw', type };
}

/**
 * System entries whose text a person wrote (the warning, a reason, a note). The platform's own
 * system entries carry no text for the student, or English for the record only: the label and
 * the details say it in the student's language instead.
 */
const AUTHORED_SYSTEM: ReadonlySet<string> = new Set<SystemAction>([
  'warned',
  'terminated',
  'denied',
  'leave_permitted',
  'room_scan_requested',
  'room_scan_done',
  'room_scan_failed',
  // Thesis defence: the secretary's written question, the reason for an interruption or a stop.
  'defence_question',
  'defence_interrupted',
  'defence_stopped',
]);

/** The words to show under the label, or null. */
export function entryTextOf(entry: Pick<LogEntry, 'source' | 'type' | 'text'>): string | null {
  const text = entry.text.trim();
  if (!text) return null;
  if (entry.source === 'system' && !AUTHORED_SYSTEM.has(entry.type)) return null;
  if (entry.source === 'media') return null;
  return text;
}

/** What an automatic flag was about (the blocked host, extension names), as the extension said it. */
export function detailsOf(entry: Pick<LogEntry, 'source' | 'evidence'>): string[] {
  const details = entry.source === 'auto_flag' ? entry.evidence?.details : undefined;
  return Array.isArray(details) ? details.filter((d): d is string => typeof d === 'string' && d !== '') : [];
}

/** The proctor's name on a message to the student, when the entry has it. */
export function authorOf(entry: Pick<LogEntry, 'source' | 'type' | 'evidence'>): string | null {
  if (entry.source !== 'chat' || entry.type !== 'to_student') return null;
  const name = entry.evidence?.authorName;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

export type DurationParts =
  | { unit: 'seconds'; s: number }
  | { unit: 'minutes'; m: number; s: string }
  | { unit: 'hours'; h: number; m: string };

const two = (n: number) => String(n).padStart(2, '0');

/** "12 s", "3 min 05 s", "1 h 02 min": a flag's or an episode's length, never negative. */
export function durationParts(ms: number): DurationParts {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return { unit: 'seconds', s: total };
  if (total < 3600) return { unit: 'minutes', m: Math.floor(total / 60), s: two(total % 60) };
  return { unit: 'hours', h: Math.floor(total / 3600), m: two(Math.floor((total % 3600) / 60)) };
}

/** "14:03:27" in this computer's time zone: when the entry was logged, to the second. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
