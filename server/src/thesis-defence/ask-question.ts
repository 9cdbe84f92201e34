import type { DefenceQuestionView } from '@adal/shared';
import { and, eq, max } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { loadDefence, lockDefence, slotOf } from './defence-state.js';
import { defenceQuestions } from './schema.js';

/**
 * The secretary writes the defending student a question (when the sound fails, the secretary
 * reads it and the student answers). Only while that student's defence runs; numbered per student.
 */
export async function askDefenceQuestion(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  studentId: string,
  text: string,
): Promise<DefenceQuestionView> {
  const done = await ctx.db.transaction(async (tx) => {
    await lockDefence(tx, sittingId);
    const now = new Date();
    const loaded = await loadDefence(tx, sittingId, now);
    const { stage } = slotOf(loaded, studentId);
    if (stage !== 'talk' && stage !== 'questions' && stage !== 'interrupted')
      throw new HttpError(
        'conflict',
        stage === 'waiting'
          ? 'This student’s defence has not started: questions are written during the defence.'
          : 'This student’s defence is over: no more questions can be written.',
      );
    const mine = and(eq(defenceQuestions.sittingId, sittingId), eq(defenceQuestions.studentId, studentId));
    const [last] = await tx
      .select({ seq: max(defenceQuestions.seq) })
      .from(defenceQuestions)
      .where(mine);
    const seq = (last?.seq ?? 0) + 1;
    const [question] = await tx
      .insert(defenceQuestions)
      .values({ sittingId, studentId, seq, text, askedBy: actor.id, askedAt: now })
      .returning();
    if (!question) throw new Error('question insert returned no row');
    const entry = await appendEntry(tx, {
      sittingId,
      studentId,
      source: 'system',
      type: 'defence_question',
      severity: 'info',
      text,
      evidence: { text, seq, byName: actor.fullName },
      at: now,
    });
    return { question, entry, students: loaded.list.map((s) => s.studentId) };
  });
  announceEntry(ctx, done.entry);
  ctx.live.defenceChanged({ sittingId, studentIds: done.students });
  return {
    id: done.question.id,
    text: done.question.text,
    askedAt: done.question.askedAt.toISOString(),
    askedBy: actor.fullName,
  };
}
