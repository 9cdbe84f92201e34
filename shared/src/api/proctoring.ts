import { z } from 'zod';
import { AccessStatus } from '../domain/sitting-kinds.js';
import { TrustScore, TrustWeights } from '../domain/trust-score.js';
import { Id } from './sittings.js';
import { AutoFlagType, ChatText, SnapshotData, StudentLogParams } from './violations.js';

/**
 * Proctoring a sitting (issue 5): where each student is, who watches them, their risk, the
 * automatic flags the browser checks and the extension report, and the proctor's interventions.
 */

/** Where a student is in the sitting, as the console's overview shows it. */
export const StudentStage = z.enum([
  /** No source of theirs has gone live yet. */
  'absent',
  /** Connected, doing the device check and identity steps, not admitted yet. */
  'checks',
  'admitted',
  'in_test',
  /** A proctor paused the test. */
  'paused',
  /** The webcam or the screen stopped during the test: answers locked until it is back. */
  'suspended',
  'finished',
  'terminated',
  /** The proctor permitted the student to leave: their sitting is over. */
  'left',
  'denied',
]);
export type StudentStage = z.infer<typeof StudentStage>;

export const RoomScanState = z.enum(['none', 'requested', 'done', 'failed']);
export type RoomScanState = z.infer<typeof RoomScanState>;

export const StaffRef = z.object({ id: Id, fullName: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

/** One episode of an automatic flag: reports of one type close together are merged into it. */
export const FlagEpisode = z.object({
  id: Id,
  type: AutoFlagType,
  startedAt: z.string().datetime(),
  /** null: still going on. */
  endedAt: z.string().datetime().nullable(),
  /** The highest confidence reported during the episode, 0–100. */
  confidence: z.number().int().min(0).max(100),
  /** How many reports (distinct client episodes) were merged into it. */
  count: z.number().int().min(1),
  /** The Chat&log entry it became once it was over (null while it may still grow). */
  loggedSeq: z.number().int().nullable(),
  /** Distinct details of the merged reports (at most 10). */
  details: z.array(z.string()).default([]),
});
export type FlagEpisode = z.infer<typeof FlagEpisode>;

/** A student's row in the console's overview: sorted by risk, "needs attention" first. */
export const ProctoringRow = z.object({
  studentId: Id,
  fullName: z.string(),
  iin: z.string(),
  access: AccessStatus,
  stage: StudentStage,
  /** The proctor this student is assigned to (students are split between a sitting's proctors). */
  proctor: StaffRef.nullable(),
  roomScan: RoomScanState,
  trust: TrustScore,
  /** Automatic flags in the log no one has confirmed or dismissed yet. */
  openFlags: z.number().int(),
  /** Flags going on right now. */
  ongoing: z.array(FlagEpisode),
  needsAttention: z.boolean(),
  lastEntryAt: z.string().datetime().nullable(),
});
export type ProctoringRow = z.infer<typeof ProctoringRow>;

export const ProctoringOverview = z.object({
  sittingId: Id,
  proctors: z.array(StaffRef),
  weights: TrustWeights,
  /** May the caller act (admit, warn, terminate…) or only look (commission members)? */
  canAct: z.boolean(),
  students: z.array(ProctoringRow),
  serverNow: z.string().datetime(),
});
export type ProctoringOverview = z.infer<typeof ProctoringOverview>;

const Reason = z.string().trim().min(3).max(2000);
const Note = z.string().trim().max(2000).default('');

/** What a proctor does to one student; each is logged and shown to the student. */
export const DenyIntervention = z.object({ action: z.literal('deny'), reason: Reason }).strict();
export const WarnIntervention = z.object({ action: z.literal('warn'), text: ChatText }).strict();
export const RequestRoomScan = z.object({ action: z.literal('request_room_scan'), note: Note }).strict();
export const RoomScanDone = z.object({ action: z.literal('room_scan_done'), note: Note }).strict();
export const RoomScanFailed = z.object({ action: z.literal('room_scan_failed'), reason: Reason }).strict();
export const TerminateIntervention = z.object({ action: z.literal('terminate'), reason: Reason }).strict();
export const PermitLeave = z.object({ action: z.literal('permit_leave'), note: Note }).strict();

export const InterventionBody = z.discriminatedUnion('action', [
  DenyIntervention,
  WarnIntervention,
  RequestRoomScan,
  RoomScanDone,
  RoomScanFailed,
  TerminateIntervention,
  PermitLeave,
]);
export type InterventionBody = z.input<typeof InterventionBody>;
export type InterventionAction = InterventionBody['action'];

export const HandOverBody = z.object({ proctorId: Id }).strict();
export type HandOverBody = z.infer<typeof HandOverBody>;

/** +/− on an automatic flag (or a media gap): confirmed or dismissed, always with a reason. */
export const ReviewDecision = z.enum(['confirmed', 'dismissed']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;
export const ReviewFlagBody = z.object({ decision: ReviewDecision, reason: Reason }).strict();
export type ReviewFlagBody = z.infer<typeof ReviewFlagBody>;
/** A log entry's number is a 32-bit integer column: a larger one is not an entry, not a server error. */
export const LogEntryParams = StudentLogParams.extend({
  seq: z.coerce.number().int().min(1).max(2_147_483_647),
}).strict();
export type LogEntryParams = z.input<typeof LogEntryParams>;

/** What the browser checks and the extension report; the server merges them into episodes. */
export const FlagReport = z
  .object({
    /** Made by the reporting client; a retried report with the same id is counted once. */
    episodeId: Id,
    type: AutoFlagType,
    startedAt: z.string().datetime(),
    /** null while the condition is still true: report again (at least every 10 s) until it ends. */
    endedAt: z.string().datetime().nullable(),
    confidence: z.number().int().min(0).max(100),
    snapshot: SnapshotData.optional(),
    /** A short detail the proctor may need (the blocked host, "paste", extension names); never page content. */
    detail: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((r) => r.endedAt === null || r.endedAt >= r.startedAt, {
    path: ['endedAt'],
    message: 'ends before it starts',
  });
export type FlagReport = z.infer<typeof FlagReport>;

export const FlagReportBody = z.object({ reports: z.array(FlagReport).min(1).max(20) }).strict();
export type FlagReportBody = z.infer<typeof FlagReportBody>;
export const FlagReportResult = z.object({ accepted: z.number().int() });

export const SnapshotParams = StudentLogParams.extend({ snapshotId: Id }).strict();
export type SnapshotParams = z.infer<typeof SnapshotParams>;

/** Server → the student and the sitting's watchers: a flag episode began, grew or ended. */
export const FlagEpisodeChanged = z.object({ sittingId: Id, studentId: Id, episode: FlagEpisode });
export type FlagEpisodeChanged = z.infer<typeof FlagEpisodeChanged>;

/** Server → the sitting's watchers: a student was handed over to another proctor. */
export const StudentHandedOver = z.object({ sittingId: Id, studentId: Id, proctor: StaffRef });
export type StudentHandedOver = z.infer<typeof StudentHandedOver>;

export const ReportFormat = z.enum(['json', 'csv', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;
export const ReportFileQuery = z.object({ format: z.enum(['csv', 'pdf']) }).strict();
export type ReportFileQuery = z.infer<typeof ReportFileQuery>;
