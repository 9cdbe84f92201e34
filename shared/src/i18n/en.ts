import type { ErrorCode } from '../api/errors.js';
import type { Role } from '../domain/roles.js';
import type { ControlKind, SittingKind } from '../domain/sitting-kinds.js';
import { appealsEn } from './appeals/en.js';
import { commissionEn } from './commission/en.js';
import { computerTestEn } from './computer-test/en.js';
import { extensionEn } from './extension/en.js';
import { extensionConsoleEn } from './extension-console/en.js';
import { gradingEn } from './grading/en.js';
import { identityDocumentEn } from './identity-document/en.js';
import { identityFaceEn } from './identity-face/en.js';
import { makeUpEn } from './make-up/en.js';
import { mediaEn } from './media/en.js';
import { monitoringEn } from './monitoring/en.js';
import { oralQueueEn } from './oral-queue/en.js';
import { proctoringEn } from './proctoring/en.js';
import { sheetsConsoleEn } from './sheets-console/en.js';
import { staffEn } from './staff/en.js';
import { studentDetailEn } from './student-detail/en.js';
import { studentLogEn } from './student-log/en.js';
import { thesisDefenceEn } from './thesis-defence/en.js';
import { ticketPoolsEn } from './ticket-pools/en.js';
import { writtenExamEn } from './written-exam/en.js';

/**
 * The English catalogue defines the shape every catalogue must have (`Catalogue = typeof en`).
 * Words follow shared/docs/exam-procedures.md. Interpolations use i18next's {{name}}.
 */
export const en = {
  app: { name: 'Adal Proctor', examClient: 'Exam portal', proctorConsole: 'Proctor console' },
  language: { label: 'Interface language' },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    logout: 'Log out',
    logoutEverywhere: 'Log out on every device',
    signedInAs: 'Signed in as {{name}}',
    back: 'Back to the schedule',
    skipToContent: 'Skip to content',
    minutes: '{{count}} min',
  },
  login: {
    title: 'Sign in',
    subtitle: 'Use the login and password given by your university.',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong login or password.',
  },
  roles: {
    student: 'Student',
    proctor: 'Proctor',
    commission_member: 'Commission member',
    commission_chair: 'Commission chair',
    technical_secretary: 'Technical secretary',
    registrar: "Dean's office",
    admin: 'Administrator',
  } satisfies Record<Role, string>,
  sittingKind: {
    computer_test: 'Computer test',
    written: 'Written exam',
    oral: 'Oral exam',
    state_exam: 'State exam (SAC)',
    thesis_defence: 'Thesis defence',
  } satisfies Record<SittingKind, string>,
  controlKind: {
    exam: 'Exam',
    current_assessment: 'Current assessment',
    midterm_1: 'Midterm 1',
    midterm_2: 'Midterm 2',
  } satisfies Record<ControlKind, string>,
  access: {
    red: 'Waiting for admission',
    green: 'Admitted',
    admittedAt: 'Admitted at {{time}}',
  },
  schedule: {
    title: 'Exam schedule',
    intro:
      'Your access stays red until the proctor or the commission secretary admits you. If it stays red at the start time, ask on the call.',
    discipline: 'Discipline',
    date: 'Date',
    startTime: 'Start',
    kind: 'Exam kind',
    controlKind: 'Control kind',
    duration: 'Duration',
    access: 'Access',
    action: 'Action',
    enter: 'Enter exam',
    enterLabel: 'Enter exam: {{discipline}}',
    empty: 'You have no scheduled exams.',
    live: 'Access updates live',
    offline: 'Live updates paused, reconnecting…',
  },
  sitting: {
    title: 'Exam',
    opensHere: 'The exam opens here.',
    notAdmitted: 'You have not been admitted to this exam yet.',
    notFound: 'This exam is not on your schedule.',
  },
  console: {
    title: 'My sittings',
    overview: 'Sittings on this page',
    intro: 'Admit a student once their identity, room and desk have been checked.',
    empty: 'No sittings are assigned to you.',
    group: 'Group',
    start: 'Start',
    duration: 'Duration',
    students: 'Students',
    admittedCount: '{{admitted}} of {{total}} admitted',
    fullName: 'Full name',
    iin: 'IIN',
    access: 'Access',
    action: 'Action',
    admit: 'Admit',
    revoke: 'Revoke',
    admitLabel: 'Admit {{name}}',
    revokeLabel: 'Revoke admission of {{name}}',
    viewOnly: 'Your role can view the lists but not admit students.',
    noStudents: 'No students on this sitting.',
  },
  media: mediaEn,
  staff: staffEn,
  test: computerTestEn,
  appeals: appealsEn,
  proctoring: proctoringEn,
  studentLog: studentLogEn,
  studentDetail: studentDetailEn,
  ticketPools: ticketPoolsEn,
  writtenExam: writtenExamEn,
  oralQueue: oralQueueEn,
  thesisDefence: thesisDefenceEn,
  sheetsConsole: sheetsConsoleEn,
  grading: gradingEn,
  commission: commissionEn,
  makeUp: makeUpEn,
  identityDocument: identityDocumentEn,
  identityFace: identityFaceEn,
  extensionConsole: extensionConsoleEn,
  monitoring: monitoringEn,
  extension: extensionEn,
  wrongApp: {
    staffTitle: 'This portal is for students',
    staffBody: 'Staff work in the proctor console.',
    staffLink: 'Open the proctor console',
    studentTitle: 'This console is for staff',
    studentBody: 'Students sit their exams in the exam portal.',
    studentLink: 'Open the exam portal',
  },
  errors: {
    validation_failed: 'Some fields are not filled in correctly.',
    unauthenticated: 'Your session has ended. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'Not found.',
    conflict: 'This was changed by someone else. Reload and try again.',
    rate_limited: 'Too many attempts. Wait a minute and try again.',
    payload_too_large: 'The file or request is too large.',
    unsupported_media_type: 'This file type is not accepted.',
    internal: 'Something went wrong on the server. Try again later.',
    service_unavailable: 'The media server is not available right now. Try again in a minute.',
    extension_nonce_invalid: 'The exam extension could not be confirmed. Reload the page to try again.',
    extension_outdated: 'The exam extension is out of date. Update it in Chrome and reload the page.',
    extension_no_handshake: 'The exam extension is not connected yet. Reload the page.',
    network: 'No connection to the server. Check your internet connection.',
    bad_response: 'The server sent an unexpected answer. Reload the page.',
  } satisfies Record<ErrorCode | 'network' | 'bad_response', string>,
};
