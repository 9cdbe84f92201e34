import type { AppealItem, AppealView, Role } from '@adal/shared';

/** Who reviews appeals (the server's REVIEWERS): the sitting's proctor, the dean's office, admins. */
const REVIEWERS: readonly Role[] = ['proctor', 'registrar', 'admin'];
export const canReviewAppeals = (role: Role): boolean => REVIEWERS.includes(role);

/** One option of an appealed question as the reviewer sees it: the key and the student's choice marked. */
export interface MarkedOption {
  id: string;
  text: string;
  key: boolean;
  chosen: boolean;
}

export function markedOptions(item: Pick<AppealItem, 'options' | 'response' | 'correct'>): MarkedOption[] {
  const key = new Set(item.correct ?? []);
  const chosen = new Set(item.response);
  return item.options.map((o) => ({ id: o.id, text: o.text, key: key.has(o.id), chosen: chosen.has(o.id) }));
}

/** The item after a decision, or the whole appeal from the server's answer. */
export function replaceAppeal(list: readonly AppealView[], next: AppealView): AppealView[] {
  return list.map((a) => (a.appealId === next.appealId ? next : a));
}

export const pendingItems = (appeal: AppealView): number =>
  appeal.items.filter((i) => i.decision === 'pending').length;

/** "Appeals: 3, awaiting a decision: 1" — an appeal awaits while any of its questions does. */
export function appealSummary(list: readonly AppealView[]): { total: number; pending: number } {
  return { total: list.length, pending: list.filter((a) => pendingItems(a) > 0).length };
}

/** Undecided appeals first (oldest first, as filed), then decided ones. */
export function reviewOrder(list: readonly AppealView[]): AppealView[] {
  const waiting = (a: AppealView) => (pendingItems(a) > 0 ? 0 : 1);
  return [...list].sort((a, b) => waiting(a) - waiting(b) || Date.parse(a.filedAt) - Date.parse(b.filedAt));
}
