import type { AttemptView } from '@adal/shared';
import { eq, inArray } from 'drizzle-orm';
import { questions } from '../src/banks/schema.js';
import type { Db } from '../src/db/database.js';
import { admissions } from '../src/sittings/schema.js';
import { userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { emitAck, type TestSocket } from './socket-client.js';

/** Admits a student the way the proctor's Admit button does (without the audit entry). */
export async function admit(db: Db, sittingId: string, login: string): Promise<string> {
  const studentId = await userId(db, login);
  const proctor = await userId(db, 'proctor1');
  await db
    .insert(admissions)
    .values({ sittingId, studentId, access: 'green', admittedAt: new Date(), changedBy: proctor })
    .onConflictDoUpdate({
      target: [admissions.sittingId, admissions.studentId],
      set: { access: 'green', admittedAt: new Date() },
    });
  return studentId;
}

/** Logs the student in, admits them and presses Next on the info page. */
export async function startTest(baseUrl: string, db: Db, sittingId: string, login: string) {
  await admit(db, sittingId, login);
  const client = await new TestClient(baseUrl).login(login);
  const res = await client.call('startAttempt', { params: { sittingId }, body: {} });
  if (res.status !== 200) throw new Error(`startAttempt ${res.status}: ${JSON.stringify(res.body)}`);
  return { client, view: res.body as AttemptView };
}

/** Answers every question of the paper (revision 1), each with `pick(questionId)`. */
export async function answerAll(
  socket: TestSocket,
  view: AttemptView,
  pick: (questionId: string) => string[],
) {
  for (const q of view.questions) {
    const ack = await emitAck(socket, 'attempt:answer', {
      attemptId: view.attemptId,
      questionId: q.questionId,
      response: pick(q.questionId),
      revision: 1,
    });
    if (!ack.ok) throw new Error(`answer refused: ${JSON.stringify(ack)}`);
  }
}

/** The key of each question on a paper: what a perfect student would answer. */
export async function answerKey(db: Db, view: AttemptView): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ id: questions.id, correct: questions.correct })
    .from(questions)
    .where(
      inArray(
        questions.id,
        view.questions.map((q) => q.questionId),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.correct]));
}

/** A wrong answer to a choice question: the first option that is not in the key. */
export function wrongAnswer(view: AttemptView, questionId: string, key: Map<string, string[]>): string[] {
  const q = view.questions.find((x) => x.questionId === questionId);
  const wrong = q?.options.find((o) => !key.get(questionId)?.includes(o.id));
  if (!wrong) throw new Error('no wrong option');
  return [wrong.id];
}

export async function setPolicy(db: Db, sittingId: string, change: Record<string, unknown>) {
  const { sittings } = await import('../src/sittings/schema.js');
  const [row] = await db
    .select({ policies: sittings.policies })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!row) throw new Error('no sitting');
  await db
    .update(sittings)
    .set({ policies: { ...row.policies, ...change } })
    .where(eq(sittings.id, sittingId));
}
