import type { BlueprintState } from '@adal/shared';
import { STAFF_ROLES } from '@adal/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { questions } from '../banks/schema.js';
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
    return { blueprint: sitting.blueprint, available: (await available(ctx, sitting.questionBankId)).counts };
  },
});

/** The dean's office sets how many questions of each difficulty every paper has. */
export const setBlueprint = defineRoute('setBlueprint', {
  access: ['registrar', 'admin'],
  async handle({ actor, params, body, ctx }): Promise<BlueprintState> {
    const sitting = await testSitting(ctx, params.sittingId);
    const bank = await available(ctx, sitting.questionBankId);
    if (!sitting.questionBankId)
      throw new HttpError('validation_failed', 'This test has no question bank yet.', [
        { path: 'params.sittingId', message: 'no question bank' },
      ]);
    const short = blueprintShortfall(bank.rows, body);
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
      await tx.update(sittings).set({ blueprint: body }).where(eq(sittings.id, sitting.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'blueprint.set',
        subject: sitting.id,
        details: body,
      });
    });
    return { blueprint: body, available: bank.counts };
  },
});
