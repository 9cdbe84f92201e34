import type { AttemptChanged } from '@adal/shared';
import { timeLeftMs } from '@adal/shared/web';
import { describe, expect, it } from 'vitest';
import { examSteps } from './exam-steps.js';
import { board, SITTING, ticket, writing } from './fixtures.js';
import { applyAttemptChange, newerWriting, writingPhase, writingState } from './writing-clock.js';

const event = (patch: Partial<AttemptChanged>): AttemptChanged => ({
  ...writing(),
  sittingId: SITTING,
  studentId: '00000000-0000-4000-8000-000000000002',
  ...patch,
});

describe('writing clock', () => {
  it('counts down to the server’s deadline, corrected for this computer’s clock', () => {
    // This computer is 10 minutes behind the server.
    const localAtReceipt = Date.parse('2026-06-10T09:20:00.000Z');
    const state = writingState(writing(), localAtReceipt);
    expect(timeLeftMs(state.clock, localAtReceipt)).toBe(95 * 60_000);
    expect(writingPhase(state)).toBe('running');
  });

  it('stands still while the proctor pauses and says why', () => {
    const state = writingState(writing(), 0);
    const paused = applyAttemptChange(
      state,
      event({
        pausedAt: '2026-06-10T09:40:00.000Z',
        pausedByProctor: true,
        serverNow: '2026-06-10T09:40:01.000Z',
      }),
      1000,
    );
    expect(paused && writingPhase(paused)).toBe('paused');
    expect(paused?.hold.pausedByProctor).toBe(true);
    expect(paused && timeLeftMs(paused.clock, 10_000_000)).toBe(85 * 60_000);
  });

  it('shows a camera suspension, and the end of writing', () => {
    const state = writingState(writing(), 0);
    const suspended = applyAttemptChange(
      state,
      event({
        status: 'suspended',
        suspendedAt: '2026-06-10T09:41:00.000Z',
        serverNow: '2026-06-10T09:41:00.000Z',
      }),
      0,
    );
    expect(suspended && writingPhase(suspended)).toBe('suspended');
    const over = applyAttemptChange(
      suspended,
      event({ status: 'timed_out', serverNow: '2026-06-10T11:05:01.000Z' }),
      0,
    );
    expect(over && writingPhase(over)).toBe('over');
  });

  it('ignores an older report and another attempt’s events', () => {
    const state = writingState(writing({ status: 'finished', serverNow: '2026-06-10T10:00:00.000Z' }), 0);
    const stale = applyAttemptChange(state, event({ serverNow: '2026-06-10T09:59:00.000Z' }), 0);
    expect(stale && writingPhase(stale)).toBe('over');
    const other = applyAttemptChange(
      state,
      event({ attemptId: '00000000-0000-4000-8000-0000000000ff', serverNow: '2026-06-10T10:01:00.000Z' }),
      0,
    );
    expect(other).toBe(state);
    const reloaded = newerWriting(state, writingState(writing({ serverNow: '2026-06-10T09:00:00.000Z' }), 0));
    expect(writingPhase(reloaded)).toBe('over');
  });
});

describe('examSteps', () => {
  const drawn = board({ myTicket: ticket(), writing: writing() });

  it('shows only the ticket table before the draw', () => {
    expect(examSteps('written', board(), null, false)).toEqual({
      writing: false,
      sheets: false,
      result: false,
    });
  });

  it('written: the writing time once drawn, the answer sheets once writing is over', () => {
    const running = writingState(writing(), 0);
    expect(examSteps('written', drawn, running, false)).toEqual({
      writing: true,
      sheets: false,
      result: true,
    });
    const over = writingState(writing({ status: 'finished' }), 0);
    expect(examSteps('written', drawn, over, false)).toEqual({ writing: true, sheets: true, result: true });
    // Drawn, but the writing time not loaded yet: no answer sheets before it says writing is over.
    expect(examSteps('written', drawn, null, false).sheets).toBe(false);
  });

  it('oral and state exams: the answer sheets as soon as the ticket is drawn', () => {
    const oral = board({ myTicket: ticket() });
    expect(examSteps('oral', oral, null, false)).toEqual({ writing: false, sheets: true, result: true });
    expect(examSteps('state_exam', oral, null, false).sheets).toBe(true);
  });

  it('shows the result of a sitting that ended without a draw', () => {
    expect(examSteps('oral', board({ blockedBy: 'sitting_ended' }), null, true).result).toBe(true);
  });
});
