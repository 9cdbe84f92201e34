import { describe, expect, it } from 'vitest';
import {
  type ActionContext,
  actionStates,
  type DetailAction,
  interventionBody,
  isLongEnough,
} from './actions.js';

const context = (over: Partial<ActionContext> = {}): ActionContext => ({
  stage: 'checks',
  access: 'red',
  roomScan: 'none',
  attempt: null,
  ...over,
});

const enabled = (c: ActionContext) =>
  (Object.entries(actionStates(c)) as [DetailAction, { enabled: boolean }][])
    .filter(([, s]) => s.enabled)
    .map(([a]) => a)
    .sort();

const blockerOf = (c: ActionContext, action: DetailAction) => {
  const state = actionStates(c)[action];
  return state.enabled ? null : state.blocker;
};

describe('actionStates', () => {
  it('before admission: admit, deny, room scan, warn and violations; no pause, no leave', () => {
    expect(enabled(context())).toEqual(['admit', 'deny', 'raise_violation', 'request_room_scan', 'warn']);
    expect(blockerOf(context(), 'terminate')).toBe('not_admitted');
    expect(blockerOf(context(), 'permit_leave')).toBe('not_admitted');
    expect(blockerOf(context(), 'pause')).toBe('no_open_attempt');
  });

  it('admitting a student who has not connected yet is allowed, as on the sittings page', () => {
    expect(actionStates(context({ stage: 'absent' })).admit.enabled).toBe(true);
  });

  it('pauses only an open attempt, and resumes only one the proctor paused', () => {
    const running = context({
      stage: 'in_test',
      access: 'green',
      attempt: { status: 'in_progress', pausedByProctor: false },
    });
    expect(actionStates(running).pause.enabled).toBe(true);
    expect(blockerOf(running, 'resume')).toBe('not_paused');
    const paused = context({
      stage: 'paused',
      access: 'green',
      attempt: { status: 'in_progress', pausedByProctor: true },
    });
    expect(blockerOf(paused, 'pause')).toBe('already_paused');
    expect(actionStates(paused).resume.enabled).toBe(true);
    // A lost camera suspends the attempt; the proctor can still pause it on top.
    const suspended = context({
      stage: 'suspended',
      access: 'green',
      attempt: { status: 'suspended', pausedByProctor: false },
    });
    expect(actionStates(suspended).pause.enabled).toBe(true);
  });

  it('does not let a student leave, or deny them, while their test is open', () => {
    const running = context({
      stage: 'in_test',
      access: 'green',
      attempt: { status: 'in_progress', pausedByProctor: false },
    });
    expect(blockerOf(running, 'permit_leave')).toBe('test_open');
    expect(blockerOf(running, 'deny')).toBe('test_started');
    expect(actionStates(running).terminate.enabled).toBe(true);
    const finished = context({ stage: 'finished', access: 'green' });
    expect(actionStates(finished).permit_leave.enabled).toBe(true);
    expect(blockerOf(finished, 'deny')).toBe('test_started');
    // Oral and written exams have no attempt: admitted students may be let go.
    expect(actionStates(context({ stage: 'admitted', access: 'green' })).permit_leave.enabled).toBe(true);
  });

  it('marks a room scan done or failed only once it was requested, and not twice requested', () => {
    const requested = context({ roomScan: 'requested' });
    expect(actionStates(requested).room_scan_done.enabled).toBe(true);
    expect(actionStates(requested).room_scan_failed.enabled).toBe(true);
    expect(blockerOf(requested, 'request_room_scan')).toBe('scan_requested');
    expect(blockerOf(context({ roomScan: 'done' }), 'room_scan_failed')).toBe('scan_not_requested');
    expect(actionStates(context({ roomScan: 'failed' })).request_room_scan.enabled).toBe(true);
  });

  it('after the end only a violation can still be recorded', () => {
    for (const stage of ['terminated', 'left', 'denied'] as const) {
      expect(enabled(context({ stage, access: 'green', roomScan: 'requested' }))).toEqual([
        'raise_violation',
      ]);
      expect(blockerOf(context({ stage }), 'warn')).toBe('ended');
    }
  });

  it('an admitted student cannot be admitted again', () => {
    expect(blockerOf(context({ access: 'green', stage: 'admitted' }), 'admit')).toBe('already_admitted');
  });
});

describe('interventions', () => {
  it('builds the body of each action with the text in its field, trimmed', () => {
    expect(interventionBody('deny', '  no ID shown ')).toEqual({ action: 'deny', reason: 'no ID shown' });
    expect(interventionBody('warn', 'Look at the screen')).toEqual({
      action: 'warn',
      text: 'Look at the screen',
    });
    expect(interventionBody('permit_leave', '')).toEqual({ action: 'permit_leave', note: '' });
    expect(interventionBody('room_scan_failed', 'notes on the desk')).toEqual({
      action: 'room_scan_failed',
      reason: 'notes on the desk',
    });
  });

  it('asks for a reason of 3 characters, a warning of 1, and nothing for a note', () => {
    expect(isLongEnough('reason', ' ab ')).toBe(false);
    expect(isLongEnough('reason', 'abc')).toBe(true);
    expect(isLongEnough('text', ' ')).toBe(false);
    expect(isLongEnough('text', '!')).toBe(true);
    expect(isLongEnough('note', '')).toBe(true);
  });
});
