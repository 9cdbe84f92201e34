import { asc, count, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { disciplines } from '../university/schema.js';
import { parseBank } from './import/index.js';
import { questionBanks, questions } from './schema.js';

/** The dean's office and admins keep the question banks. */
const BANK_KEEPERS = ['registrar', 'admin'] as const;

export const listDisciplines = defineRoute('listDisciplines', {
  access: BANK_KEEPERS,
  async handle({ ctx }) {
    return ctx.db
      .select({ id: disciplines.id, code: disciplines.code, name: disciplines.name })
      .from(disciplines)
      .orderBy(asc(disciplines.code));
  },
});

export const listBanks = defineRoute('listBanks', {
  access: BANK_KEEPERS,
  async handle({ ctx }) {
    const banks = await ctx.db
      .select({ bank: questionBanks, discipline: disciplines })
      .from(questionBanks)
      .innerJoin(disciplines, eq(disciplines.id, questionBanks.disciplineId))
      .orderBy(desc(questionBanks.createdAt));
    const counts = await ctx.db
      .select({ bankId: questions.bankId, difficulty: questions.difficulty, n: count() })
      .from(questions)
      .groupBy(questions.bankId, questions.difficulty);
    return banks.map(({ bank, discipline }) => {
      const of = (d: string) => counts.find((c) => c.bankId === bank.id && c.difficulty === d)?.n ?? 0;
      const simple = of('simple');
      const medium = of('medium');
      const hard = of('hard');
      return {
        bankId: bank.id,
        title: bank.title,
        discipline: { id: discipline.id, code: discipline.code, name: discipline.name },
        counts: { simple, medium, hard, total: simple + medium + hard },
        createdAt: bank.createdAt.toISOString(),
      };
    });
  },
});

/** A whole file becomes a bank in one transaction, or nothing does (400 with the file's lines). */
export const importBank = defineRoute('importBank', {
  access: BANK_KEEPERS,
  status: 201,
  async handle({ actor, body, ctx }) {
    const [discipline] = await ctx.db.select().from(disciplines).where(eq(disciplines.id, body.disciplineId));
    if (!discipline)
      throw new HttpError('validation_failed', 'No such discipline.', [
        { path: 'body.disciplineId', message: 'no such discipline' },
      ]);
    const parsed = parseBank(body.format, body.text, {
      ...(body.defaultDifficulty ? { difficulty: body.defaultDifficulty } : {}),
      ...(body.defaultTopic ? { topic: body.defaultTopic } : {}),
      discipline: { code: discipline.code, name: discipline.name },
    });
    if (!parsed.ok)
      throw new HttpError(
        'validation_failed',
        `${body.fileName}: nothing was imported; fix the lines listed and import the file again.`,
        undefined,
        undefined,
        { lines: parsed.errors, truncated: parsed.truncated },
      );
    const bankId = await ctx.db.transaction(async (tx) => {
      const [bank] = await tx
        .insert(questionBanks)
        .values({ disciplineId: discipline.id, title: body.title })
        .returning({ id: questionBanks.id });
      if (!bank) throw new Error('bank insert returned no row');
      // Chunks keep each statement's parameter count well under PostgreSQL's 65,535.
      for (let i = 0; i < parsed.questions.length; i += 500)
        await tx.insert(questions).values(
          parsed.questions.slice(i, i + 500).map((q) => ({
            bankId: bank.id,
            kind: q.kind,
            difficulty: q.difficulty,
            topic: q.topic,
            stem: q.stem,
            options: q.options,
            correct: q.correct,
          })),
        );
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'bank.imported',
        subject: bank.id,
        details: { fileName: body.fileName, format: body.format, counts: parsed.counts },
      });
      return bank.id;
    });
    return { bankId, counts: parsed.counts, byKind: parsed.byKind };
  },
});
