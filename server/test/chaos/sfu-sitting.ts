import type { AttemptView, LogEntry, MediaGap } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { mediaSourceEvents } from '../../src/media/schema.js';
import { startTest } from '../attempt-helpers.js';
import { userId } from '../fixtures.js';
import type { TestClient } from '../http-client.js';
import { connectSocket, emitAck, type TestSocket } from '../socket-client.js';
import { until } from './sfu-media-clients.js';

/**
 * A student in a running computer test for the SFU faults: answers are saved through the main
 * server (which the faults do not touch) and remembered once acked, so what the student was told
 * was saved can be counted after recovery.
 */
export interface AnsweringStudent {
  client: TestClient;
  studentId: string;
  view: AttemptView;
  socket: TestSocket;
  /** questionId → response, for every answer the server acked. */
  acked: Map<string, string[]>;
  /** Saves the next `n` unanswered questions; throws on a refusal. */
  answer(n: number): Promise<void>;
  close(): void;
}

export async function answeringStudent(
  baseUrl: string,
  db: Db,
  sittingId: string,
  login: string,
): Promise<AnsweringStudent> {
  const { client, view } = await startTest(baseUrl, db, sittingId, login);
  const socket = await connectSocket(baseUrl, client.cookie);
  const acked = new Map<string, string[]>();
  return {
    client,
    studentId: await userId(db, login),
    view,
    socket,
    acked,
    async answer(n) {
      const next = view.questions.filter((q) => !acked.has(q.questionId)).slice(0, n);
      for (const q of next) {
        const response = q.options[0] ? [q.options[0].id] : ['42'];
        const ack = await emitAck(socket, 'attempt:answer', {
          attemptId: view.attemptId,
          questionId: q.questionId,
          response,
          revision: 1,
        });
        if (!ack.ok) throw new Error(`answer refused: ${JSON.stringify(ack)}`);
        acked.set(q.questionId, response);
      }
    },
    close: () => socket.close(),
  };
}

/** Acked answers missing or changed in what the server now returns for the attempt. */
export async function lostAnswers(student: AnsweringStudent): Promise<number> {
  const res = await student.client.call('getAttempt', { params: { attemptId: student.view.attemptId } });
  if (res.status !== 200) throw new Error(`getAttempt ${res.status}`);
  const saved = new Map((res.body as AttemptView).answers.map((a) => [a.questionId, a.response]));
  let lost = 0;
  for (const [questionId, response] of student.acked)
    if (JSON.stringify(saved.get(questionId)) !== JSON.stringify(response)) lost++;
  return lost;
}

export async function attemptOf(student: AnsweringStudent): Promise<AttemptView> {
  const res = await student.client.call('getAttempt', { params: { attemptId: student.view.attemptId } });
  return res.body as AttemptView;
}

/** The student's webcam source events as stored (state and time), oldest first. */
export async function webcamEvents(db: Db, sittingId: string, studentId: string) {
  const rows = await db
    .select({ state: mediaSourceEvents.state, at: mediaSourceEvents.at, reason: mediaSourceEvents.reason })
    .from(mediaSourceEvents)
    .where(
      and(
        eq(mediaSourceEvents.sittingId, sittingId),
        eq(mediaSourceEvents.studentId, studentId),
        eq(mediaSourceEvents.source, 'webcam'),
      ),
    )
    .orderBy(mediaSourceEvents.at, mediaSourceEvents.id);
  return rows;
}

/** The student's webcam gaps as a proctor sees them (listMediaGaps). */
export async function webcamGaps(proctor: TestClient, sittingId: string, studentId: string) {
  const res = await proctor.call('listMediaGaps', { params: { sittingId } });
  if (res.status !== 200) throw new Error(`listMediaGaps ${res.status}`);
  return (res.body.gaps as MediaGap[]).filter((g) => g.studentId === studentId && g.source === 'webcam');
}

/** The student's Chat&log entry types, oldest first, as a proctor reads them. */
export async function logTypes(proctor: TestClient, sittingId: string, studentId: string) {
  const res = await proctor.call('studentLog', { params: { sittingId, studentId } });
  return (res.body as LogEntry[]).map((e) => ({ type: e.type, evidence: e.evidence }));
}

/**
 * After `rounds` media outages: the student's same attempt is back in progress on its own, the
 * Chat&log has a stop, a suspension and a resumption per outage, and the student can answer;
 * returns how many acknowledged answers are missing (must be 0).
 */
export async function expectSameAttemptResumed(
  student: AnsweringStudent,
  proctor: TestClient,
  sittingId: string,
  rounds: number,
): Promise<number> {
  const attempt = await until('the attempt resumed', async () => {
    const a = await attemptOf(student);
    return a.status === 'in_progress' && !a.suspendedAt ? a : undefined;
  });
  expect(attempt.attemptId).toBe(student.view.attemptId);
  const types = (await logTypes(proctor, sittingId, student.studentId)).map((e) => e.type);
  for (const type of ['source_stopped', 'suspended', 'unsuspended'])
    expect(
      types.filter((x) => x === type),
      type,
    ).toHaveLength(rounds);
  await student.answer(2);
  return lostAnswers(student);
}
