import { AnswerSheetSet } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { row, sheet, sheetSet } from './fixtures.js';
import {
  applySheet,
  attentionOf,
  countSheets,
  leaveWarnings,
  sortRows,
  stepPage,
  viewerKeyAction,
} from './sheet-rows.js';

describe('sortRows', () => {
  const done = row(1, 'Абаев Арман', { pages: 3, accepted: 3 });
  const nothing = row(2, 'Бекова Дана');
  const rejected = row(3, 'Ахметова Әсел', { pages: 2, accepted: 1, rejected: 1 });
  const pendingLate = row(4, 'Жұмабаев Ерлан', {
    pages: 2,
    pending: 1,
    accepted: 1,
    lastUploadAt: '2026-06-01T10:20:00.000Z',
  });
  const pendingEarly = row(5, 'Ыбырай Нұрлан', {
    pages: 1,
    pending: 1,
    lastUploadAt: '2026-06-01T10:05:00.000Z',
  });
  const nothingToo = row(6, 'Әлиев Бауыржан');

  it('puts pages to check first (longest waiting first), then rejected, nothing uploaded, and done last', () => {
    const sorted = sortRows([done, nothing, rejected, pendingLate, pendingEarly, nothingToo], 'kk');
    expect(sorted.map((r) => r.fullName)).toEqual([
      'Ыбырай Нұрлан',
      'Жұмабаев Ерлан',
      'Ахметова Әсел',
      // Kazakh alphabetical order: Ә comes right after А, before Б.
      'Әлиев Бауыржан',
      'Бекова Дана',
      'Абаев Арман',
    ]);
  });

  it('does not change the list it was given', () => {
    const rows = [done, pendingEarly];
    sortRows(rows, 'en');
    expect(rows).toEqual([done, pendingEarly]);
  });

  it('names the group of each student', () => {
    expect([done, nothing, rejected, pendingLate].map(attentionOf)).toEqual([
      'accepted',
      'none',
      'rejected',
      'pending',
    ]);
  });
});

describe('countSheets', () => {
  it('counts current pages per status and the blurred ones', () => {
    expect(
      countSheets([
        sheet(1, { status: 'accepted' }),
        sheet(2, { status: 'rejected', rejectReason: 'blurred', blurred: true }),
        sheet(3, { blurred: true }),
        sheet(4),
      ]),
    ).toEqual({ pages: 4, pending: 2, accepted: 1, rejected: 1, blurred: 2 });
    expect(countSheets([])).toEqual({ pages: 0, pending: 0, accepted: 0, rejected: 0, blurred: 0 });
  });
});

describe('applySheet', () => {
  const one = sheet(1);
  const two = sheet(2);

  it('replaces a reviewed page in place and works out allAccepted again', () => {
    const set = sheetSet([one, two]);
    const accepted = applySheet(set, { ...one, status: 'accepted' });
    expect(accepted.pages.map((p) => p.status)).toEqual(['accepted', 'pending']);
    expect(accepted.allAccepted).toBe(false);
    const all = applySheet(accepted, { ...two, status: 'accepted' });
    expect(all.allAccepted).toBe(true);
    expect(AnswerSheetSet.parse(all)).toEqual(all);
  });

  it('puts a new page number in page order', () => {
    const set = applySheet(sheetSet([sheet(1), sheet(3)]), sheet(2));
    expect(set.pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
    expect(set.replaced).toEqual([]);
  });

  it('makes a new upload of a page the current one and keeps the earlier photo under replaced', () => {
    const rejected = { ...two, status: 'rejected' as const, rejectReason: 'blurred' as const };
    const again = sheet(2, {
      id: '20000000-0000-4000-8000-0000000000aa',
      uploadedAt: '2026-06-01T10:30:00.000Z',
    });
    const set = applySheet(sheetSet([{ ...one, status: 'accepted' }, rejected]), again);
    expect(set.pages.map((p) => p.id)).toEqual([one.id, again.id]);
    expect(set.replaced).toEqual([rejected]);
    expect(set.allAccepted).toBe(false);
  });

  it('files a late event about an older photo of a page under replaced, not over the newer one', () => {
    const newer = sheet(2, {
      id: '20000000-0000-4000-8000-0000000000bb',
      uploadedAt: '2026-06-01T11:00:00.000Z',
    });
    const set = applySheet(sheetSet([newer]), two);
    expect(set.pages).toEqual([newer]);
    expect(set.replaced).toEqual([two]);
  });

  it('updates an earlier version where it is, and lists earlier versions by page, newest first', () => {
    const oldest = sheet(1, {
      id: '20000000-0000-4000-8000-0000000000c1',
      uploadedAt: '2026-06-01T09:00:00.000Z',
    });
    const middle = sheet(1, {
      id: '20000000-0000-4000-8000-0000000000c2',
      uploadedAt: '2026-06-01T09:30:00.000Z',
    });
    const set = applySheet(sheetSet([one], [oldest, middle]), {
      ...oldest,
      status: 'rejected',
      rejectReason: 'dark',
    });
    expect(set.replaced.map((s) => [s.id, s.status])).toEqual([
      [middle.id, 'pending'],
      [oldest.id, 'rejected'],
    ]);
    expect(set.pages).toEqual([one]);
  });
});

describe('stepPage', () => {
  it('moves one page back or forward and stops at either end', () => {
    expect(stepPage(0, 3, 'next')).toBe(1);
    expect(stepPage(2, 3, 'previous')).toBe(1);
    expect(stepPage(2, 3, 'next')).toBeNull();
    expect(stepPage(0, 3, 'previous')).toBeNull();
    expect(stepPage(0, 1, 'next')).toBeNull();
  });
});

describe('viewerKeyAction', () => {
  it('pages with the left and right arrows and zooms with + − 0', () => {
    expect(viewerKeyAction('ArrowLeft')).toBe('previous');
    expect(viewerKeyAction('ArrowRight')).toBe('next');
    expect(viewerKeyAction('PageDown')).toBe('next');
    expect(viewerKeyAction('+')).toBe('zoomIn');
    expect(viewerKeyAction('-')).toBe('zoomOut');
    expect(viewerKeyAction('0')).toBe('reset');
    expect(viewerKeyAction('a')).toBeNull();
    expect(viewerKeyAction('Enter')).toBeNull();
  });
});

describe('leaveWarnings', () => {
  it('warns when nothing is uploaded, and counts pages pending or rejected', () => {
    expect(leaveWarnings([])).toEqual([{ kind: 'none' }]);
    expect(
      leaveWarnings([
        sheet(1),
        sheet(2, { status: 'rejected', rejectReason: 'cut_off' }),
        sheet(3),
        sheet(4, { status: 'accepted' }),
      ]),
    ).toEqual([
      { kind: 'pending', count: 2 },
      { kind: 'rejected', count: 1 },
    ]);
  });

  it('has nothing to say when every page is accepted', () => {
    expect(leaveWarnings([sheet(1, { status: 'accepted' }), sheet(2, { status: 'accepted' })])).toEqual([]);
  });
});
