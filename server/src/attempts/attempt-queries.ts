import { type AttemptClock, type AttemptView, type Blueprint, SittingPolicies } from '@adal/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { questions } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { admissions, sittings } from '../sittings/schema.js';
import { disciplines } from '../university/schema.js';
import { answers, attempts } from './schema.js';

export type AttemptRow = typeof attempts.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;

/** What the attempt code needs of a sitting. */
export interface TestSitting {
  id: string;
  kind: string;
  controlKind: AttemptView['controlKind'];
  durationMinutes: number;
  policies: SittingPolicies;
  blueprint: Blueprint | null;
  questionBankId: string | null;
  discipline: AttemptView['discipline'];
}

export async function loadTestSitting(db: Db | Tx, sittingId: string): Promise<TestSitting | undefined> {
  const [row] = await db
    .select({ sitting: sittings, discipline: disciplines })
    .from(sittings)
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .where(eq(sittings.id, sittingId));
  if (!row) return undefined;
  const { sitting, discipline } = row;
  return {
    id: sitting.id,
    kind: sitting.kind,
    controlKind: sitting.controlKind as AttemptView['controlKind'],
    durationMinutes: sitting.durationMinutes,
    policies: sitting.policies,
    blueprint: sitting.blueprint,
    questionBankId: sitting.questionBankId,
    discipline: { id: discipline.id, code: discipline.code, name: discipline.name },
  };
}

export async function isAdmitted(db: Db | Tx, sittingId: string, studentId: string): Promise<boolean> {
  const [row] = await db
    .select({ access: admissions.access })
    .from(admissions)
    .where(and(eq(admissions.sittingId, sittingId), eq(admissions.studentId, studentId)));
  return row?.access === 'green';
}

export async function studentAttempts(
  db: Db | Tx,
  sittingId: string,
  studentId: string,
): Promise<AttemptRow[]> {
  return db
    .select()
    .from(attempts)
    .where(and(eq(attempts.sittingId, sittingId), eq(attempts.studentId, studentId)))
    .orderBy(asc(attempts.number));
}

export async function loadAttempt(db: Db | Tx, attemptId: string): Promise<AttemptRow | undefined> {
  const [row] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  return row;
}

export const isOpen = (a: Pick<AttemptRow, 'status'>) =>
  a.status === 'in_progress' || a.status === 'suspended';

export function clockOf(a: AttemptRow): AttemptClock {
  return {
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    pausedAt: a.pausedAt?.toISOString() ?? null,
    pausedByProctor: a.pausedByProctor,
    suspendedAt: a.suspendedAt?.toISOString() ?? null,
    serverNow: new Date().toISOString(),
  };
}

export async function paperQuestions(db: Db | Tx, a: AttemptRow): Promise<Map<string, QuestionRow>> {
  const ids = a.paper.map((p) => p.questionId);
  if (!ids.length) return new Map();
  const rows = await db.select().from(questions).where(inArray(questions.id, ids));
  return new Map(rows.map((q) => [q.id, q]));
}

/** The student's view of an attempt: the paper in their order, their saved answers, the clock. */
export async function attemptView(db: Db | Tx, a: AttemptRow, sitting: TestSitting): Promise<AttemptView> {
  const byId = await paperQuestions(db, a);
  const saved = await db.select().from(answers).where(eq(answers.attemptId, a.id));
  return {
    ...clockOf(a),
    attemptId: a.id,
    sittingId: a.sittingId,
    number: a.number,
    attemptsAllowed: sitting.policies.attemptsAllowed,
    discipline: sitting.discipline,
    controlKind: sitting.controlKind,
    durationMinutes: sitting.durationMinutes,
    questions: a.paper.map((item) => {
      const q = byId.get(item.questionId);
      if (!q) throw new Error(`question ${item.questionId} of attempt ${a.id} is gone`);
      const text = new Map(q.options.map((o) => [o.id, o.text]));
      return {
        questionId: q.id,
        kind: q.kind,
        difficulty: q.difficulty,
        stem: q.stem,
        options: item.options.map((id) => ({ id, text: text.get(id) ?? '' })),
      };
    }),
    answers: saved.map((s) => ({ questionId: s.questionId, response: s.response, revision: s.revision })),
  };
}

/** A sitting's policies (with the defaults of fields added since it was created). */
export async function sittingPolicies(db: Db | Tx, sittingId: string): Promise<SittingPolicies> {
  const [row] = await db
    .select({ policies: sittings.policies })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!row) throw new HttpError('not_found', 'Sitting not found.');
  return SittingPolicies.parse(row.policies);
}

/** The student's open attempt at a sitting, locked for update for the rest of the transaction. */
export async function lockOpenAttempt(tx: Tx, sittingId: string, studentId: string) {
  const [a] = await tx
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.sittingId, sittingId),
        eq(attempts.studentId, studentId),
        inArray(attempts.status, ['in_progress', 'suspended']),
      ),
    )
    .for('update');
  return a;
}
