import { z } from 'zod';
import { Id } from './sittings.js';

/**
 * The violation Chat&log (seeds 000, 001): one append-only, hash-chained log per student per
 * sitting. The student sees every entry recorded against them; proctors see it live.
 */

export const LogSource = z.enum(['auto_flag', 'media', 'connection', 'proctor', 'system', 'chat']);
export type LogSource = z.infer<typeof LogSource>;
export const Severity = z.enum(['info', 'low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

/** What the browser checks and the extension flag on their own (later issues send them). */
export const AutoFlagType = z.enum([
  'no_face',
  'multiple_faces',
  'looking_away',
  'face_mismatch',
  /** The camera sees almost nothing: covered, or too dark to see a face. */
  'camera_covered',
  'focus_lost',
  'fullscreen_exit',
  'tab_switch',
  'copy_paste',
  'screen_share_stopped',
  'second_display',
  'voice',
  'devtools_open',
  /** No extension where the sitting requires it, or it went silent during the exam. */
  'extension_missing',
  /** The extension closed a tab or window opened during the exam. */
  'new_tab',
  /** The extension blocked a navigation away from the exam. */
  'navigation_blocked',
  /** Printing or the PrintScreen key during the exam (blocked). */
  'print_blocked',
  /** Another browser extension on the deny-list or with broad permissions. */
  'risky_extension',
]);
export type AutoFlagType = z.infer<typeof AutoFlagType>;

/** How serious an automatic flag is before a person looks at it. */
export const AUTO_FLAG_SEVERITY: Record<AutoFlagType, 'low' | 'medium' | 'high'> = {
  no_face: 'medium',
  multiple_faces: 'high',
  looking_away: 'low',
  face_mismatch: 'high',
  camera_covered: 'medium',
  focus_lost: 'medium',
  fullscreen_exit: 'low',
  tab_switch: 'medium',
  copy_paste: 'medium',
  screen_share_stopped: 'medium',
  second_display: 'high',
  voice: 'low',
  devtools_open: 'high',
  extension_missing: 'high',
  new_tab: 'medium',
  navigation_blocked: 'medium',
  print_blocked: 'medium',
  risky_extension: 'medium',
};

/** What a proctor may raise by hand (exam-procedures.md, "Rules during every exam"). */
export const ProctorViolationType = z.enum([
  'left_camera_view',
  'third_person',
  'phone_or_device',
  'cheat_sheet',
  'talking',
  'screen_not_visible',
  'desk_not_visible',
  'someone_else_answering',
  'other',
]);
export type ProctorViolationType = z.infer<typeof ProctorViolationType>;

/** Things the platform or a proctor did, logged so the record is complete. */
export const SystemAction = z.enum([
  'admitted',
  'admission_revoked',
  'attempt_started',
  'paused',
  'resumed',
  'suspended',
  'unsuspended',
  'warned',
  'terminated',
  'leave_permitted',
  'room_scan_requested',
  'room_scan_done',
  'room_scan_failed',
  'finished',
  'timed_out',
  'denied',
  'handed_over',
  /** The student drew a closed ticket (evidence: ticket number, card, round, commitment). */
  'ticket_drawn',
  /** The student's ticket was shown again: to them on reload, or to a staff member. */
  'ticket_viewed',
  /** Written exams: the writing time started with the ticket (evidence: attempt, deadline). */
  'writing_started',
  /** Written exams: the writing time ran out, or the student said they had finished writing. */
  'writing_over',
  /** An answer-sheet page was stored (evidence: page, sha256, sharpness, blurred). */
  'sheet_uploaded',
  /** The proctor accepted or rejected a page (evidence: page, sheet id, reason). */
  'sheet_accepted',
  'sheet_rejected',
  /** Oral exams: the student was called to answer, and finished answering. */
  'called_to_answer',
  'answered',
  /** The examiner's grade was published to the student. */
  'grade_published',
  /** Thesis defence: started, talk over (questions begin), interrupted, resumed, stopped, defended. */
  'defence_started',
  'defence_talk_ended',
  'defence_interrupted',
  'defence_resumed',
  'defence_stopped',
  'defence_finished',
  /** Thesis defence: the secretary wrote the student a question (evidence: the text). */
  'defence_question',
  /** Identity: the device sent a check (evidence: roster verdict, liveness, face match); the proctor decided. */
  'identity_checked',
  'identity_verified',
  'identity_retake',
  'identity_rejected',
]);
export type SystemAction = z.infer<typeof SystemAction>;

export const LogEntry = z.object({
  seq: z.number().int().min(1),
  at: z.string().datetime(),
  source: LogSource,
  type: z.string(),
  severity: Severity,
  text: z.string(),
  evidence: z.record(z.string(), z.unknown()).nullable(),
  /** A merged automatic flag: how long the episode lasted. */
  durationMs: z.number().int().nullable(),
  /** Automatic flags: 0–100. */
  confidence: z.number().int().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;
export const LogEntryList = z.array(LogEntry);

export const StudentLogParams = z.object({ sittingId: Id, studentId: Id }).strict();
export type StudentLogParams = z.infer<typeof StudentLogParams>;

/** A hash chain check: where it first breaks, if anywhere. */
export const LogVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type LogVerification = z.infer<typeof LogVerification>;

/** A small still image as base64 (JPEG, PNG or WebP, checked by content on the server). */
export const SNAPSHOT_MAX_BYTES = 64 * 1024;
export const SnapshotData = z
  .string()
  .max(Math.ceil((SNAPSHOT_MAX_BYTES * 4) / 3) + 4, 'snapshot over 64 KB')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64');

export const ChatText = z.string().trim().min(1).max(2000);
/** Student → proctor (technical problems), or proctor → student. */
export const SendMessageBody = z.object({ text: ChatText }).strict();
export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const RaiseViolationBody = z
  .object({
    type: ProctorViolationType,
    severity: Severity.exclude(['info']),
    note: z.string().trim().max(2000).default(''),
    /** A still taken from the live video (base64 JPEG/PNG/WebP, up to 64 KB). */
    snapshot: SnapshotData.optional(),
  })
  .strict();
export type RaiseViolationBody = z.input<typeof RaiseViolationBody>;

/** Server → the student and the sitting's watchers: an entry was added to a student's log. */
export const LogAppended = z.object({ sittingId: Id, studentId: Id, entry: LogEntry });
export type LogAppended = z.infer<typeof LogAppended>;
