import type { AccessStatus, AttemptStatus, FlagEpisode, RoomScanState, StudentStage } from '@adal/shared';

export interface StageFacts {
  access: AccessStatus;
  endedAs: 'terminated' | 'left' | 'denied' | null;
  /** The student's latest attempt, if any. */
  attempt: { status: AttemptStatus; pausedByProctor: boolean } | null;
  /** Has any of their sources ever gone live? */
  connected: boolean;
}

/** Where a student is in the sitting, from the strongest fact down. */
export function stageOf(f: StageFacts): StudentStage {
  if (f.endedAs) return f.endedAs;
  const a = f.attempt;
  if (a?.status === 'suspended') return 'suspended';
  if (a?.status === 'in_progress') return a.pausedByProctor ? 'paused' : 'in_test';
  if (a?.status === 'terminated') return 'terminated';
  if (a) return 'finished';
  if (f.access === 'green') return 'admitted';
  return f.connected ? 'checks' : 'absent';
}

/**
 * A proctor should look now: a lost source, a flag going on or waiting for review, a student
 * waiting to be admitted, a room scan under way.
 */
export function needsAttention(
  stage: StudentStage,
  openFlags: number,
  ongoing: readonly FlagEpisode[],
  roomScan: RoomScanState,
): boolean {
  return (
    stage === 'suspended' ||
    stage === 'checks' ||
    ongoing.some((e) => e.endedAt === null) ||
    openFlags > 0 ||
    roomScan === 'requested'
  );
}
