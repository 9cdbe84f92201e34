import type { z } from 'zod';
import { TrustScore } from '../domain/trust-score.js';
import { RecordingParams, RecordingsDeleted, SittingRecordingList, Streamed } from '../media/recordings.js';
import { MediaEventsAccepted, MediaEventsBody, MediaGapList } from '../media/source-events.js';
import { MediaTokenBody, MediaTokenResponse } from '../media/sources.js';
import {
  AnswerSheet,
  AnswerSheetSet,
  ReviewSheetBody,
  SheetFileQuery,
  SheetParams,
  SittingSheetList,
} from './answer-sheets.js';
import {
  AppealList,
  AppealPage,
  AppealParams,
  AppealView,
  DecideAppealItemBody,
  FileAppealBody,
  PassedTestList,
  PassedTestsQuery,
} from './appeals.js';
import {
  AttemptClock,
  AttemptParams,
  AttemptResult,
  AttemptView,
  BlueprintState,
  FinishAttemptBody,
  SetBlueprintBody,
  SittingAttemptList,
  SittingAttemptParams,
  TestInfo,
} from './attempts.js';
import { AuditList, AuditQuery } from './audit.js';
import { Empty, LoggedOutEverywhere, LoginBody, Me, UpdateMeBody } from './auth.js';
import { BankList, DisciplineList, ImportBankBody, ImportBankResult } from './banks.js';
import {
  AnnounceCommissionResult,
  CommissionGrading,
  CommissionProtocol,
  CommissionProtocolBody,
  CommissionRow,
  CommissionScoreBody,
  FixCommissionGradeBody,
  ProtocolFileQuery,
} from './commission-grades.js';
import {
  GradeParams,
  GradeRow,
  GradeStudentBody,
  PublishGradesResult,
  SittingGrades,
  StudentExamResult,
} from './exam-grades.js';
import {
  ExtensionHandshakeBody,
  ExtensionHeartbeatBody,
  ExtensionNonce,
  ExtensionStatus,
} from './extension.js';
import { Health } from './health.js';
import {
  DecideIdentityBody,
  IdentityCheckList,
  IdentityCheckParams,
  IdentityCheckView,
  IdentityPhotoQuery,
  SubmitIdentityBody,
} from './identity.js';
import {
  ApplyForMakeUpBody,
  DecideMakeUpBody,
  MakeUpApplicationList,
  MakeUpApplicationParams,
  MakeUpApplicationsQuery,
  MakeUpApplicationView,
  MissedSittingList,
} from './make-up.js';
import { OralQueueView, StudentQueueView } from './oral-queue.js';
import {
  FlagReportBody,
  FlagReportResult,
  HandOverBody,
  InterventionBody,
  LogEntryParams,
  ProctoringOverview,
  ProctoringRow,
  ReportFileQuery,
  ReviewFlagBody,
  SnapshotParams,
} from './proctoring.js';
import { SessionReport } from './session-report.js';
import {
  AssignProctorsBody,
  CreateSittingBody,
  RosterEntry,
  Schedule,
  SetAdmissionBody,
  SittingList,
  SittingParams,
  SittingSummary,
  SittingWithRoster,
} from './sittings.js';
import {
  AskDefenceQuestionBody,
  DefenceActionBody,
  DefenceParams,
  DefenceQuestionView,
  DefenceScheduleView,
  StudentDefenceView,
} from './thesis-defence.js';
import {
  DrawnTicket,
  DrawTicketBody,
  StudentTicket,
  TicketBoard,
  TicketDrawOverview,
  TicketDrawReveal,
} from './ticket-draw.js';
import {
  AttachTicketPoolBody,
  DisciplineParams,
  DisciplineTicketPools,
  ImportTicketPoolBody,
  ImportTicketPoolResult,
  TicketPoolParams,
  TicketPoolPreview,
  TicketSitting,
} from './ticket-pools.js';
import {
  LogEntry,
  LogEntryList,
  LogVerification,
  RaiseViolationBody,
  SendMessageBody,
  StudentLogParams,
} from './violations.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP endpoint: both ends import it, so path and shapes are written once. */
export interface RouteContract {
  method: HttpMethod;
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

export const http = {
  login: { method: 'POST', path: '/api/auth/login', body: LoginBody, response: Me },
  logout: { method: 'POST', path: '/api/auth/logout', body: Empty, response: Empty },
  logoutEverywhere: {
    method: 'POST',
    path: '/api/auth/logout-everywhere',
    body: Empty,
    response: LoggedOutEverywhere,
  },
  me: { method: 'GET', path: '/api/auth/me', response: Me },
  updateMe: { method: 'PATCH', path: '/api/auth/me', body: UpdateMeBody, response: Me },
  health: { method: 'GET', path: '/api/health', response: Health },
  studentSchedule: { method: 'GET', path: '/api/student/schedule', response: Schedule },
  listSittings: { method: 'GET', path: '/api/sittings', response: SittingList },
  getSitting: {
    method: 'GET',
    path: '/api/sittings/:sittingId',
    params: SittingParams,
    response: SittingWithRoster,
  },
  createSitting: { method: 'POST', path: '/api/sittings', body: CreateSittingBody, response: SittingSummary },
  assignProctors: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/proctors',
    params: SittingParams,
    body: AssignProctorsBody,
    response: SittingSummary,
  },
  setAdmission: {
    method: 'POST',
    path: '/api/sittings/:sittingId/admissions',
    params: SittingParams,
    body: SetAdmissionBody,
    response: RosterEntry,
  },
  auditLog: { method: 'GET', path: '/api/audit', query: AuditQuery, response: AuditList },
  /** A short-lived token for the SFU: students publish their sources, staff watch the sitting. */
  mediaToken: {
    method: 'POST',
    path: '/api/sittings/:sittingId/media-token',
    params: SittingParams,
    body: MediaTokenBody,
    response: MediaTokenResponse,
  },
  /** Internal: the SFU reports sources starting and stopping (service token, no user). */
  mediaEvents: {
    method: 'POST',
    path: '/api/internal/media-events',
    body: MediaEventsBody,
    response: MediaEventsAccepted,
  },
  /** The info page before a computer test (seed 001). */
  testInfo: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/test',
    params: SittingParams,
    response: TestInfo,
  },
  /** "Next": the test starts at once, or the open attempt resumes with the same paper. */
  startAttempt: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/attempts',
    params: SittingParams,
    body: Empty,
    response: AttemptView,
  },
  getAttempt: {
    method: 'GET',
    path: '/api/student/attempts/:attemptId',
    params: AttemptParams,
    response: AttemptView,
  },
  finishAttempt: {
    method: 'POST',
    path: '/api/student/attempts/:attemptId/finish',
    params: AttemptParams,
    body: FinishAttemptBody,
    response: AttemptResult,
  },
  attemptResult: {
    method: 'GET',
    path: '/api/student/attempts/:attemptId/result',
    params: AttemptParams,
    response: AttemptResult,
  },
  /** "Passed tests" for a period, with correct answers before and after appeal. */
  passedTests: {
    method: 'GET',
    path: '/api/student/passed-tests',
    query: PassedTestsQuery,
    response: PassedTestList,
  },
  appealPage: {
    method: 'GET',
    path: '/api/student/attempts/:attemptId/appeal',
    params: AttemptParams,
    response: AppealPage,
  },
  fileAppeal: {
    method: 'POST',
    path: '/api/student/attempts/:attemptId/appeal',
    params: AttemptParams,
    body: FileAppealBody,
    response: AppealView,
  },
  /** A sitting's appeals with the key, for review. */
  listAppeals: {
    method: 'GET',
    path: '/api/sittings/:sittingId/appeals',
    params: SittingParams,
    response: AppealList,
  },
  decideAppealItem: {
    method: 'POST',
    path: '/api/sittings/:sittingId/appeals/:appealId/decisions',
    params: AppealParams,
    body: DecideAppealItemBody,
    response: AppealView,
  },
  /** Every attempt of a sitting with its clock and progress, for the proctor. */
  sittingAttempts: {
    method: 'GET',
    path: '/api/sittings/:sittingId/attempts',
    params: SittingParams,
    response: SittingAttemptList,
  },
  pauseAttempt: {
    method: 'POST',
    path: '/api/sittings/:sittingId/attempts/:attemptId/pause',
    params: SittingAttemptParams,
    body: Empty,
    response: AttemptClock,
  },
  resumeAttempt: {
    method: 'POST',
    path: '/api/sittings/:sittingId/attempts/:attemptId/resume',
    params: SittingAttemptParams,
    body: Empty,
    response: AttemptClock,
  },
  getBlueprint: {
    method: 'GET',
    path: '/api/sittings/:sittingId/blueprint',
    params: SittingParams,
    response: BlueprintState,
  },
  /** How many questions of each difficulty a computer test's paper has (checked against the bank). */
  setBlueprint: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/blueprint',
    params: SittingParams,
    body: SetBlueprintBody,
    response: BlueprintState,
  },
  listDisciplines: { method: 'GET', path: '/api/disciplines', response: DisciplineList },
  listBanks: { method: 'GET', path: '/api/banks', response: BankList },
  /** A GIFT, Aiken or CSV file becomes a new bank, all or nothing (400 lists the file's bad lines). */
  importBank: { method: 'POST', path: '/api/banks/import', body: ImportBankBody, response: ImportBankResult },
  /** A discipline's ticket pools and its closed-ticket sittings that have not ended. */
  listTicketPools: {
    method: 'GET',
    path: '/api/disciplines/:disciplineId/ticket-pools',
    params: DisciplineParams,
    response: DisciplineTicketPools,
  },
  /** A text or CSV file becomes a new ticket pool, all or nothing (400 lists the file's bad lines). */
  importTicketPool: {
    method: 'POST',
    path: '/api/ticket-pools/import',
    body: ImportTicketPoolBody,
    response: ImportTicketPoolResult,
  },
  /** Every ticket of a pool with its questions, for the staff who keep pools. */
  ticketPool: {
    method: 'GET',
    path: '/api/ticket-pools/:poolId',
    params: TicketPoolParams,
    response: TicketPoolPreview,
  },
  /** The pool a written, oral or state exam draws from; refused once its draw order is fixed. */
  attachTicketPool: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/ticket-pool',
    params: SittingParams,
    body: AttachTicketPoolBody,
    response: TicketSitting,
  },
  /** The student's own Chat&log for a sitting. */
  myLog: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/log',
    params: SittingParams,
    response: LogEntryList,
  },
  messageProctor: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/messages',
    params: SittingParams,
    body: SendMessageBody,
    response: LogEntry,
  },
  studentLog: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/log',
    params: StudentLogParams,
    response: LogEntryList,
  },
  verifyStudentLog: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/log/verify',
    params: StudentLogParams,
    response: LogVerification,
  },
  messageStudent: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/messages',
    params: StudentLogParams,
    body: SendMessageBody,
    response: LogEntry,
  },
  raiseViolation: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/violations',
    params: StudentLogParams,
    body: RaiseViolationBody,
    response: LogEntry,
  },
  /** When each student's sources stopped and came back (connection lost, closed, left). */
  listMediaGaps: {
    method: 'GET',
    path: '/api/sittings/:sittingId/media-gaps',
    params: SittingParams,
    response: MediaGapList,
  },
  /** A sitting's recorded segments, from every media server. */
  listRecordings: {
    method: 'GET',
    path: '/api/sittings/:sittingId/recordings',
    params: SittingParams,
    response: SittingRecordingList,
  },
  /** One segment as WebM (webcam with the student's microphone); streamed, audited. */
  downloadRecording: {
    method: 'GET',
    path: '/api/sittings/:sittingId/recordings/:recordingId/file',
    params: RecordingParams,
    response: Streamed,
  },
  /** Deletes a sitting's finished recordings on every media server; audited. */
  deleteRecordings: {
    method: 'DELETE',
    path: '/api/sittings/:sittingId/recordings',
    params: SittingParams,
    response: RecordingsDeleted,
  },
  /** Every student of a sitting with stage, proctor, risk and open flags (the console's overview). */
  proctoringOverview: {
    method: 'GET',
    path: '/api/sittings/:sittingId/proctoring',
    params: SittingParams,
    response: ProctoringOverview,
  },
  /** Deny, warn, room scan, terminate, permit leave: logged and shown to the student. */
  intervene: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/interventions',
    params: StudentLogParams,
    body: InterventionBody,
    response: ProctoringRow,
  },
  /** Hands a student over to another proctor of the sitting. */
  handOver: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/handover',
    params: StudentLogParams,
    body: HandOverBody,
    response: ProctoringRow,
  },
  /** Confirms or dismisses an automatic flag (or a lost source), with a reason; logged. */
  reviewFlag: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/log/:seq/review',
    params: LogEntryParams,
    body: ReviewFlagBody,
    response: LogEntry,
  },
  /** The evidence image of a flag or a proctor-raised violation. */
  logSnapshot: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/snapshots/:snapshotId',
    params: SnapshotParams,
    response: Streamed,
  },
  /** The browser checks and the extension report automatic flags; merged into episodes. */
  reportFlags: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/flags',
    params: SittingParams,
    body: FlagReportBody,
    response: FlagReportResult,
  },
  /** The student's trust score with its breakdown, once their sitting is over. */
  myTrust: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/trust',
    params: SittingParams,
    response: TrustScore,
  },
  /** One student's session report: timeline, reviews, attempts, gaps, recording links. */
  sessionReport: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/report',
    params: StudentLogParams,
    response: SessionReport,
  },
  /** The same report as a PDF or CSV file. */
  sessionReportFile: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/report/file',
    params: StudentLogParams,
    query: ReportFileQuery,
    response: Streamed,
  },
  /** The closed-ticket table: commitment, cards face down, the student's ticket once drawn. */
  ticketBoard: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/draw',
    params: SittingParams,
    response: TicketBoard,
  },
  /** Picks a face-down card: the draw is final (a repeat returns the same ticket). */
  drawTicket: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/draw',
    params: SittingParams,
    body: DrawTicketBody,
    response: DrawnTicket,
  },
  /** The draw as watchers follow it: commitment and each student's ticket number. */
  sittingTicketDraw: {
    method: 'GET',
    path: '/api/sittings/:sittingId/draw',
    params: SittingParams,
    response: TicketDrawOverview,
  },
  /** Ends the draw and publishes the order and salt; audited. */
  revealTicketDraw: {
    method: 'POST',
    path: '/api/sittings/:sittingId/draw/reveal',
    params: SittingParams,
    body: Empty,
    response: TicketDrawReveal,
  },
  /** The revealed order, salt and draws, for anyone who can see the sitting to check. */
  ticketDrawReveal: {
    method: 'GET',
    path: '/api/sittings/:sittingId/draw/reveal',
    params: SittingParams,
    response: TicketDrawReveal,
  },
  /** One student's drawn ticket with its questions; logged in the student's Chat&log. */
  studentTicket: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/ticket',
    params: StudentLogParams,
    response: StudentTicket,
  },
  /** The student's answer-sheet pages for a sitting (bytes arrive over tus at sheetUploadPath). */
  studentSheets: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/sheets',
    params: SittingParams,
    response: AnswerSheetSet,
  },
  /** A page image or its thumbnail, for its student and the sitting's staff. */
  sheetFile: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/sheets/:sheetId/file',
    params: SheetParams,
    query: SheetFileQuery,
    response: Streamed,
  },
  /** The gallery's list: each student of the sitting with page counts per status. */
  sittingSheets: {
    method: 'GET',
    path: '/api/sittings/:sittingId/sheets',
    params: SittingParams,
    response: SittingSheetList,
  },
  /** One student's pages for staff (current and replaced). */
  studentSheetsForStaff: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/sheets',
    params: StudentLogParams,
    response: AnswerSheetSet,
  },
  /** Accept a page, or reject it with a reason (the student is told and uploads it again). */
  reviewSheet: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/sheets/:sheetId/review',
    params: SheetParams,
    body: ReviewSheetBody,
    response: AnswerSheet,
  },
  /** Oral and written exams: every student with ticket, sheets and grade (examiners, commission). */
  sittingGrades: {
    method: 'GET',
    path: '/api/sittings/:sittingId/grades',
    params: SittingParams,
    response: SittingGrades,
  },
  /** The examiner grades one student with a comment; hidden from the student until published. */
  gradeStudent: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/students/:studentId/grade',
    params: GradeParams,
    body: GradeStudentBody,
    response: GradeRow,
  },
  /** Publishes the sitting's recorded grades to their students; audited. */
  publishGrades: {
    method: 'POST',
    path: '/api/sittings/:sittingId/grades/publish',
    params: SittingParams,
    body: Empty,
    response: PublishGradesResult,
  },
  /** The student's grade for an oral or written sitting, once published. */
  studentExamResult: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/result',
    params: SittingParams,
    response: StudentExamResult,
  },
  /** State attestation: the commission's scores, final grades and protocol, as the viewer may see them. */
  commissionGrading: {
    method: 'GET',
    path: '/api/sittings/:sittingId/commission',
    params: SittingParams,
    response: CommissionGrading,
  },
  /** A commission member (or the chair) scores one student; locked once the chair fixes the grade. */
  scoreStudent: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/students/:studentId/commission-score',
    params: GradeParams,
    body: CommissionScoreBody,
    response: CommissionRow,
  },
  /** The chair or the technical secretary enters the protocol's number and date. */
  setCommissionProtocol: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/commission/protocol',
    params: SittingParams,
    body: CommissionProtocolBody,
    response: CommissionProtocol,
  },
  /** The chair fixes one student's final grade (the mean, or another percent with a reason). */
  fixCommissionGrade: {
    method: 'PUT',
    path: '/api/sittings/:sittingId/students/:studentId/commission-grade',
    params: GradeParams,
    body: FixCommissionGradeBody,
    response: CommissionRow,
  },
  /** The chair announces the fixed grades to their students; idempotent. */
  announceCommissionGrades: {
    method: 'POST',
    path: '/api/sittings/:sittingId/commission/announce',
    params: SittingParams,
    body: Empty,
    response: AnnounceCommissionResult,
  },
  /** The sitting's protocol as an A4 PDF, for its commission and admins. */
  commissionProtocolFile: {
    method: 'GET',
    path: '/api/sittings/:sittingId/commission/protocol/file',
    params: SittingParams,
    query: ProtocolFileQuery,
    response: Streamed,
  },
  /** Oral and state exams: the queue in list order, who prepares, who answers, the timers. */
  oralQueue: {
    method: 'GET',
    path: '/api/sittings/:sittingId/queue',
    params: SittingParams,
    response: OralQueueView,
  },
  /** The one answering is done; the next preparing student in list order is called. */
  callNextStudent: {
    method: 'POST',
    path: '/api/sittings/:sittingId/queue/next',
    params: SittingParams,
    body: Empty,
    response: OralQueueView,
  },
  /** The student's own place in the oral queue. */
  studentQueue: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/queue',
    params: SittingParams,
    response: StudentQueueView,
  },
  /** Thesis defence: slots in list order with the talk timers, interruptions and written questions. */
  defenceSchedule: {
    method: 'GET',
    path: '/api/sittings/:sittingId/defence',
    params: SittingParams,
    response: DefenceScheduleView,
  },
  /** The secretary or chair starts, ends the talk, finishes, interrupts, resumes or stops a defence. */
  defenceAction: {
    method: 'POST',
    path: '/api/sittings/:sittingId/defence/:studentId/actions',
    params: DefenceParams,
    body: DefenceActionBody,
    response: DefenceScheduleView,
  },
  /** The secretary writes a question the defending student sees at once. */
  askDefenceQuestion: {
    method: 'POST',
    path: '/api/sittings/:sittingId/defence/:studentId/questions',
    params: DefenceParams,
    body: AskDefenceQuestionBody,
    response: DefenceQuestionView,
  },
  /** The student's own defence slot, talk timer and written questions. */
  studentDefence: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/defence',
    params: SittingParams,
    response: StudentDefenceView,
  },
  /** The student's missed sittings (started, never admitted) with their make-up applications. */
  missedSittings: {
    method: 'GET',
    path: '/api/student/missed-sittings',
    response: MissedSittingList,
  },
  /** The student applies for a make-up sitting with a reason and an evidence file. */
  applyForMakeUp: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/make-up',
    params: SittingParams,
    body: ApplyForMakeUpBody,
    response: MakeUpApplicationView,
  },
  /** Applications the actor decides: the dean's office all but state attestation, chairs their commission's. */
  makeUpApplications: {
    method: 'GET',
    path: '/api/make-up-applications',
    query: MakeUpApplicationsQuery,
    response: MakeUpApplicationList,
  },
  /** The evidence file, for the reviewer and the student who sent it. */
  makeUpEvidence: {
    method: 'GET',
    path: '/api/make-up-applications/:applicationId/evidence',
    params: MakeUpApplicationParams,
    response: Streamed,
  },
  /** Approve (a make-up sitting is created and the student told) or reject with a note. */
  decideMakeUp: {
    method: 'POST',
    path: '/api/make-up-applications/:applicationId/decision',
    params: MakeUpApplicationParams,
    body: DecideMakeUpBody,
    response: MakeUpApplicationView,
  },
  /** The student's device sends its identity check (photos, liveness, document reading, face match). */
  submitIdentityCheck: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/identity',
    params: SittingParams,
    body: SubmitIdentityBody,
    response: IdentityCheckView,
  },
  /** The student's checks for a sitting, newest first, with the proctor's decisions. */
  studentIdentityChecks: {
    method: 'GET',
    path: '/api/student/sittings/:sittingId/identity',
    params: SittingParams,
    response: IdentityCheckList,
  },
  /** Every student's latest check for the sitting (proctors, the secretary, the commission). */
  sittingIdentityChecks: {
    method: 'GET',
    path: '/api/sittings/:sittingId/identity',
    params: SittingParams,
    response: IdentityCheckList,
  },
  /** The face or document photo of a check (staff of the sitting, and the student). */
  identityPhoto: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/identity/:checkId/photo',
    params: IdentityCheckParams,
    query: IdentityPhotoQuery,
    response: Streamed,
  },
  /** The proctor's decision: verified, retake (the student checks again) or rejected, with a note. */
  decideIdentityCheck: {
    method: 'POST',
    path: '/api/sittings/:sittingId/students/:studentId/identity/:checkId/decision',
    params: IdentityCheckParams,
    body: DecideIdentityBody,
    response: IdentityCheckView,
  },
  /** A fresh nonce for the extension handshake (5 minutes, once). */
  extensionNonce: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/extension/nonce',
    params: SittingParams,
    response: ExtensionNonce,
  },
  /** The extension's hello (version, the nonce echoed), passed on by the exam page. */
  extensionHandshake: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/extension/handshake',
    params: SittingParams,
    body: ExtensionHandshakeBody,
    response: ExtensionStatus,
  },
  /** The extension's heartbeat (lockdown on, displays, other extensions), passed on by the exam page. */
  extensionHeartbeat: {
    method: 'POST',
    path: '/api/student/sittings/:sittingId/extension/heartbeat',
    params: SittingParams,
    body: ExtensionHeartbeatBody,
    response: ExtensionStatus,
  },
  /** The student's extension in the sitting, for the proctor (null fields: never connected). */
  studentExtension: {
    method: 'GET',
    path: '/api/sittings/:sittingId/students/:studentId/extension',
    params: StudentLogParams,
    response: ExtensionStatus,
  },
} as const satisfies Record<string, RouteContract>;

export type HttpRoutes = typeof http;
export type RouteName = keyof HttpRoutes;

type Field<R, K extends string> = R extends Record<K, infer S extends z.ZodType> ? z.input<S> : undefined;
export type RouteParams<N extends RouteName> = Field<HttpRoutes[N], 'params'>;
export type RouteQuery<N extends RouteName> = Field<HttpRoutes[N], 'query'>;
export type RouteBody<N extends RouteName> = Field<HttpRoutes[N], 'body'>;
export type RouteResponse<N extends RouteName> = z.infer<HttpRoutes[N]['response']>;

/** Fills ":name" segments of a route path. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
