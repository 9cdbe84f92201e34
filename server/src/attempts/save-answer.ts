import type { AttemptAnswerAck, AttemptAnswerPayload } from '@adal/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { rawRows } from '../db/raw-rows.js';
import { HttpError } from '../http/http-error.js';
import { answers, attempts } from './schema.js';

/** Saves in flight when the clock reaches zero still count (the client stops sending at zero). */
const GRACE_SECONDS = 2;
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
 * overwrites a newer one.
 *
 * One statement does the work: it share-locks the attempt row only if the attempt is open, not
 * paused and within its deadline, and upserts the answer. Closing an attempt locks the row for
 * update, so it waits for saves in flight and no save lands after grading.
 */
export async function saveAnswer(
  ctx: AppContext,
  studentId: string,
  payload: AttemptAnswerPayload,
): Promise<AttemptAnswerAck> {
  const paper = await ctx.papers.get(payload.attemptId);
  if (!paper || paper.studentId !== studentId) throw new HttpError('not_found', 'Attempt not found.');
  const item = paper.items.get(payload.questionId);
  if (!item)
    throw new HttpError('validation_failed', 'This question is not on your paper.', [
      { path: 'payload.questionId', message: 'not on this paper' },
    ]);
  checkResponse(item.kind, item.options, payload.response);

  const [written] = await rawRows<{ revision: number; saved_at: string | Date }>(
    ctx.db,
    sql`WITH open_attempt AS (
          SELECT id FROM attempts
          WHERE id = ${payload.attemptId} AND student_id = ${studentId} AND status = 'in_progress'
            AND paused_at IS NULL AND deadline_at + make_interval(secs => ${GRACE_SECONDS}) >= now()
          FOR SHARE
        ), saved AS (
          INSERT INTO answers (attempt_id, question_id, response, revision, saved_at)
          SELECT id, ${payload.questionId}, ${JSON.stringify(payload.response)}::jsonb, ${payload.revision}, now()
          FROM open_attempt
          ON CONFLICT (attempt_id, question_id) DO UPDATE
            SET response = excluded.response, revision = excluded.revision, saved_at = excluded.saved_at
            WHERE answers.revision < excluded.revision
          RETURNING attempt_id, question_id, revision, saved_at
        ), history AS (
          INSERT INTO answer_saves (attempt_id, question_id, revision, saved_at)
          SELECT attempt_id, question_id, revision, saved_at FROM saved
        )
        SELECT revision, saved_at FROM saved`,
  );
  if (written)
    return {
      questionId: payload.questionId,
      revision: written.revision,
      savedAt: new Date(written.saved_at).toISOString(),
    };
  return explainNoWrite(ctx, studentId, payload);
}

/** Nothing was written: either the attempt may not take answers now, or a newer revision is stored. */
async function explainNoWrite(ctx: AppContext, studentId: string, payload: AttemptAnswerPayload) {
  const [a] = await ctx.db
    .select({ status: attempts.status, pausedAt: attempts.pausedAt, deadlineAt: attempts.deadlineAt })
    .from(attempts)
    .where(and(eq(attempts.id, payload.attemptId), eq(attempts.studentId, studentId)));
  if (!a) throw new HttpError('not_found', 'Attempt not found.');
  if (a.status === 'suspended')
    throw new HttpError(
      'conflict',
      'Your test is suspended because your camera or screen stopped; turn it back on to go on.',
    );
  if (a.status !== 'in_progress')
    throw new HttpError('conflict', 'This test is closed; the answer was not saved.');
  if (a.pausedAt) throw new HttpError('conflict', 'The proctor has paused your test; wait for it to resume.');
  if (Date.now() > a.deadlineAt.getTime() + GRACE_SECONDS * 1000)
    throw new HttpError('conflict', 'Time is up; the answer was not saved.');
  const [stored] = await ctx.db
    .select({ revision: answers.revision, savedAt: answers.savedAt })
    .from(answers)
    .where(and(eq(answers.attemptId, payload.attemptId), eq(answers.questionId, payload.questionId)));
  if (!stored) throw new Error('answer neither written nor found');
  return { questionId: payload.questionId, revision: stored.revision, savedAt: stored.savedAt.toISOString() };
}
