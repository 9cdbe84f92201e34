import { describe, expect, it } from 'vitest';
import { DOCUMENT_SHAPES, guideRect, mrzBandRect } from './document-kind.js';
import { documentDone, type SideRead } from './document-sides.js';
import { enhanceForOcr } from './ocr-image.js';
import { monotonic, overallProgress } from './ocr-progress.js';

describe('the document rectangle', () => {
  it('has the ID card shape and fits the frame with a margin', () => {
    const rect = guideRect('id_card', 1920, 1080);
    expect(rect.width / rect.height).toBeCloseTo(85.6 / 54, 2);
    expect(rect.y).toBeGreaterThanOrEqual(1080 * 0.08 - 1);
    expect(rect.x * 2 + rect.width).toBeCloseTo(1920, -1);
  });

  it('is limited by the width on a portrait phone frame', () => {
    const rect = guideRect('passport', 720, 1280);
    expect(rect.width).toBeLessThanOrEqual(720);
    expect(rect.width / rect.height).toBeCloseTo(DOCUMENT_SHAPES.passport.ratio, 2);
  });

  it('reads the MRZ from the bottom 35 % of a card and 25 % of a passport page', () => {
    expect(mrzBandRect('id_card', 1000, 600)).toEqual({ x: 0, y: 390, width: 1000, height: 210 });
    expect(mrzBandRect('passport', 1000, 704)).toEqual({ x: 0, y: 528, width: 1000, height: 176 });
  });
});

describe('preparing the MRZ band', () => {
  it('turns grey-on-grey into dark print on white', () => {
    // Four pixels: two "paper" (170,170,160), two "ink" (110,110,120).
    const rgba = new Uint8ClampedArray([
      170, 170, 160, 255, 110, 110, 120, 255, 170, 170, 160, 255, 110, 110, 120, 255,
    ]);
    enhanceForOcr(rgba);
    expect([rgba[0], rgba[1], rgba[2]]).toEqual([255, 255, 255]);
    expect([rgba[4], rgba[5], rgba[6]]).toEqual([0, 0, 0]);
  });
});

describe('OCR progress', () => {
  it('spreads the stages over one bar that never goes back', () => {
    expect(overallProgress('loading', 0)).toBe(0);
    expect(overallProgress('printed', 1)).toBe(1);
    expect(overallProgress('mrz', 0.5)).toBeCloseTo(0.35);
    const bar = monotonic();
    expect([0.3, 0.1, 0.6].map(bar)).toEqual([0.3, 0.3, 0.6]);
  });
});

describe('the sides of a document', () => {
  const pass = { text: 'x', confidence: 50 };
  const side = (s: SideRead['side'], ocrMs: number): SideRead => ({
    side: s,
    photo: new Blob([s]),
    ocr: { mrz: null, printed: pass },
    ocrMs,
    failed: false,
  });

  it("sends the ID card's front, reads both sides and adds their OCR time", () => {
    const front = side('front', 3000);
    const done = documentDone([front, side('back', 4000)]);
    expect(done?.photo).toBe(front.photo);
    expect(done?.ocrMs).toBe(7000);
    expect(documentDone([side('back', 1)])).toBeNull();
  });
});
