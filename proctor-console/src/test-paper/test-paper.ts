import {
  type BankSummary,
  type BlueprintState,
  DIFFICULTIES,
  type Difficulty,
  type SetBlueprintBody,
} from '@adal/shared';
import type { ApiError } from '@adal/shared/web';

/**
 * The test paper form of a computer test: which bank, how many questions of each difficulty,
 * shuffling. Counts are typed as text and checked here before the server checks them against
 * the bank.
 */

export interface PaperDraft {
  bankId: string;
  simple: string;
  medium: string;
  hard: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export type PaperCounts = Record<Difficulty, number>;

/** The form as the sitting has it now (an unset paper: zeros, shuffled). */
export function draftFrom(state: BlueprintState): PaperDraft {
  const b = state.blueprint;
  return {
    bankId: state.bankId ?? '',
    simple: String(b?.simple ?? 0),
    medium: String(b?.medium ?? 0),
    hard: String(b?.hard ?? 0),
    shuffleQuestions: b?.shuffleQuestions ?? true,
    shuffleOptions: b?.shuffleOptions ?? true,
  };
}

/** Why a field of the form is wrong; `paper` is the whole paper (no question at all). */
export type PaperField = Difficulty | 'bankId' | 'paper';
export type PaperProblem = 'invalidCount' | 'tooFew' | 'chooseBankFirst' | 'wrongBank' | 'emptyPaper';
export type PaperErrors = Partial<Record<PaperField, PaperProblem>>;

/** The schema's bounds (shared Blueprint): whole numbers 0…500. */
const MAX_COUNT = 500;

function count(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_COUNT ? n : null;
}

export type CheckedDraft = { ok: true; body: SetBlueprintBody } | { ok: false; errors: PaperErrors };

/** The PUT body, or what to fix first. The bank's own counts are the server's to check. */
export function checkDraft(draft: PaperDraft): CheckedDraft {
  const errors: PaperErrors = {};
  const counts: Partial<PaperCounts> = {};
  for (const d of DIFFICULTIES) {
    const n = count(draft[d]);
    if (n === null) errors[d] = 'invalidCount';
    else counts[d] = n;
  }
  if (!draft.bankId) errors.bankId = 'chooseBankFirst';
  const { simple = 0, medium = 0, hard = 0 } = counts;
  if (Object.keys(errors).length === 0 && simple + medium + hard === 0) errors.paper = 'emptyPaper';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      bankId: draft.bankId,
      simple,
      medium,
      hard,
      shuffleQuestions: draft.shuffleQuestions,
      shuffleOptions: draft.shuffleOptions,
    },
  };
}

/**
 * The server's field errors on the form's fields. Its messages are English; the form says the
 * same in the user's language: `body.simple` means the bank is short of simple questions,
 * `body.bankId` that the bank is missing or of another discipline, `body` an empty paper.
 */
export function serverPaperErrors(error: ApiError, bankId: string): PaperErrors {
  const errors: PaperErrors = {};
  for (const { path } of error.fields) {
    const field = path.replace(/^body\.?/, '');
    if ((DIFFICULTIES as readonly string[]).includes(field)) errors[field as Difficulty] = 'tooFew';
    else if (field === 'bankId') errors.bankId = bankId ? 'wrongBank' : 'chooseBankFirst';
    else if (field === '') errors.paper = 'emptyPaper';
  }
  return errors;
}

/**
 * How many questions of each difficulty the chosen bank holds: the sitting's own bank as the
 * blueprint route counted it, any other from the bank list (null when unknown).
 */
export function availableIn(
  bankId: string,
  state: BlueprintState,
  banks: readonly BankSummary[] | null,
): PaperCounts | null {
  if (bankId && bankId === state.bankId) return state.available;
  const bank = banks?.find((b) => b.bankId === bankId);
  return bank ? { simple: bank.counts.simple, medium: bank.counts.medium, hard: bank.counts.hard } : null;
}

/** Questions on one paper, or null while a count is not a number. */
export function paperSize(draft: PaperDraft): number | null {
  let total = 0;
  for (const d of DIFFICULTIES) {
    const n = count(draft[d]);
    if (n === null) return null;
    total += n;
  }
  return total;
}
