import type { AppealView } from '@adal/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { AttemptRow } from '../attempts/attempt-queries.js';
import { answers, attempts } from '../attempts/schema.js';
import { type KeyedQuestion, scoreAnswer } from '../attempts/score.js';
import { questions } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import { appealItems, appeals } from './schema.js';

type AppealRow = typeof appeals.$inferSelect;
const MINUTE = 60_000;

/** The appeal window runs from the end of the attempt for the sitting's appealWindowMinutes. */
export function windowEndsAt(a: AttemptRow, appealWindowMinutes: number): Date | null {
  if (!a.finishedAt || appealWindowMinutes <= 0) return null;
  if (a.status !== 'finished' && a.status !== 'timed_out') return null;
  return new Date(a.finishedAt.getTime() + appealWindowMinutes * MINUTE);
}

/** Each question of the paper with the student's response and whether it scored full marks. */
export async function paperWithResponses(db: Db | Tx, a: AttemptRow, scoring: 'all_or_nothing' | 'partial') {
  const ids = a.paper.map((p) => p.questionId);
  const rows = ids.length ? await db.select().from(questions).where(inArray(questions.id, ids)) : [];
  const byId = new Map(rows.map((q) => [q.id, q]));
  const saved = await db.select().from(answers).where(eq(answers.attemptId, a.id));
  const responses = new Map(saved.map((s) => [s.questionId, s.response]));
  return a.paper.flatMap((item, index) => {
    const q = byId.get(item.questionId);
    if (!q) return [];
    const text = new Map(q.options.map((o) => [o.id, o.text]));
    const response = responses.get(q.id) ?? [];
    const keyed: KeyedQuestion = { id: q.id, kind: q.kind, difficulty: q.difficulty, correct: q.correct };
    return [
      {
        questionId: q.id,
        position: index + 1,
        difficulty: q.difficulty,
        kind: q.kind,
        stem: q.stem,
        options: item.options.map((id) => ({ id, text: text.get(id) ?? '' })),
        response,
        correct: q.correct,
        fullMarks: scoreAnswer(keyed, response, scoring) >= 1,
      },
    ];
  });
}

/** An appeal with its items; `withKey` adds the correct answers (reviewers only). */
export async function appealView(
  db: Db | Tx,
  appeal: AppealRow,
  scoring: 'all_or_nothing' | 'partial',
  withKey: boolean,
): Promise<AppealView> {
  const [attempt] = await db.select().from(attempts).where(eq(attempts.id, appeal.attemptId));
  const [student] = await db
    .select({ fullName: users.fullName })
    .from(users)
    .where(eq(users.id, appeal.studentId));
  const items = await db
    .select()
    .from(appealItems)
    .where(eq(appealItems.appealId, appeal.id))
    .orderBy(asc(appealItems.questionId));
  const paper = attempt ? await paperWithResponses(db, attempt, scoring) : [];
  const order = new Map(paper.map((p, i) => [p.questionId, i]));
  return {
    appealId: appeal.id,
    attemptId: appeal.attemptId,
    sittingId: appeal.sittingId,
    studentId: appeal.studentId,
    studentName: student?.fullName ?? '',
    status: appeal.status,
    filedAt: appeal.filedAt.toISOString(),
    decidedAt: appeal.decidedAt?.toISOString() ?? null,
    items: items
      .sort((x, y) => (order.get(x.questionId) ?? 0) - (order.get(y.questionId) ?? 0))
      .flatMap((item) => {
        const q = paper.find((p) => p.questionId === item.questionId);
        if (!q) return [];
        const { correct, fullMarks: _, ...shown } = q;
        return [
          {
            ...shown,
            comment: item.comment,
            decision: item.decision,
            reason: item.reason,
            decidedAt: item.decidedAt?.toISOString() ?? null,
            ...(withKey ? { correct } : {}),
          },
        ];
      }),
  };
}
