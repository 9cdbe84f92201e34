import { login, logout, logoutEverywhere, me, updateMe } from './accounts/auth-routes.js';
import {
  reviewSheet,
  sheetFile,
  sittingSheets,
  studentSheets,
  studentSheetsForStaff,
} from './answer-sheets/sheet-routes.js';
import {
  appealPage,
  decideAppealItem,
  fileAppeal,
  listAppeals,
  passedTests,
} from './appeals/appeal-routes.js';
import {
  attemptResultRoute,
  finishAttemptRoute,
  getAttemptRoute,
  pauseAttemptRoute,
  resumeAttemptRoute,
  sittingAttemptsRoute,
  startAttemptRoute,
  testInfoRoute,
} from './attempts/attempt-routes.js';
import { getBlueprint, setBlueprint } from './attempts/blueprint-routes.js';
import { auditLogRoute } from './audit/audit-routes.js';
import { importBank, listBanks, listDisciplines } from './banks/bank-routes.js';
import {
  announceCommissionGrades,
  commissionGrading,
  commissionProtocolFile,
  fixCommissionGrade,
  scoreStudent,
  setCommissionProtocol,
} from './commission-grades/commission-routes.js';
import {
  gradeStudent,
  publishGrades,
  sittingGrades,
  studentExamResult,
} from './exam-grades/exam-grade-routes.js';
import {
  extensionHandshake,
  extensionHeartbeat,
  extensionNonce,
  studentExtension,
} from './extension/extension-routes.js';
import { health } from './health/health-route.js';
import type { RouteTable } from './http/define-route.js';
import {
  decideIdentityCheck,
  identityPhoto,
  sittingIdentityChecks,
  studentIdentityChecks,
  submitIdentityCheck,
} from './identity/identity-routes.js';
import {
  applyForMakeUp,
  decideMakeUp,
  makeUpApplications,
  makeUpEvidence,
  missedSittings,
} from './make-up/make-up-routes.js';
import { listMediaGaps, mediaEvents } from './media/media-events-route.js';
import { mediaToken } from './media/media-token-route.js';
import { deleteRecordings, downloadRecording, listRecordings } from './media/recordings/recording-routes.js';
import { callNextStudent, oralQueue, studentQueue } from './oral-queue/queue-routes.js';
import {
  handOver,
  intervene,
  logSnapshot,
  myTrust,
  proctoringOverview,
  reportFlags,
  reviewFlag,
} from './proctoring/proctoring-routes.js';
import { sessionReport, sessionReportFile } from './reports/report-routes.js';
import { setAdmission } from './sittings/admission-routes.js';
import {
  assignProctors,
  createSitting,
  getSitting,
  listSittings,
  studentSchedule,
} from './sittings/sitting-routes.js';
import {
  askDefenceQuestion,
  defenceAction,
  defenceSchedule,
  studentDefence,
} from './thesis-defence/defence-routes.js';
import {
  attachTicketPool,
  importTicketPool,
  listTicketPools,
  ticketPool,
} from './ticket-pools/pool-routes.js';
import {
  drawTicket,
  revealTicketDraw,
  sittingTicketDraw,
  studentTicket,
  ticketBoard,
  ticketDrawReveal,
} from './tickets/ticket-routes.js';
import {
  messageProctor,
  messageStudent,
  myLog,
  raiseViolation,
  studentLog,
  verifyStudentLog,
} from './violations/log-routes.js';

/** Every route of the shared contract with its handler; a contract route without one fails typecheck. */
export const routeTable: RouteTable = {
  login,
  logout,
  logoutEverywhere,
  me,
  updateMe,
  health,
  studentSchedule,
  listSittings,
  getSitting,
  createSitting,
  assignProctors,
  setAdmission,
  auditLog: auditLogRoute,
  mediaToken,
  mediaEvents,
  testInfo: testInfoRoute,
  startAttempt: startAttemptRoute,
  getAttempt: getAttemptRoute,
  finishAttempt: finishAttemptRoute,
  attemptResult: attemptResultRoute,
  sittingAttempts: sittingAttemptsRoute,
  passedTests,
  appealPage,
  fileAppeal,
  listAppeals,
  decideAppealItem,
  pauseAttempt: pauseAttemptRoute,
  resumeAttempt: resumeAttemptRoute,
  getBlueprint,
  setBlueprint,
  listDisciplines,
  listBanks,
  importBank,
  listTicketPools,
  importTicketPool,
  ticketPool,
  attachTicketPool,
  myLog,
  messageProctor,
  studentLog,
  verifyStudentLog,
  messageStudent,
  raiseViolation,
  proctoringOverview,
  intervene,
  handOver,
  reviewFlag,
  logSnapshot,
  reportFlags,
  myTrust,
  sessionReport,
  sessionReportFile,
  listMediaGaps,
  listRecordings,
  downloadRecording,
  deleteRecordings,
  ticketBoard,
  drawTicket,
  sittingTicketDraw,
  revealTicketDraw,
  ticketDrawReveal,
  studentTicket,
  studentSheets,
  sheetFile,
  sittingSheets,
  studentSheetsForStaff,
  reviewSheet,
  sittingGrades,
  gradeStudent,
  publishGrades,
  studentExamResult,
  commissionGrading,
  scoreStudent,
  setCommissionProtocol,
  fixCommissionGrade,
  announceCommissionGrades,
  commissionProtocolFile,
  oralQueue,
  callNextStudent,
  studentQueue,
  missedSittings,
  applyForMakeUp,
  makeUpApplications,
  makeUpEvidence,
  decideMakeUp,
  defenceSchedule,
  defenceAction,
  askDefenceQuestion,
  studentDefence,
  submitIdentityCheck,
  studentIdentityChecks,
  sittingIdentityChecks,
  identityPhoto,
  decideIdentityCheck,
  extensionNonce,
  extensionHandshake,
  extensionHeartbeat,
  studentExtension,
};
