import { z } from 'zod';
import { ControlKind, SittingKind } from '../domain/sitting-kinds.js';
import { TrustScore } from '../domain/trust-score.js';
import { MediaSource } from '../media/sources.js';
import { AttemptStatus } from './attempts.js';
import { ReviewDecision } from './proctoring.js';
import { DisciplineRef, GroupRef, Id } from './sittings.js';
import { LogSource, LogVerification, Severity } from './violations.js';

/**
 * The evidence for one student's sitting (issue 5, seeds 000/001 "everything is recorded"):
 * connection time, the student's time, the number of violations, the whole history of work with
 * the test, every log entry with its review and a link into the recording at that moment.
 */
export const ReportReview = z.object({
  decision: ReviewDecision,
  reason: z.string(),
  byName: z.string(),
  at: z.string().datetime(),
});
export type ReportReview = z.infer<typeof ReportReview>;

export const ReportRecordingLink = z.object({
  recordingId: z.string(),
  source: MediaSource,
  /** Seconds into that recording. */
  offsetSeconds: z.number().int().nonnegative(),
  /** Opens the proctor console's player at that moment. */
  href: z.string(),
});
export type ReportRecordingLink = z.infer<typeof ReportRecordingLink>;

export const ReportTimelineItem = z.object({
  seq: z.number().int(),
  at: z.string().datetime(),
  /** For merged automatic flags: when the episode began (else the same as at). */
  startedAt: z.string().datetime(),
  source: LogSource,
  type: z.string(),
  severity: Severity,
  text: z.string(),
  durationMs: z.number().int().nullable(),
  confidence: z.number().int().nullable(),
  review: ReportReview.nullable(),
  recording: ReportRecordingLink.nullable(),
});
export type ReportTimelineItem = z.infer<typeof ReportTimelineItem>;

export const ReportGap = z.object({
  source: MediaSource,
  from: z.string().datetime(),
  to: z.string().datetime().nullable(),
  reason: z.string(),
});

export const ReportAttempt = z.object({
  attemptId: Id,
  number: z.number().int(),
  status: AttemptStatus,
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
  deadlineAt: z.string().datetime(),
  /** Time the clock stood still (pauses, suspensions that stop it). */
  pausedMs: z.number().int(),
  questions: z.number().int(),
  answered: z.number().int(),
  percent: z.number().nullable(),
  /** Every save of an answer, oldest first: the history of work with the test. */
  answerEvents: z.array(
    z.object({ at: z.string().datetime(), questionNumber: z.number().int(), revision: z.number().int() }),
  ),
});

export const SessionReport = z.object({
  generatedAt: z.string().datetime(),
  sitting: z.object({
    sittingId: Id,
    discipline: DisciplineRef,
    group: GroupRef,
    kind: SittingKind,
    controlKind: ControlKind,
    startsAt: z.string().datetime(),
    durationMinutes: z.number().int(),
  }),
  student: z.object({ studentId: Id, fullName: z.string(), iin: z.string() }),
  connection: z.object({
    firstConnectedAt: z.string().datetime().nullable(),
    lastEventAt: z.string().datetime().nullable(),
    gaps: z.array(ReportGap),
  }),
  attempts: z.array(ReportAttempt),
  violations: z.object({
    total: z.number().int(),
    confirmed: z.number().int(),
    dismissed: z.number().int(),
    unreviewed: z.number().int(),
    proctorRaised: z.number().int(),
  }),
  trust: TrustScore,
  timeline: z.array(ReportTimelineItem),
  /** The hash chain checked when the report was made. */
  log: LogVerification,
  /** Media servers that did not answer: recording links may be missing. */
  unreachableNodes: z.number().int().nonnegative(),
});
export type SessionReport = z.infer<typeof SessionReport>;
