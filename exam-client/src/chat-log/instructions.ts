import type { LogEntry, SystemAction } from '@adal/shared';

/**
 * What the proctor (or the platform) currently asks of the student, read from their Chat&log:
 * every intervention is logged, so the log alone says what is still in force.
 */

/** The student's sitting is over: terminated, not admitted, or let go by the proctor. */
export type SittingEnd = 'terminated' | 'denied' | 'left';

/** The sources whose loss suspends a test (the server guards the webcam and the screen). */
export type GuardedSource = 'webcam' | 'screen';

export interface Warning {
  seq: number;
  at: string;
  text: string;
}

export interface RoomScanRequest {
  seq: number;
  at: string;
  /** The proctor's note with the request ('' when none). */
  note: string;
}

export interface SittingEnded {
  seq: number;
  at: string;
  kind: SittingEnd;
  reason: string;
}

export interface Suspension {
  seq: number;
  at: string;
  /** What stopped; empty when the entry does not say. */
  sources: GuardedSource[];
  /** Whether the time kept running under the sitting's policy (null when the entry does not say). */
  clockRuns: boolean | null;
}

export interface Instructions {
  /** The latest warning, until the student acknowledges it. */
  warning: Warning | null;
  /** A room scan asked for and not yet marked done or failed. */
  roomScan: RoomScanRequest | null;
  ended: SittingEnded | null;
  /** The webcam or the screen stopped and the test is suspended until it is back. */
  suspension: Suspension | null;
}

const END_BY_ACTION: Partial<Record<SystemAction, SittingEnd>> = {
  terminated: 'terminated',
  denied: 'denied',
  leave_permitted: 'left',
};

/** System entries after which the student's sitting is over (the trust score is then ready). */
export const SITTING_OVER_ACTIONS: ReadonlySet<string> = new Set<SystemAction>([
  'terminated',
  'denied',
  'leave_permitted',
  'finished',
  'timed_out',
]);

const isGuarded = (s: unknown): s is GuardedSource => s === 'webcam' || s === 'screen';

/** The sources and clock policy a 'suspended' entry records (evidence {sources, clockRuns}). */
export function suspensionOf(entry: LogEntry): Suspension {
  const sources = entry.evidence?.sources;
  const clockRuns = entry.evidence?.clockRuns;
  return {
    seq: entry.seq,
    at: entry.at,
    sources: Array.isArray(sources) ? sources.filter(isGuarded) : [],
    clockRuns: typeof clockRuns === 'boolean' ? clockRuns : null,
  };
}

/**
 * Derives the instructions in force from the log (in seq order). `acknowledged` holds the seqs
 * of warnings the student has pressed OK on; acknowledging the latest warning covers older ones.
 */
export function instructionsOf(
  entries: readonly LogEntry[],
  acknowledged: ReadonlySet<number>,
): Instructions {
  let warning: Warning | null = null;
  let roomScan: RoomScanRequest | null = null;
  let ended: SittingEnded | null = null;
  let suspension: Suspension | null = null;
  for (const e of entries) {
    if (e.source !== 'system') continue;
    const end = END_BY_ACTION[e.type as SystemAction];
    if (end) {
      ended = { seq: e.seq, at: e.at, kind: end, reason: e.text };
      roomScan = null;
      suspension = null;
      continue;
    }
    switch (e.type) {
      case 'warned':
        warning = { seq: e.seq, at: e.at, text: e.text };
        break;
      case 'room_scan_requested':
        roomScan = { seq: e.seq, at: e.at, note: e.text };
        break;
      case 'room_scan_done':
      case 'room_scan_failed':
        roomScan = null;
        break;
      case 'suspended':
        suspension = suspensionOf(e);
        break;
      case 'unsuspended':
      case 'finished':
      case 'timed_out':
        suspension = null;
        break;
      // A proctor who admits the student again has undone a denial.
      case 'admitted':
        ended = null;
        break;
    }
  }
  if (warning && (acknowledged.has(warning.seq) || ended)) warning = null;
  return { warning, roomScan, ended, suspension };
}
