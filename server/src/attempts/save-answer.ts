import type { AttemptAnswerAck, AttemptAnswerPayload } from '@adal/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { questions } from '../banks/schema.js';
import { HttpError } from '../http/http-error.js';
import { answers, attempts } from './schema.js';

/** Saves in flight when the clock reaches zero still count (the client stops sending at zero). */
const GRACE_MS = 2_000;
const MAX_SHORT_ANSWER = 500;

const invalid = (message: string) =>
  new HttpError('validation_failed', message, [{ path: 'payload.response', message }]);

/** The response must fit the question: known option ids, one for single choice, one short text. */
function checkResponse(kind: string, optionIds: readonly string[], response: readonly string[]): void {
  if (response.length === 0) return; // the student cleared the answer
  if (kind === 'short_answer') {
    if (response.length !== 1) throw invalid('a short answer is one text');
    if ((response[0] as string).length > MAX_SHORT_ANSWER)
      throw invalid(`a short answer has at most ${MAX_SHORT_ANSWER} characters`);
    return;
  }
  if (new Set(response).size !== response.length) throw invalid('an option is chosen twice');
  if (response.some((id) => !optionIds.includes(id))) throw invalid('not an option of this question');
  if (kind !== 'multiple' && response.length !== 1) throw invalid('choose one option');
}

/**
 * Saves one answer and says what is stored. The idempotency key is (attempt, question,
 * revision): a resent save changes nothing and gets the same ack; an older revision never
 * overwrites a newer one. The attempt row is share-locked, so closing it (which locks it for
 * update) waits for saves in flight, and no save lands after grading.
 */
export async function saveAnswer(
  ctx: AppContext,
  studentId: string,
  payload: AttemptAnswerPayload,
): Promise<AttemptAnswerAck> {
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx
      .select({
        studentId: attempts.studentId,
        status: attempts.status,
        paper: attempts.paper,
        deadlineAt: attempts.deadlineAt,
        pausedAt: attempts.pausedAt,
      })
      .from(attempts)
      .where(eq(attempts.id, payload.attemptId))
      .for('share');
    if (!a || a.studentId !== studentId) throw new HttpError('not_found', 'Attempt not found.');
    if (a.status !== 'in_progress')
      throw new HttpError('conflict', 'This test is closed; the answer was not saved.');
    if (a.pausedAt)
      throw new HttpError('conflict', 'The proctor has paused your test; wait for it to resume.');
    if (Date.now() > a.deadlineAt.getTime() + GRACE_MS)
      throw new HttpError('conflict', 'Time is up; the answer was not saved.');
    const item = a.paper.find((p) => p.questionId === payload.questionId);
    if (!item)
      throw new HttpError('validation_failed', 'This question is not on your paper.', [
        { path: 'payload.questionId', message: 'not on this paper' },
      ]);
    const [q] = await tx
      .select({ kind: questions.kind })
      .from(questions)
      .where(eq(questions.id, item.questionId));
    checkResponse(q?.kind ?? 'single', item.options, payload.response);

    const now = new Date();
    const [written] = await tx
      .insert(answers)
      .values({
        attemptId: payload.attemptId,
        questionId: payload.questionId,
        response: payload.response,
        revision: payload.revision,
        savedAt: now,
      })
      .onConflictDoUpdate({
        target: [answers.attemptId, answers.questionId],
        set: { response: payload.response, revision: payload.revision, savedAt: now },
        setWhere: sql`${answers.revision} < excluded.revision`,
      })
      .returning({ revision: answers.revision, savedAt: answers.savedAt });
    const stored =
      written ??
      (
        await tx
          .select({ revision: answers.revision, savedAt: answers.savedAt })
          .from(answers)
          .where(and(eq(answers.attemptId, payload.attemptId), eq(answers.questionId, payload.questionId)))
      )[0];
    if (!stored) throw new Error('answer neither written nor found');
    return {
      questionId: payload.questionId,
      revision: stored.revision,
      savedAt: stored.savedAt.toISOString(),
    };
  });
}
