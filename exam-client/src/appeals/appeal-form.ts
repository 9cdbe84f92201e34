import type { FieldError, FileAppealBody } from '@adal/shared';

/** The student's choice for one wrongly answered question: appeal it or not, and why. */
export interface PickedQuestion {
  picked: boolean;
  comment: string;
}
export type Picks = Readonly<Record<string, PickedQuestion>>;

export type ItemProblem = 'commentRequired' | 'notAppealable';
export interface AppealFormErrors {
  /** Nothing was ticked. */
  pickOne: boolean;
  /** Per question id. */
  items: Record<string, ItemProblem>;
}

export const noErrors = (errors: AppealFormErrors): boolean =>
  !errors.pickOne && Object.keys(errors.items).length === 0;

export const pickedCount = (picks: Picks): number => Object.values(picks).filter((p) => p.picked).length;

/**
 * The body of `fileAppeal` in the page's order of questions, or what is missing: at least one
 * ticked question, and a comment for each ticked one (the server refuses blank comments too).
 */
export function appealBody(
  picks: Picks,
  order: readonly string[],
): { ok: true; body: FileAppealBody } | { ok: false; errors: AppealFormErrors } {
  const items: FileAppealBody['items'] = [];
  const errors: AppealFormErrors = { pickOne: false, items: {} };
  for (const questionId of order) {
    const pick = picks[questionId];
    if (!pick?.picked) continue;
    const comment = pick.comment.trim();
    if (!comment) errors.items[questionId] = 'commentRequired';
    else items.push({ questionId, comment });
  }
  errors.pickOne = items.length === 0 && Object.keys(errors.items).length === 0;
  return noErrors(errors) ? { ok: true, body: { items } } : { ok: false, errors };
}

const ITEM_PATH = /^body\.items\.(\d+)\./;

/**
 * The server's 400 names items by their place in the body (`body.items.1.questionId`): turn
 * those back into the questions the student ticked.
 */
export function serverItemErrors(fields: readonly FieldError[], sent: FileAppealBody): AppealFormErrors {
  const errors: AppealFormErrors = { pickOne: false, items: {} };
  for (const field of fields) {
    const index = ITEM_PATH.exec(field.path)?.[1];
    const item = index === undefined ? undefined : sent.items[Number(index)];
    if (!item) continue;
    errors.items[item.questionId] = field.path.endsWith('.comment') ? 'commentRequired' : 'notAppealable';
  }
  return errors;
}
