import type { BlueprintState } from '@adal/shared';
import { STAFF_ROLES } from '@adal/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { questionBanks, questions } from '../banks/schema.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { sittings } from '../sittings/schema.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { loadTestSitting } from './attempt-queries.js';
import { blueprintShortfall } from './draw-paper.js';

async function available(ctx: AppContext, bankId: string | null) {
  const rows = bankId
    ? await ctx.db
        .select({
          id: questions.id,
          kind: questions.kind,
          difficulty: questions.difficulty,
          options: questions.options,
        })
        .from(questions)
        .where(eq(questions.bankId, bankId))
    : [];
  const counts = { simple: 0, medium: 0, hard: 0 };
  for (const r of rows) counts[r.difficulty]++;
  return { rows, counts };
}

async function testSitting(ctx: AppContext, sittingId: string) {
  const sitting = await loadTestSitting(ctx.db, sittingId);
  if (!sitting) throw new HttpError('not_found', 'Sitting not found.');
  if (sitting.kind !== 'computer_test')
    throw new HttpError('validation_failed', 'Only computer tests have a blueprint.', [
      { path: 'params.sittingId', message: 'not a computer test' },
    ]);
  return sitting;
}

export const getBlueprint = defineRoute('getBlueprint', {
  access: STAFF_ROLES,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }): Promise<BlueprintState> {
    const sitting = await testSitting(ctx, params.sittingId);
    return {
      blueprint: sitting.blueprint,
      bankId: sitting.questionBankId,
      available: (await available(ctx, sitting.questionBankId)).counts,
    };
  },
});

/** The dean's office sets how many questions of each difficulty every paper has, from which bank. */
export const setBlueprint = defineRoute('setBlueprint', {
  access: ['registrar', 'admin'],
  async handle({ actor, params, body, ctx }): Promise<BlueprintState> {
    const sitting = await testSitting(ctx, params.sittingId);
    const { bankId: chosen, ...blueprint } = body;
    if (chosen) {
      const [b] = await ctx.db.select().from(questionBanks).where(eq(questionBanks.id, chosen));
      if (!b || b.disciplineId !== sitting.discipline.id)
        throw new HttpError('validation_failed', 'Choose a bank of this sitting’s discipline.', [
          { path: 'body.bankId', message: 'not a bank of this discipline' },
        ]);
    }
    const bankId = chosen ?? sitting.questionBankId;
    if (!bankId)
      throw new HttpError('validation_failed', 'Choose the question bank for this test.', [
        { path: 'body.bankId', message: 'no question bank' },
      ]);
    const bank = await available(ctx, bankId);
    const short = blueprintShortfall(bank.rows, blueprint);
    if (short.length)
      throw new HttpError(
        'validation_failed',
        'The bank has too few questions for this blueprint.',
        short.map((s) => ({
          path: `body.${s.difficulty}`,
          message: `the bank has ${s.available}, asked for ${s.wanted}`,
        })),
      );
    await ctx.db.transaction(async (tx) => {
      await tx.update(sittings).set({ blueprint, questionBankId: bankId }).where(eq(sittings.id, sitting.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'blueprint.set',
        subject: sitting.id,
        details: { ...blueprint, bankId },
      });
    });
    return { blueprint, bankId, available: bank.counts };
  },
});
