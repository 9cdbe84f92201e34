import type { AnswerSheet, AnswerSheetSet, SittingSheetRow } from '@adal/shared';

/**
 * The gallery's list and one student's pages, as pure functions: the order the proctor works
 * through the students in, the counts, and how a live `sheet:changed` event changes a student's set.
 */

/**
 * Where a student stands: pages waiting to be checked come first, then rejected pages the
 * student still has to upload again, then students with nothing uploaded, and last the done ones.
 */
export type SheetAttention = 'pending' | 'rejected' | 'none' | 'accepted';
const RANK: Record<SheetAttention, number> = { pending: 0, rejected: 1, none: 2, accepted: 3 };

export function attentionOf(row: Pick<SittingSheetRow, 'pages' | 'pending' | 'rejected'>): SheetAttention {
  if (row.pending > 0) return 'pending';
  if (row.rejected > 0) return 'rejected';
  return row.pages === 0 ? 'none' : 'accepted';
}

const uploadTime = (row: SittingSheetRow) =>
  row.lastUploadAt === null ? Number.POSITIVE_INFINITY : Date.parse(row.lastUploadAt);

/** Pending first (the longest waiting first), then by the order above, then by name. */
export function sortRows(rows: readonly SittingSheetRow[], locale: string): SittingSheetRow[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => {
    const attention = RANK[attentionOf(a)] - RANK[attentionOf(b)];
    if (attention !== 0) return attention;
    if (attentionOf(a) === 'pending') {
      const waited = uploadTime(a) - uploadTime(b);
      if (waited !== 0) return waited;
    }
    return collator.compare(a.fullName, b.fullName);
  });
}

export interface SheetCounts {
  pages: number;
  pending: number;
  accepted: number;
  rejected: number;
  blurred: number;
}

/** Counts over a student's current pages (earlier versions do not count). */
export function countSheets(pages: readonly AnswerSheet[]): SheetCounts {
  const counts: SheetCounts = { pages: pages.length, pending: 0, accepted: 0, rejected: 0, blurred: 0 };
  for (const page of pages) {
    counts[page.status] += 1;
    if (page.blurred) counts.blurred += 1;
  }
  return counts;
}

const byPage = (a: AnswerSheet, b: AnswerSheet) => a.pageNumber - b.pageNumber;
/** Earlier versions: by page, the most recent first within a page. */
const byPageThenNewest = (a: AnswerSheet, b: AnswerSheet) =>
  a.pageNumber - b.pageNumber || Date.parse(b.uploadedAt) - Date.parse(a.uploadedAt);

const withDerived = (set: AnswerSheetSet, pages: AnswerSheet[], replaced: AnswerSheet[]): AnswerSheetSet => ({
  ...set,
  pages: pages.sort(byPage),
  replaced: replaced.sort(byPageThenNewest),
  allAccepted: pages.length > 0 && pages.every((page) => page.status === 'accepted'),
});

/**
 * A stored, accepted or rejected page arrived (live or as a review's answer). A known sheet is
 * replaced where it is; a new upload of a page number becomes the current page and pushes the
 * earlier one to `replaced` — unless it is older than the current page (an event that arrived late).
 */
export function applySheet(set: AnswerSheetSet, sheet: AnswerSheet): AnswerSheetSet {
  const swap = (list: AnswerSheet[]) => list.map((s) => (s.id === sheet.id ? sheet : s));
  if (set.pages.some((s) => s.id === sheet.id)) return withDerived(set, swap(set.pages), [...set.replaced]);
  if (set.replaced.some((s) => s.id === sheet.id))
    return withDerived(set, [...set.pages], swap(set.replaced));
  const current = set.pages.find((s) => s.pageNumber === sheet.pageNumber);
  if (!current) return withDerived(set, [...set.pages, sheet], [...set.replaced]);
  if (Date.parse(current.uploadedAt) > Date.parse(sheet.uploadedAt))
    return withDerived(set, [...set.pages], [...set.replaced, sheet]);
  return withDerived(
    set,
    set.pages.map((s) => (s.id === current.id ? sheet : s)),
    [...set.replaced, current],
  );
}

/** The page before or after `index` among `count` pages; null at either end (no wrapping). */
export function stepPage(index: number, count: number, direction: 'previous' | 'next'): number | null {
  const next = direction === 'next' ? index + 1 : index - 1;
  return next >= 0 && next < count ? next : null;
}

export type ViewerKey = 'previous' | 'next' | 'zoomIn' | 'zoomOut' | 'reset';

/** What a key does in the page viewer (arrows page through, + − 0 zoom); null: not ours. */
export function viewerKeyAction(key: string): ViewerKey | null {
  switch (key) {
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '−':
      return 'zoomOut';
    case '0':
      return 'reset';
    default:
      return null;
  }
}

/** What the proctor should know before letting the student leave. */
export type LeaveWarning =
  | { kind: 'none' }
  | { kind: 'pending'; count: number }
  | { kind: 'rejected'; count: number };

export function leaveWarnings(pages: readonly AnswerSheet[]): LeaveWarning[] {
  if (pages.length === 0) return [{ kind: 'none' }];
  const counts = countSheets(pages);
  const warnings: LeaveWarning[] = [];
  if (counts.pending > 0) warnings.push({ kind: 'pending', count: counts.pending });
  if (counts.rejected > 0) warnings.push({ kind: 'rejected', count: counts.rejected });
  return warnings;
}
