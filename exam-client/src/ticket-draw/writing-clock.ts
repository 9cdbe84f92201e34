import type { AttemptChanged, WritingClock } from '@adal/shared';
import { type AttemptHold, holdOf, newerHold } from '../chat-log/attempt-hold.js';
import { type CountdownClock, countdownClock, isClosedStatus, newerClock } from '../computer-test/clock.js';

/**
 * A written exam's writing time, with the computer test's clock rules (server-owned deadline,
 * skew-corrected; a newer server stamp wins) and why it stands still.
 */
export interface WritingState {
  attemptId: string;
  clock: CountdownClock;
  hold: AttemptHold;
}

export type WritingPhase = 'running' | 'paused' | 'suspended' | 'over';

export function writingState(writing: WritingClock, receivedAt: number, sentAt?: number): WritingState {
  return {
    attemptId: writing.attemptId,
    clock: countdownClock(writing, receivedAt, sentAt),
    hold: holdOf(writing),
  };
}

/** A newer report of the same writing time replaces the older one; another attempt replaces it outright. */
export function newerWriting(current: WritingState | null, next: WritingState): WritingState {
  if (!current || current.attemptId !== next.attemptId) return next;
  return {
    attemptId: next.attemptId,
    clock: newerClock(current.clock, next.clock),
    hold: newerHold(current.hold, next.hold),
  };
}

/** An `attempt:changed` for this writing time (events about other attempts change nothing). */
export function applyAttemptChange(
  current: WritingState | null,
  event: AttemptChanged,
  receivedAt: number,
): WritingState | null {
  if (!current || current.attemptId !== event.attemptId) return current;
  return newerWriting(current, writingState(event, receivedAt));
}

export function writingPhase(writing: WritingState): WritingPhase {
  if (isClosedStatus(writing.clock.status)) return 'over';
  if (writing.clock.status === 'suspended') return 'suspended';
  if (writing.clock.pausedAt) return 'paused';
  return 'running';
}

export const writingOver = (writing: WritingState | null) =>
  writing !== null && writingPhase(writing) === 'over';
