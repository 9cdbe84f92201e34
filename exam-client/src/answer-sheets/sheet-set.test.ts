import { AnswerSheetSet } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { accepted, rejected, sheet, sheetSet } from './fixtures.js';
import { applySheetChange } from './sheet-set.js';

describe('applySheetChange', () => {
  it('adds a newly stored page in page order', () => {
    const set = sheetSet([sheet(1, 1), sheet(3, 3)]);
    const next = applySheetChange(set, sheet(4, 2));
    expect(next.pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
    expect(next.allAccepted).toBe(false);
    expect(AnswerSheetSet.safeParse(next).success).toBe(true);
  });

  it('updates a reviewed page in place and says when every page is accepted', () => {
    const one = sheet(1, 1);
    const two = sheet(2, 2);
    let set = sheetSet([one, two]);
    set = applySheetChange(set, accepted(one));
    expect(set.pages[0]?.status).toBe('accepted');
    expect(set.allAccepted).toBe(false);
    set = applySheetChange(set, accepted(two));
    expect(set.allAccepted).toBe(true);
    expect(set.replaced).toEqual([]);
  });

  it('makes a page uploaded again the current one and keeps the rejected version as replaced', () => {
    const first = rejected(sheet(1, 1), 'Page number missing');
    const again = sheet(5, 1);
    const next = applySheetChange(sheetSet([first]), again);
    expect(next.pages).toEqual([again]);
    expect(next.replaced).toEqual([first]);
  });

  it('never brings back an older version that overtook a reload', () => {
    const old = rejected(sheet(1, 1));
    const current = sheet(5, 1);
    const set = sheetSet([current], { replaced: [sheet(1, 1)] });
    const next = applySheetChange(set, old);
    expect(next.pages).toEqual([current]);
    expect(next.replaced).toEqual([old]);
  });

  it('is not all accepted without pages', () => {
    expect(applySheetChange(sheetSet([]), accepted(sheet(1, 1))).allAccepted).toBe(true);
    expect(sheetSet([]).allAccepted).toBe(false);
  });
});
