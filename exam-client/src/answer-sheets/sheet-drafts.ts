import type { AnswerSheetSet } from '@adal/shared';

/**
 * Pages the student is about to upload. Page numbers are what the server stores, so a new page's
 * number is fixed once its upload starts; until then new pages take the free numbers (those no
 * uploaded page has) in the order the student arranged them, so moving a page renumbers it.
 */
export interface SheetDraft {
  key: string;
  /** Set when the upload starts (and kept once it is done): the number sent to the server. */
  lockedPage: number | null;
  /** A rejected page uploaded again: its number and the sheet it replaces. */
  replaces: { sheetId: string; pageNumber: number } | null;
  /** The upload finished; the draft goes once the page shows in the list. */
  done: boolean;
  /** The stored page's id, when the server said it (`Sheet-Id`). */
  storedSheetId: string | null;
}

export const newDraft = (key: string): SheetDraft => ({
  key,
  lockedPage: null,
  replaces: null,
  done: false,
  storedSheetId: null,
});

export const replacementDraft = (key: string, sheetId: string, pageNumber: number): SheetDraft => ({
  key,
  lockedPage: null,
  replaces: { sheetId, pageNumber },
  done: false,
  storedSheetId: null,
});

const fixedPage = (d: SheetDraft) => d.replaces?.pageNumber ?? d.lockedPage;
const movable = (d: SheetDraft) => fixedPage(d) === null;

/** Each draft's page number (see SheetDraft). */
export function draftNumbers(
  uploaded: readonly number[],
  drafts: readonly SheetDraft[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  const used = new Set(uploaded);
  for (const d of drafts) {
    const fixed = fixedPage(d);
    if (fixed !== null) {
      numbers.set(d.key, fixed);
      used.add(fixed);
    }
  }
  let next = 1;
  for (const d of drafts) {
    if (!movable(d)) continue;
    while (used.has(next)) next++;
    numbers.set(d.key, next);
    used.add(next);
  }
  return numbers;
}

/** The drafts in page order, for display. */
export function draftsInPageOrder(drafts: readonly SheetDraft[], numbers: Map<string, number>): SheetDraft[] {
  return [...drafts].sort((a, b) => (numbers.get(a.key) ?? 0) - (numbers.get(b.key) ?? 0));
}

/** The movable draft next to `key` in page order, in direction `step` (−1 up, +1 down). */
function neighbour(drafts: readonly SheetDraft[], numbers: Map<string, number>, key: string, step: -1 | 1) {
  const ordered = draftsInPageOrder(drafts, numbers).filter(movable);
  const at = ordered.findIndex((d) => d.key === key);
  return at < 0 ? undefined : ordered[at + step];
}

export function canMove(
  drafts: readonly SheetDraft[],
  numbers: Map<string, number>,
  key: string,
  step: -1 | 1,
): boolean {
  return neighbour(drafts, numbers, key, step) !== undefined;
}

/** Swaps a page with its movable neighbour: their numbers swap (uploads under way keep theirs). */
export function moveDraft(
  drafts: readonly SheetDraft[],
  numbers: Map<string, number>,
  key: string,
  step: -1 | 1,
): SheetDraft[] {
  const other = neighbour(drafts, numbers, key, step);
  if (!other) return [...drafts];
  const i = drafts.findIndex((d) => d.key === key);
  const j = drafts.findIndex((d) => d.key === other.key);
  const next = [...drafts];
  [next[i], next[j]] = [drafts[j] as SheetDraft, drafts[i] as SheetDraft];
  return next;
}

export const patchDraft = (drafts: readonly SheetDraft[], key: string, patch: Partial<SheetDraft>) =>
  drafts.map((d) => (d.key === key ? { ...d, ...patch } : d));

/**
 * The upload is done and its page is in the list: the stored sheet by its id, or (when the server
 * did not say it) a page of that number, a new sheet for a page uploaded again.
 */
export function settled(draft: SheetDraft, set: AnswerSheetSet): boolean {
  if (!draft.done || draft.lockedPage === null) return false;
  if (draft.storedSheetId) return set.pages.some((p) => p.id === draft.storedSheetId);
  const page = set.pages.find((p) => p.pageNumber === draft.lockedPage);
  return page !== undefined && page.id !== draft.replaces?.sheetId;
}
