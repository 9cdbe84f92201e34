import { describe, expect, it } from 'vitest';
import { accepted, rejected, sheet, sheetSet } from './fixtures.js';
import {
  canMove,
  draftNumbers,
  draftsInPageOrder,
  moveDraft,
  newDraft,
  patchDraft,
  replacementDraft,
  settled,
} from './sheet-drafts.js';

const keysByNumber = (uploaded: number[], drafts: ReturnType<typeof newDraft>[]) =>
  Object.fromEntries(draftNumbers(uploaded, drafts));

describe('draft page numbers', () => {
  it('numbers new pages after the uploaded ones, filling gaps first', () => {
    const drafts = [newDraft('a'), newDraft('b'), newDraft('c')];
    expect(keysByNumber([], drafts)).toEqual({ a: 1, b: 2, c: 3 });
    expect(keysByNumber([1, 3], drafts)).toEqual({ a: 2, b: 4, c: 5 });
  });

  it('keeps the number of a page being uploaded, and of a page uploaded again', () => {
    const drafts = [newDraft('a'), { ...newDraft('b'), lockedPage: 1 }, replacementDraft('c', 'x', 2)];
    expect(keysByNumber([2], drafts)).toEqual({ a: 3, b: 1, c: 2 });
  });

  it('moves a page up or down by swapping numbers with its movable neighbour', () => {
    let drafts = [newDraft('a'), newDraft('b'), newDraft('c')];
    let numbers = draftNumbers([], drafts);
    expect(canMove(drafts, numbers, 'a', -1)).toBe(false);
    expect(canMove(drafts, numbers, 'c', 1)).toBe(false);
    drafts = moveDraft(drafts, numbers, 'c', -1);
    numbers = draftNumbers([], drafts);
    expect(Object.fromEntries(numbers)).toEqual({ a: 1, c: 2, b: 3 });
    expect(draftsInPageOrder(drafts, numbers).map((d) => d.key)).toEqual(['a', 'c', 'b']);
  });

  it('does not move a page whose upload started, and moves others past it', () => {
    let drafts = [newDraft('a'), newDraft('b'), newDraft('c')];
    drafts = patchDraft(drafts, 'b', { lockedPage: 2 });
    let numbers = draftNumbers([], drafts);
    expect(canMove(drafts, numbers, 'b', -1)).toBe(false);
    expect(canMove(drafts, numbers, 'b', 1)).toBe(false);
    drafts = moveDraft(drafts, numbers, 'c', -1);
    numbers = draftNumbers([], drafts);
    expect(Object.fromEntries(numbers)).toEqual({ a: 3, b: 2, c: 1 });
  });
});

describe('settled', () => {
  it('is true once the uploaded page shows in the list', () => {
    const draft = { ...newDraft('a'), lockedPage: 2, done: true };
    expect(settled(draft, sheetSet([sheet(1, 1)]))).toBe(false);
    expect(settled(draft, sheetSet([sheet(1, 1), sheet(2, 2)]))).toBe(true);
    expect(settled({ ...draft, done: false }, sheetSet([sheet(2, 2)]))).toBe(false);
  });

  it('follows the stored sheet id when the server gave it', () => {
    const stored = sheet(4, 2);
    const draft = { ...newDraft('a'), lockedPage: 2, done: true, storedSheetId: stored.id };
    expect(settled(draft, sheetSet([sheet(3, 2)]))).toBe(false);
    expect(settled(draft, sheetSet([stored]))).toBe(true);
  });

  it('waits for the new version of a page uploaded again', () => {
    const old = rejected(sheet(1, 1));
    const draft = { ...replacementDraft('a', old.id, 1), lockedPage: 1, done: true };
    expect(settled(draft, sheetSet([old]))).toBe(false);
    expect(settled(draft, sheetSet([accepted(sheet(7, 1))]))).toBe(true);
  });
});
