import type { AnswerSheet, AnswerSheetSet } from '@adal/shared';

const byPage = (a: AnswerSheet, b: AnswerSheet) => a.pageNumber - b.pageNumber;
const allAccepted = (pages: readonly AnswerSheet[]) =>
  pages.length > 0 && pages.every((p) => p.status === 'accepted');

/**
 * Applies a `sheet:changed` to the student's pages: a review updates its page in place; a new
 * upload of a page number becomes the current page and the one it replaces moves to `replaced`.
 * An event about a version older than the current page (it overtook a reload) only updates the
 * replaced list, so an old photo never comes back as the current page.
 */
export function applySheetChange(set: AnswerSheetSet, sheet: AnswerSheet): AnswerSheetSet {
  const current = set.pages.find((p) => p.pageNumber === sheet.pageNumber);
  let pages = set.pages;
  let replaced = set.replaced;
  if (current?.id === sheet.id) {
    pages = pages.map((p) => (p.id === sheet.id ? sheet : p));
  } else if (current && Date.parse(sheet.uploadedAt) < Date.parse(current.uploadedAt)) {
    replaced = [...replaced.filter((r) => r.id !== sheet.id), sheet];
  } else {
    pages = [...pages.filter((p) => p.pageNumber !== sheet.pageNumber), sheet].sort(byPage);
    replaced = [...replaced.filter((r) => r.id !== sheet.id), ...(current ? [current] : [])];
  }
  return { ...set, pages, replaced, allAccepted: allAccepted(pages) };
}
