import { CLIENT_EVENTS, http, ROLES, type Role, type RouteName, type SittingKind } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissions, commissions, sittings } from '../src/sittings/schema.js';
import { academicGroups } from '../src/university/schema.js';
import { dbFingerprint } from './db-fingerprint.js';
import { anyDisciplineAndGroup, sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { unreadIdentityCheck } from './identity-body.js';
import { connectSocket, emitAck } from './socket-client.js';
import { type StorageMode, startTestApp, type TestApp } from './test-app.js';

const LOGIN_OF: Record<Role, string> = {
  student: 'student01',
  proctor: 'proctor1',
  commission_member: 'member1',
  commission_chair: 'chair',
  technical_secretary: 'secretary',
  registrar: 'registrar',
  admin: 'admin',
};
const STAFF: Role[] = ROLES.filter((r) => r !== 'student');
const WATCHERS: Role[] = ['proctor', 'commission_member', 'commission_chair', 'technical_secretary', 'admin'];

/** Who may call what, written from the foundation issue — not read from the server's table. */
const EXPECTED: Record<RouteName, 'public' | 'authenticated' | Role[]> = {
  login: 'public',
  health: 'public',
  logout: 'authenticated',
  logoutEverywhere: 'authenticated',
  me: 'authenticated',
  updateMe: 'authenticated',
  studentSchedule: ['student'],
  listSittings: STAFF,
  getSitting: STAFF,
  createSitting: ['registrar', 'admin'],
  assignProctors: ['registrar', 'admin'],
  setAdmission: ['proctor', 'technical_secretary', 'admin'],
  auditLog: ['admin'],
  mediaToken: ['student', 'proctor', 'commission_member', 'commission_chair', 'technical_secretary', 'admin'],
  // The SFU's internal route: no user, whatever their role (media-events.test.ts covers the SFU).
  mediaEvents: [],
  testInfo: ['student'],
  startAttempt: ['student'],
  getAttempt: ['student'],
  finishAttempt: ['student'],
  attemptResult: ['student'],
  sittingAttempts: WATCHERS,
  pauseAttempt: ['proctor', 'technical_secretary', 'admin'],
  resumeAttempt: ['proctor', 'technical_secretary', 'admin'],
  getBlueprint: STAFF,
  setBlueprint: ['registrar', 'admin'],
  passedTests: ['student'],
  appealPage: ['student'],
  fileAppeal: ['student'],
  listAppeals: ['proctor', 'registrar', 'admin'],
  decideAppealItem: ['proctor', 'registrar', 'admin'],
  listDisciplines: ['registrar', 'admin'],
  listBanks: ['registrar', 'admin'],
  importBank: ['registrar', 'admin'],
  // Ticket pools are kept like question banks. A sitting's examiner (its proctor) sees each
  // student's ticket once drawn (studentTicket), never the whole closed pool.
  listTicketPools: ['registrar', 'admin'],
  importTicketPool: ['registrar', 'admin'],
  ticketPool: ['registrar', 'admin'],
  attachTicketPool: ['registrar', 'admin'],
  myLog: ['student'],
  messageProctor: ['student'],
  studentLog: WATCHERS,
  verifyStudentLog: WATCHERS,
  messageStudent: ['proctor', 'technical_secretary', 'admin'],
  raiseViolation: ['proctor', 'technical_secretary', 'admin'],
  listMediaGaps: WATCHERS,
  listRecordings: WATCHERS,
  downloadRecording: WATCHERS,
  deleteRecordings: ['admin'],
  proctoringOverview: WATCHERS,
  intervene: ['proctor', 'technical_secretary', 'admin'],
  handOver: ['proctor', 'technical_secretary', 'admin'],
  reviewFlag: ['proctor', 'technical_secretary', 'admin'],
  logSnapshot: WATCHERS,
  reportFlags: ['student'],
  myTrust: ['student'],
  sessionReport: WATCHERS,
  sessionReportFile: WATCHERS,
  ticketBoard: ['student'],
  drawTicket: ['student'],
  sittingTicketDraw: WATCHERS,
  revealTicketDraw: ['proctor', 'technical_secretary', 'admin'],
  ticketDrawReveal: 'authenticated',
  studentTicket: WATCHERS,
  // Oral and written exams: the examiner (a proctor of the sitting) and admins grade and publish;
  // commissions (their own sittings) and the dean's office read; a student sees their own grade.
  sittingGrades: STAFF,
  gradeStudent: ['proctor', 'admin'],
  publishGrades: ['proctor', 'admin'],
  studentExamResult: ['student'],
  // State attestation: the commission (its own sittings) and admins read; the chair and the members
  // score; the chair or the technical secretary enters the protocol; the chair fixes and announces.
  commissionGrading: ['commission_member', 'commission_chair', 'technical_secretary', 'admin'],
  scoreStudent: ['commission_member', 'commission_chair'],
  setCommissionProtocol: ['commission_chair', 'technical_secretary'],
  fixCommissionGrade: ['commission_chair'],
  announceCommissionGrades: ['commission_chair'],
  commissionProtocolFile: ['commission_member', 'commission_chair', 'technical_secretary', 'admin'],
  // Answer sheets: the student uploads and sees their own pages; the sitting's proctors and
  // commission (and admins) see and review them; the dean's office does not.
  studentSheets: ['student'],
  sheetFile: ['student', ...WATCHERS],
  sittingSheets: WATCHERS,
  studentSheetsForStaff: WATCHERS,
  reviewSheet: WATCHERS,
  oralQueue: WATCHERS,
  callNextStudent: ['proctor', 'technical_secretary', 'commission_chair', 'admin'],
  studentQueue: ['student'],
  // Absence and make-up: the student applies; the dean's office decides all but state attestation,
  // a commission chair (by their seat) their commission's; admins anything.
  missedSittings: ['student'],
  applyForMakeUp: ['student'],
  makeUpApplications: ['registrar', 'commission_chair', 'admin'],
  makeUpEvidence: ['student', 'registrar', 'commission_chair', 'admin'],
  decideMakeUp: ['registrar', 'commission_chair', 'admin'],
  // Thesis defence: the commission (its own sittings) and admins watch; the secretary and the chair
  // (by their seat) and admins run it; the student sees their own slot.
  defenceSchedule: WATCHERS,
  defenceAction: ['commission_chair', 'technical_secretary', 'admin'],
  askDefenceQuestion: ['commission_chair', 'technical_secretary', 'admin'],
  studentDefence: ['student'],
  // Identity: the student's device sends checks and the student reads their own; the sitting's
  // proctors, commission and admins see them; those who admit decide. The dean's office does not.
  submitIdentityCheck: ['student'],
  studentIdentityChecks: ['student'],
  sittingIdentityChecks: WATCHERS,
  identityPhoto: ['student', ...WATCHERS],
  decideIdentityCheck: ['proctor', 'technical_secretary', 'admin'],
  // Extension: the student's exam page passes on the handshake and heartbeats; the sitting's
  // proctors, commission and admins see the status.
  extensionNonce: ['student'],
  extensionHandshake: ['student'],
  extensionHeartbeat: ['student'],
  studentExtension: WATCHERS,
};
/**
 * No media server runs in this test (recordings.test.ts has one): an allowed download gets past
 * every access check and then 503; an allowed list reports the node as unreachable.
 */
const ALLOWED_STATUS: Partial<Record<RouteName, (role: Role) => number>> = {
  downloadRecording: () => 503,
  // The student's attempt is open with questions unanswered: past every access check, then 409.
  finishAttempt: () => 409,
  attemptResult: () => 409,
  // The secretary's own sitting (a state exam) has no such attempt; computer tests only.
  pauseAttempt: (role) => (role === 'technical_secretary' ? 404 : 200),
  resumeAttempt: (role) => (role === 'technical_secretary' ? 404 : 200),
  getBlueprint: (role) => (OWN_SITTING[role] === 'computer_test' ? 200 : 400),
  // The attempt is still open: no appeal yet. No appeal has that id.
  appealPage: () => 409,
  fileAppeal: () => 409,
  decideAppealItem: () => 404,
  // proctor1 is not a proctor of the commission's sitting; log entry 999 and the snapshot do not exist.
  handOver: (role) => (OWN_SITTING[role] === 'computer_test' ? 200 : 400),
  reviewFlag: () => 404,
  logSnapshot: () => 404,
  // The attempt is still open: no trust score for the student yet.
  myTrust: () => 409,
  // A computer test has no tickets (400). The commission's state exam has a draw: the secretary
  // ends it (revealTicketDraw comes before ticketDrawReveal in the contract); student01 drew none.
  ticketBoard: () => 400,
  drawTicket: () => 400,
  sittingTicketDraw: (role) => (OWN_SITTING[role] === 'computer_test' ? 400 : 200),
  revealTicketDraw: (role) => (OWN_SITTING[role] === 'computer_test' ? 400 : 200),
  ticketDrawReveal: (role) => (OWN_SITTING[role] === 'computer_test' ? 400 : 200),
  studentTicket: (role) => (OWN_SITTING[role] === 'computer_test' ? 400 : 404),
  // No answer sheet has the id asked for (past every access check, then 404).
  sheetFile: () => 404,
  reviewSheet: () => 404,
  // Nobody has drawn in the oral (or state) exam: nobody to call yet.
  callNextStudent: () => 409,
  // student01 was admitted to its computer test, which has not started: nothing to make up. No
  // application has the id asked for.
  applyForMakeUp: () => 409,
  makeUpEvidence: () => 404,
  decideMakeUp: () => 404,
  // proctor1 has no thesis defence: its computer test is refused as not one (400). Nobody is
  // admitted to the defence (start: 409) or defending (a question: 409).
  defenceSchedule: (role) => (role === 'proctor' ? 400 : 200),
  defenceAction: () => 409,
  askDefenceQuestion: () => 409,
  // Past every access check the "photos" are refused by content (text, not a JPEG). No identity
  // check has the id asked for.
  submitIdentityCheck: () => 400,
  identityPhoto: () => 404,
  decideIdentityCheck: () => 404,
  // No nonce was ever issued for this one; with no handshake a heartbeat is refused.
  extensionHandshake: () => 400,
  extensionHeartbeat: () => 409,
};
const EXPECTED_EVENTS: Record<(typeof CLIENT_EVENTS)[number], Role[]> = {
  'sitting:watch': STAFF,
  'sitting:unwatch': [...ROLES],
  'attempt:answer': ['student'],
};

/** A sitting each role owns, so an allowed call passes the ownership check too. */
const OWN_SITTING: Record<Role, SittingKind> = {
  student: 'computer_test',
  proctor: 'computer_test',
  commission_member: 'state_exam',
  commission_chair: 'state_exam',
  technical_secretary: 'state_exam',
  registrar: 'computer_test',
  admin: 'computer_test',
};

describe.each<StorageMode>(['pglite', 'postgres'])('role × route matrix on %s', (storage) => {
  let t: TestApp;
  let attempt: { attemptId: string; questionId: string };
  /** The written exam's ticket pool (the seed's). */
  let writtenPool: string;
  /**
   * Each seed sitting's twin for another group, with no proctors and another (empty) commission:
   * every proctor, commission member and student of the seed is a stranger to it.
   */
  const foreignTwin = new Map<string, string>();
  let requestFor: (
    role: Role,
    name: RouteName,
  ) => { params?: Record<string, string>; query?: string; body?: unknown };

  beforeAll(async () => {
    // Port 9 (discard) refuses connections: no media server answers, whatever else runs here.
    t = await startTestApp({ storage, env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    const db = t.database.db;
    const student01 = await userId(db, 'student01');
    const proctor1 = await userId(db, 'proctor1');
    const refs = await anyDisciplineAndGroup(db);
    const [written] = await db
      .select({ pool: sittings.ticketPoolId })
      .from(sittings)
      .where(eq(sittings.id, sittingOf(t.seed, 'written')));
    writtenPool = written?.pool as string;
    const [seedGroup] = await db.select().from(academicGroups).limit(1);
    if (!seedGroup) throw new Error('no group in the seed');
    const [otherGroup] = await db
      .insert(academicGroups)
      .values({ facultyId: seedGroup.facultyId, name: 'ВТ-22-9' })
      .returning();
    const [otherCommission] = await db
      .insert(commissions)
      .values({ facultyId: seedGroup.facultyId, name: 'МАК: another programme' })
      .returning();
    for (const seeded of t.seed.sittings) {
      const [row] = await db.select().from(sittings).where(eq(sittings.id, seeded.id));
      if (!row) throw new Error('seed sitting vanished');
      const { id: _id, createdAt: _createdAt, ...copy } = row;
      const [twin] = await db
        .insert(sittings)
        .values({
          ...copy,
          groupId: otherGroup?.id as string,
          commissionId: row.commissionId ? (otherCommission?.id as string) : null,
        })
        .returning();
      foreignTwin.set(seeded.id, twin?.id as string);
    }
    // student01 is admitted and has an open attempt at the computer test.
    const testId = sittingOf(t.seed, 'computer_test');
    // student01's flag report (reportFlags) ends an episode that a job logs one merge gap later; with
    // the longest gap that happens after these tests, never between a refused call's fingerprints.
    const [test] = await db
      .select({ policies: sittings.policies })
      .from(sittings)
      .where(eq(sittings.id, testId));
    if (!test) throw new Error('no computer test in the seed');
    await db
      .update(sittings)
      .set({ policies: { ...test.policies, flagMergeGapSeconds: 600 } })
      .where(eq(sittings.id, testId));
    await db.insert(admissions).values({
      sittingId: testId,
      studentId: student01,
      access: 'green',
      admittedAt: new Date(),
      changedBy: proctor1,
    });
    const started = await (await new TestClient(t.baseUrl).login('student01')).call('startAttempt', {
      params: { sittingId: testId },
      body: {},
    });
    if (started.status !== 200) throw new Error(`startAttempt: ${JSON.stringify(started.body)}`);
    attempt = { attemptId: started.body.attemptId, questionId: started.body.questions[0].questionId };
    requestFor = (role, name) => {
      const sittingId = sittingOf(t.seed, OWN_SITTING[role]);
      // Grading is for oral and written exams: roles whose own sitting is a computer test use the
      // written exam (proctor1 examines it); commissions read their state exam's grades.
      const gradedSitting = OWN_SITTING[role] === 'computer_test' ? sittingOf(t.seed, 'written') : sittingId;
      // Answer sheets are for written, oral and state exams: a computer test's roles use the
      // written exam (proctor1 proctors it; student01 is on its list).
      const sheetSitting = OWN_SITTING[role] === 'computer_test' ? sittingOf(t.seed, 'written') : sittingId;
      // The queue is for oral and state exams: a computer test's roles use the oral exam.
      const queueSitting = OWN_SITTING[role] === 'computer_test' ? sittingOf(t.seed, 'oral') : sittingId;
      const stateExam = sittingOf(t.seed, 'state_exam');
      // The defence is the commission's (and any admin's); proctor1 has none and asks of its test.
      const defenceSitting = role === 'proctor' ? sittingId : sittingOf(t.seed, 'thesis_defence');
      const noSheet = {
        sittingId: sheetSitting,
        studentId: student01,
        sheetId: '00000000-0000-4000-8000-000000000000',
      };
      const noCheck = {
        sittingId,
        studentId: student01,
        checkId: '00000000-0000-4000-8000-000000000000',
      };
      const requests: Record<RouteName, { params?: Record<string, string>; query?: string; body?: unknown }> =
        {
          login: { body: { login: LOGIN_OF[role], password: 'adal2026' } },
          logout: { body: {} },
          logoutEverywhere: { body: {} },
          me: {},
          updateMe: { body: { language: 'ru' } },
          health: {},
          studentSchedule: {},
          listSittings: {},
          getSitting: { params: { sittingId } },
          createSitting: {
            body: {
              ...refs,
              kind: 'computer_test',
              startsAt: '2026-12-01T09:00:00+05:00',
              durationMinutes: 60,
            },
          },
          assignProctors: { params: { sittingId }, body: { proctorIds: [proctor1] } },
          setAdmission: { params: { sittingId }, body: { studentId: student01, access: 'green' } },
          auditLog: { query: '?limit=5' },
          mediaToken: { params: { sittingId }, body: {} },
          testInfo: { params: { sittingId } },
          startAttempt: { params: { sittingId }, body: {} },
          getAttempt: { params: { attemptId: attempt.attemptId } },
          finishAttempt: { params: { attemptId: attempt.attemptId }, body: { confirmAllAnswered: true } },
          attemptResult: { params: { attemptId: attempt.attemptId } },
          sittingAttempts: { params: { sittingId } },
          pauseAttempt: { params: { sittingId, attemptId: attempt.attemptId }, body: {} },
          resumeAttempt: { params: { sittingId, attemptId: attempt.attemptId }, body: {} },
          getBlueprint: { params: { sittingId } },
          setBlueprint: {
            params: { sittingId },
            body: { simple: 3, medium: 3, hard: 2, shuffleQuestions: true, shuffleOptions: true },
          },
          passedTests: { query: '?from=2026-01-01' },
          appealPage: { params: { attemptId: attempt.attemptId } },
          fileAppeal: {
            params: { attemptId: attempt.attemptId },
            body: { items: [{ questionId: attempt.questionId, comment: 'My answer is right.' }] },
          },
          listAppeals: { params: { sittingId } },
          decideAppealItem: {
            params: { sittingId, appealId: '00000000-0000-4000-8000-000000000000' },
            body: { questionId: attempt.questionId, decision: 'accepted', reason: 'Ambiguous question.' },
          },
          listDisciplines: {},
          listBanks: {},
          importBank: {
            body: {
              format: 'aiken',
              fileName: 'tiny.txt',
              text: 'Which SQL statement reads rows?\nA. SELECT\nB. DROP\nANSWER: A\n',
              disciplineId: refs.disciplineId,
              title: 'Tiny bank',
              defaultDifficulty: 'simple',
            },
          },
          listTicketPools: { params: { disciplineId: refs.disciplineId } },
          importTicketPool: {
            body: {
              disciplineId: refs.disciplineId,
              title: 'Tiny pool',
              fileName: 'tiny.txt',
              fileBase64: Buffer.from('Билет № 1\n1. Что такое транзакция?\n').toString('base64'),
            },
          },
          ticketPool: { params: { poolId: writtenPool } },
          // The written exam's own pool again: past every check, and nothing changes.
          attachTicketPool: {
            params: { sittingId: sittingOf(t.seed, 'written') },
            body: { poolId: writtenPool },
          },
          myLog: { params: { sittingId } },
          messageProctor: { params: { sittingId }, body: { text: 'The camera froze.' } },
          studentLog: { params: { sittingId, studentId: student01 } },
          verifyStudentLog: { params: { sittingId, studentId: student01 } },
          messageStudent: { params: { sittingId, studentId: student01 }, body: { text: 'Reload the page.' } },
          raiseViolation: {
            params: { sittingId, studentId: student01 },
            body: { type: 'talking', severity: 'low', note: 'Talking to someone.' },
          },
          listMediaGaps: { params: { sittingId } },
          listRecordings: { params: { sittingId } },
          downloadRecording: {
            params: { sittingId, recordingId: `${sittingId}.${student01}.webcam.20261122T090000000Z.abc123` },
          },
          deleteRecordings: { params: { sittingId } },
          proctoringOverview: { params: { sittingId } },
          intervene: {
            params: { sittingId, studentId: student01 },
            body: { action: 'warn', text: 'Keep your eyes on your screen.' },
          },
          handOver: { params: { sittingId, studentId: student01 }, body: { proctorId: proctor1 } },
          reviewFlag: {
            params: { sittingId, studentId: student01, seq: '999' },
            body: { decision: 'dismissed', reason: 'The lamp flickered.' },
          },
          logSnapshot: {
            params: { sittingId, studentId: student01, snapshotId: '00000000-0000-4000-8000-000000000000' },
          },
          reportFlags: {
            params: { sittingId },
            body: {
              reports: [
                {
                  episodeId: '00000000-0000-4000-8000-000000000001',
                  type: 'no_face',
                  startedAt: new Date(Date.now() - 5000).toISOString(),
                  endedAt: new Date().toISOString(),
                  confidence: 80,
                },
              ],
            },
          },
          myTrust: { params: { sittingId } },
          sessionReport: { params: { sittingId, studentId: student01 } },
          sessionReportFile: { params: { sittingId, studentId: student01 }, query: '?format=csv' },
          ticketBoard: { params: { sittingId } },
          drawTicket: { params: { sittingId }, body: { card: 0 } },
          sittingTicketDraw: { params: { sittingId } },
          revealTicketDraw: { params: { sittingId }, body: {} },
          ticketDrawReveal: { params: { sittingId } },
          studentTicket: { params: { sittingId, studentId: student01 } },
          sittingGrades: { params: { sittingId: gradedSitting } },
          gradeStudent: {
            params: { sittingId: gradedSitting, studentId: student01 },
            body: { percent: 81, comment: 'Both questions answered.' },
          },
          publishGrades: { params: { sittingId: gradedSitting }, body: {} },
          studentExamResult: { params: { sittingId: gradedSitting } },
          // Every role works on the commission's state exam: student01 is scored by member1 and the
          // chair, the protocol entered, the grade fixed and announced, the protocol downloaded.
          commissionGrading: { params: { sittingId: stateExam } },
          scoreStudent: {
            params: { sittingId: stateExam, studentId: student01 },
            body: { percent: 81, comment: 'Both questions answered.' },
          },
          setCommissionProtocol: {
            params: { sittingId: stateExam },
            body: { protocolNumber: '7', protocolDate: '2026-06-12' },
          },
          fixCommissionGrade: { params: { sittingId: stateExam, studentId: student01 }, body: {} },
          announceCommissionGrades: { params: { sittingId: stateExam }, body: {} },
          commissionProtocolFile: { params: { sittingId: stateExam }, query: '?lang=kk' },
          studentSheets: { params: { sittingId: sheetSitting } },
          sheetFile: { params: noSheet, query: '?size=thumbnail' },
          sittingSheets: { params: { sittingId: sheetSitting } },
          studentSheetsForStaff: { params: { sittingId: sheetSitting, studentId: student01 } },
          reviewSheet: { params: noSheet, body: { decision: 'reject', reason: 'blurred' } },
          oralQueue: { params: { sittingId: queueSitting } },
          callNextStudent: { params: { sittingId: queueSitting }, body: {} },
          studentQueue: { params: { sittingId: queueSitting } },
          defenceSchedule: { params: { sittingId: defenceSitting } },
          defenceAction: {
            params: { sittingId: defenceSitting, studentId: student01 },
            body: { action: 'start' },
          },
          askDefenceQuestion: {
            params: { sittingId: defenceSitting, studentId: student01 },
            body: { text: 'What does chapter two add to the known methods?' },
          },
          studentDefence: { params: { sittingId: defenceSitting } },
          missedSittings: {},
          applyForMakeUp: {
            params: { sittingId },
            body: {
              reason: 'illness',
              explanation: 'I was ill.',
              evidenceFileName: 'certificate.pdf',
              evidenceBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
            },
          },
          makeUpApplications: { query: '?status=pending' },
          makeUpEvidence: { params: { applicationId: '00000000-0000-4000-8000-000000000000' } },
          decideMakeUp: {
            params: { applicationId: '00000000-0000-4000-8000-000000000000' },
            body: { decision: 'reject', note: 'No certificate attached.' },
          },
          submitIdentityCheck: {
            params: { sittingId },
            body: unreadIdentityCheck(Buffer.from('not a photo'), Buffer.from('not a photo either')),
          },
          studentIdentityChecks: { params: { sittingId } },
          sittingIdentityChecks: { params: { sittingId } },
          identityPhoto: { params: noCheck, query: '?photo=face' },
          decideIdentityCheck: { params: noCheck, body: { decision: 'verified' } },
          extensionNonce: { params: { sittingId } },
          extensionHandshake: {
            params: { sittingId },
            body: { nonce: 'not-the-nonce-issued-0123', version: '0.1.0', protocol: 1, extensionId: 'x' },
          },
          extensionHeartbeat: {
            params: { sittingId },
            body: { active: true, environment: { displays: 1, extensions: [] } },
          },
          studentExtension: { params: { sittingId, studentId: student01 } },
          mediaEvents: {
            body: {
              events: [
                {
                  sittingId,
                  studentId: student01,
                  source: 'webcam',
                  state: 'stopped',
                  reason: 'closed',
                  at: new Date().toISOString(),
                },
              ],
            },
          },
        };
      return requests[name];
    };
  });
  afterAll(() => t?.close());

  it('names every route of the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(http).sort());
    expect(Object.keys(EXPECTED_EVENTS).sort()).toEqual([...CLIENT_EVENTS].sort());
  });

  it('refuses each forbidden role with 403 and changes nothing; lets each allowed role through', async () => {
    const sessions = new Map<Role, TestClient>();
    const sessionOf = async (role: Role) => {
      const existing = sessions.get(role);
      if (existing) return existing;
      const client = await new TestClient(t.baseUrl).login(LOGIN_OF[role]);
      sessions.set(role, client);
      return client;
    };
    const outcomes: string[] = [];
    for (const name of Object.keys(http) as RouteName[]) {
      const rule = EXPECTED[name];
      for (const role of ROLES) {
        // One login per role (scrypt is slow on purpose); logout gets a session of its own, and
        // logging out everywhere ends the shared one too.
        const endsSession = name === 'logout' || name === 'logoutEverywhere';
        if (name === 'logoutEverywhere') sessions.delete(role);
        const client = endsSession
          ? await new TestClient(t.baseUrl).login(LOGIN_OF[role])
          : await sessionOf(role);
        const allowed = rule === 'public' || rule === 'authenticated' || rule.includes(role);
        const before = allowed ? undefined : await dbFingerprint(t.database.db);
        const res = await client.call(name, requestFor(role, name));
        if (allowed) {
          const passed =
            ALLOWED_STATUS[name]?.(role) ?? (res.status >= 200 && res.status < 300 ? res.status : 200);
          outcomes.push(`${name} ${role} ${res.status === passed ? 'ok' : res.status}`);
        } else {
          outcomes.push(
            `${name} ${role} ${res.status === 403 && res.body.error.code === 'forbidden' ? 'ok' : res.status}`,
          );
          expect(await dbFingerprint(t.database.db), `${role} ${name} changed the database`).toEqual(before);
        }
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(' ok'))).toEqual([]);
    // Seven roles × every route of the contract, one after another: minutes on a busy 2-core machine.
  }, 240_000);

  it('answers 401 to every non-public route without a session, changing nothing', async () => {
    const anonymous = new TestClient(t.baseUrl);
    for (const name of Object.keys(http) as RouteName[]) {
      if (EXPECTED[name] === 'public') continue;
      const before = await dbFingerprint(t.database.db);
      const res = await anonymous.call(name, requestFor('admin', name));
      expect([name, res.status, res.body.error.code]).toEqual([name, 401, 'unauthenticated']);
      expect(await dbFingerprint(t.database.db)).toEqual(before);
    }
  });

  it.each([
    ['proctor2', 'getSitting', 'computer_test'],
    ['proctor2', 'setAdmission', 'computer_test'],
    ['proctor1', 'getSitting', 'state_exam'],
    ['proctor1', 'setAdmission', 'thesis_defence'],
    ['secretary', 'setAdmission', 'computer_test'],
    ['member1', 'getSitting', 'oral'],
    ['chair', 'getSitting', 'written'],
    ['member1', 'sittingGrades', 'written'],
    ['proctor1', 'publishGrades', 'state_exam'],
    ['chair', 'commissionGrading', 'oral'],
  ] as const)('%s may not %s on a %s sitting they are not assigned to', async (login, name, kind) => {
    const client = await new TestClient(t.baseUrl).login(login);
    const sittingId = sittingOf(t.seed, kind);
    const before = await dbFingerprint(t.database.db);
    const body =
      name === 'setAdmission'
        ? { studentId: await userId(t.database.db, 'student02'), access: 'green' }
        : undefined;
    const res = await client.call(name, { params: { sittingId }, body });
    expect(res.status).toBe(403);
    expect(await dbFingerprint(t.database.db)).toEqual(before);
  });

  /**
   * Ownership, generated from the contract: every route about a sitting, called by every role the
   * matrix lets through (but the dean's office and admins, who see every sitting) on the twin of
   * the sitting that role owns — a proctor or commission of another sitting, a student of another
   * group. Make-up applications are owned by their sitting's reviewer: make-up.test.ts.
   */
  it('refuses every sitting route on a sitting the caller is not assigned to or listed on, changing nothing', async () => {
    const strangers = (name: RouteName): Role[] => {
      const rule = EXPECTED[name];
      const roles = rule === 'public' ? [] : rule === 'authenticated' ? [...ROLES] : rule;
      return roles.filter((r) => r !== 'registrar' && r !== 'admin');
    };
    const clients = new Map<Role, TestClient>();
    const outcomes: string[] = [];
    for (const name of Object.keys(http) as RouteName[]) {
      if (!http[name].path.includes(':sittingId')) continue;
      for (const role of strangers(name)) {
        const request = requestFor(role, name);
        const own = request.params?.sittingId as string;
        const params = { ...request.params, sittingId: foreignTwin.get(own) as string };
        const client = clients.get(role) ?? (await new TestClient(t.baseUrl).login(LOGIN_OF[role]));
        clients.set(role, client);
        const before = await dbFingerprint(t.database.db);
        const res = await client.call(name, { ...request, params });
        // A student is not told whether another group's sitting exists (404) or is refused (403).
        const refused = role === 'student' ? [403, 404] : [403];
        outcomes.push(`${name} ${role} ${refused.includes(res.status) ? 'ok' : res.status}`);
        expect(await dbFingerprint(t.database.db), `${role} ${name} changed the database`).toEqual(before);
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(' ok'))).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(100);
  }, 240_000);

  it("refuses another student's attempt on every attempt route and event, changing nothing", async () => {
    const other = await new TestClient(t.baseUrl).login('student02');
    const outcomes: string[] = [];
    for (const name of Object.keys(http) as RouteName[]) {
      if (!http[name].path.includes(':attemptId') || !EXPECTED[name].includes('student')) continue;
      const before = await dbFingerprint(t.database.db);
      const res = await other.call(name, requestFor('student', name));
      outcomes.push(`${name} ${[403, 404].includes(res.status) ? 'ok' : res.status}`);
      expect(await dbFingerprint(t.database.db)).toEqual(before);
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((o) => !o.endsWith(' ok'))).toEqual([]);
    const socket = await connectSocket(t.baseUrl, other.cookie);
    const before = await dbFingerprint(t.database.db, { ignoreConnectionEntries: true });
    const ack = await emitAck(socket, 'attempt:answer', { ...attempt, response: ['a'], revision: 7 });
    socket.close();
    expect(ack.ok).toBe(false);
    expect(await dbFingerprint(t.database.db, { ignoreConnectionEntries: true })).toEqual(before);
  });

  it('lists to each staff member exactly the sittings assigned to them', async () => {
    const kindsSeenBy = async (login: string) => {
      const res = await (await new TestClient(t.baseUrl).login(login)).call('listSittings');
      return res.body.map((s: { kind: string }) => s.kind).sort();
    };
    expect(await kindsSeenBy('proctor1')).toEqual(['computer_test', 'oral', 'written']);
    expect(await kindsSeenBy('proctor2')).toEqual(['oral', 'written']);
    expect(await kindsSeenBy('member1')).toEqual(['state_exam', 'thesis_defence']);
    expect(await kindsSeenBy('secretary')).toEqual(['state_exam', 'thesis_defence']);
    expect((await kindsSeenBy('registrar')).length).toBeGreaterThanOrEqual(5);
  });

  it('refuses socket events by role and ownership, changing nothing', async () => {
    for (const event of CLIENT_EVENTS) {
      for (const role of ROLES) {
        const client = await new TestClient(t.baseUrl).login(LOGIN_OF[role]);
        const socket = await connectSocket(t.baseUrl, client.cookie);
        const before = await dbFingerprint(t.database.db, { ignoreConnectionEntries: true });
        const payload =
          event === 'attempt:answer'
            ? { ...attempt, response: [], revision: 1 }
            : { sittingId: sittingOf(t.seed, OWN_SITTING[role]) };
        const ack = await emitAck(socket, event, payload);
        socket.close();
        const allowed = EXPECTED_EVENTS[event].includes(role);
        expect([event, role, ack.ok]).toEqual([event, role, allowed]);
        if (!ack.ok) {
          expect(ack.error.code).toBe('forbidden');
          expect(await dbFingerprint(t.database.db, { ignoreConnectionEntries: true })).toEqual(before);
        }
      }
    }
    const proctor2 = await new TestClient(t.baseUrl).login('proctor2');
    const socket = await connectSocket(t.baseUrl, proctor2.cookie);
    const ack = await emitAck(socket, 'sitting:watch', { sittingId: sittingOf(t.seed, 'computer_test') });
    socket.close();
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Every watcher but the dean's office and admins, on the twin of the sitting they own.
    for (const role of EXPECTED_EVENTS['sitting:watch'].filter((r) => r !== 'registrar' && r !== 'admin')) {
      const client = await new TestClient(t.baseUrl).login(LOGIN_OF[role]);
      const s = await connectSocket(t.baseUrl, client.cookie);
      const twin = foreignTwin.get(sittingOf(t.seed, OWN_SITTING[role])) as string;
      const refused = await emitAck(s, 'sitting:watch', { sittingId: twin });
      s.close();
      expect([role, refused.ok]).toEqual([role, false]);
    }
    // A login (scrypt) and a socket per role and event: slow on a busy machine.
  }, 120_000);
});
