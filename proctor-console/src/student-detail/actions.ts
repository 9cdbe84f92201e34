import type {
  AccessStatus,
  AttemptStatus,
  InterventionAction,
  InterventionBody,
  ProctoringRow,
  RoomScanState,
  StudentStage,
} from '@adal/shared';

/**
 * Which of the proctor's actions make sense for a student right now, and why the others do not.
 * The server has the last word (it answers 409 with a message); this only keeps the buttons honest.
 */

export const DETAIL_ACTIONS = [
  'admit',
  'deny',
  'request_room_scan',
  'room_scan_done',
  'room_scan_failed',
  'warn',
  'pause',
  'resume',
  'terminate',
  'permit_leave',
  'raise_violation',
] as const;
export type DetailAction = (typeof DETAIL_ACTIONS)[number];

/** Why an action is not available (each has an explanation in the catalogue). */
export type Blocker =
  | 'ended'
  | 'already_admitted'
  | 'test_started'
  | 'not_admitted'
  | 'no_open_attempt'
  | 'already_paused'
  | 'not_paused'
  | 'scan_not_requested'
  | 'scan_requested'
  | 'test_open';

export type ActionState = { enabled: true } | { enabled: false; blocker: Blocker };

/** The attempt the Pause/Resume buttons act on: the student's open one, if any. */
export interface OpenAttempt {
  status: AttemptStatus;
  pausedByProctor: boolean;
}

export interface ActionContext {
  stage: StudentStage;
  access: AccessStatus;
  roomScan: RoomScanState;
  /** The student's open attempt (in progress or suspended), or null. */
  attempt: OpenAttempt | null;
}

/** The sitting is over for the student: nothing more can happen to it. */
const ENDED: ReadonlySet<StudentStage> = new Set(['terminated', 'left', 'denied']);
/** A computer test is open: the student may not leave, and denying admission is too late. */
const TEST_OPEN: ReadonlySet<StudentStage> = new Set(['in_test', 'paused', 'suspended']);

const ended = (c: ActionContext): Blocker | null => (ENDED.has(c.stage) ? 'ended' : null);
const testOpen = (c: ActionContext) => TEST_OPEN.has(c.stage) || c.attempt !== null;
const scanRequested = (c: ActionContext): Blocker | null =>
  ended(c) ?? (c.roomScan === 'requested' ? null : 'scan_not_requested');

const RULES: Record<DetailAction, (c: ActionContext) => Blocker | null> = {
  // Admitting before the student has connected is allowed, as on the sittings page.
  admit: (c) => ended(c) ?? (c.access === 'green' ? 'already_admitted' : null),
  deny: (c) => ended(c) ?? (testOpen(c) || c.stage === 'finished' ? 'test_started' : null),
  request_room_scan: (c) => ended(c) ?? (c.roomScan === 'requested' ? 'scan_requested' : null),
  room_scan_done: scanRequested,
  room_scan_failed: scanRequested,
  warn: ended,
  pause: (c) => (!c.attempt ? 'no_open_attempt' : c.attempt.pausedByProctor ? 'already_paused' : null),
  resume: (c) => (!c.attempt ? 'no_open_attempt' : c.attempt.pausedByProctor ? null : 'not_paused'),
  terminate: (c) => ended(c) ?? (c.access === 'red' && !testOpen(c) ? 'not_admitted' : null),
  permit_leave: (c) =>
    ended(c) ??
    (testOpen(c) ? 'test_open' : c.access === 'red' && c.stage !== 'finished' ? 'not_admitted' : null),
  // A violation may be recorded at any time, also afterwards from the recording.
  raise_violation: () => null,
};

export function actionStates(c: ActionContext): Record<DetailAction, ActionState> {
  const states = {} as Record<DetailAction, ActionState>;
  for (const action of DETAIL_ACTIONS) {
    const blocker = RULES[action](c);
    states[action] = blocker ? { enabled: false, blocker } : { enabled: true };
  }
  return states;
}

export const contextOf = (
  row: Pick<ProctoringRow, 'stage' | 'access' | 'roomScan'>,
  attempt: OpenAttempt | null,
): ActionContext => ({ stage: row.stage, access: row.access, roomScan: row.roomScan, attempt });

/** What an intervention asks the proctor to write: a reason (≥ 3), a warning (≥ 1) or an optional note. */
export type InterventionField = 'reason' | 'text' | 'note';

export const INTERVENTIONS: Record<InterventionAction, { field: InterventionField; destructive: boolean }> = {
  deny: { field: 'reason', destructive: true },
  warn: { field: 'text', destructive: false },
  request_room_scan: { field: 'note', destructive: false },
  room_scan_done: { field: 'note', destructive: false },
  room_scan_failed: { field: 'reason', destructive: false },
  terminate: { field: 'reason', destructive: true },
  permit_leave: { field: 'note', destructive: false },
};

/** The shortest text each field accepts (the server's schema: reason ≥ 3 after trim, text ≥ 1). */
export const MIN_LENGTH: Record<InterventionField, number> = { reason: 3, text: 1, note: 0 };

export const isLongEnough = (field: InterventionField, value: string): boolean =>
  value.trim().length >= MIN_LENGTH[field];

const BODIES: { [A in InterventionAction]: (value: string) => Extract<InterventionBody, { action: A }> } = {
  deny: (reason) => ({ action: 'deny', reason }),
  warn: (text) => ({ action: 'warn', text }),
  request_room_scan: (note) => ({ action: 'request_room_scan', note }),
  room_scan_done: (note) => ({ action: 'room_scan_done', note }),
  room_scan_failed: (reason) => ({ action: 'room_scan_failed', reason }),
  terminate: (reason) => ({ action: 'terminate', reason }),
  permit_leave: (note) => ({ action: 'permit_leave', note }),
};

/** The request body of an intervention, with the proctor's text trimmed. */
export const interventionBody = (action: InterventionAction, value: string): InterventionBody =>
  BODIES[action](value.trim());
