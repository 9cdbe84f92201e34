import { SHARPNESS_THRESHOLD, SHARPNESS_WIDTH } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  checkSheetPhoto,
  checkSize,
  cutSides,
  DARK_THRESHOLD,
  greyscale,
  laplacianVariance,
  type Pixels,
  photoWarnings,
} from './photo-checks.js';

/** Synthetic ImageData: a grey level per pixel, written as RGBA. */
function pixels(width: number, height: number, level: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const v = level(x, y);
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
      data[o + 3] = 255;
    }
  return { width, height, data };
}

/** Handwriting-like strokes: lines of text 8 px high every 16 px, thin vertical strokes in them. */
const text = (x: number, y: number) => y % 16 < 8 && x % 5 < 2;

/** A sheet (220) with text, inset by `margin` of the photo on each side, on a desk (60). */
function sheet(
  width: number,
  height: number,
  inset: { top: number; right: number; bottom: number; left: number },
): Pixels {
  return pixels(width, height, (x, y) => {
    const onPaper =
      x >= width * inset.left &&
      x < width * (1 - inset.right) &&
      y >= height * inset.top &&
      y < height * (1 - inset.bottom);
    if (!onPaper) return 60;
    return text(x, y) ? 30 : 220;
  });
}

/** Separable box blur of radius r, `passes` times (three passes approach a Gaussian): out of focus. */
function blur(p: Pixels, r: number, passes: number): Pixels {
  const { width, height } = p;
  let grey = greyscale(p);
  for (let pass = 0; pass < passes; pass++) {
    const h = new Float32Array(grey.length);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let n = 0;
        for (let k = -r; k <= r; k++) {
          const xx = Math.min(width - 1, Math.max(0, x + k));
          sum += grey[y * width + xx] ?? 0;
          n++;
        }
        h[y * width + x] = sum / n;
      }
    const v = new Float32Array(grey.length);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let n = 0;
        for (let k = -r; k <= r; k++) {
          const yy = Math.min(height - 1, Math.max(0, y + k));
          sum += h[yy * width + x] ?? 0;
          n++;
        }
        v[y * width + x] = sum / n;
      }
    grey = v;
  }
  return pixels(width, height, (x, y) => grey[y * width + x] ?? 0);
}

const IN_FRAME = { top: 0.08, right: 0.08, bottom: 0.08, left: 0.08 };

describe('sharpness (variance of the Laplacian)', () => {
  it('is zero on a flat image and large on sharp text', () => {
    const flat = pixels(50, 50, () => 128);
    expect(laplacianVariance(greyscale(flat), 50, 50)).toBe(0);
    const sharp = sheet(300, 400, IN_FRAME);
    expect(laplacianVariance(greyscale(sharp), 300, 400)).toBeGreaterThan(SHARPNESS_THRESHOLD * 10);
  });

  it('flags the same sheet out of focus as blurred, and not the sharp one', () => {
    const sharp = sheet(300, 400, IN_FRAME);
    const soft = blur(sharp, 3, 3);
    const sharpCheck = checkSheetPhoto(sharp);
    const softCheck = checkSheetPhoto(soft);
    expect(sharpCheck.blurred).toBe(false);
    expect(softCheck.blurred).toBe(true);
    expect(softCheck.sharpness).toBeLessThan(SHARPNESS_THRESHOLD);
    expect(softCheck.sharpness).toBeLessThan(sharpCheck.sharpness / 10);
    expect(photoWarnings(softCheck)).toEqual(['blurred']);
    expect(photoWarnings(sharpCheck)).toEqual([]);
  });

  it('weighs the colours as luma', () => {
    const red = { width: 1, height: 1, data: [255, 0, 0, 255] };
    const green = { width: 1, height: 1, data: [0, 255, 0, 255] };
    expect(greyscale(red)[0]).toBeCloseTo(76.2, 1);
    expect(greyscale(green)[0]).toBeCloseTo(149.7, 1);
  });
});

describe('brightness', () => {
  it('flags a dark photo and passes a bright one', () => {
    const bright = checkSheetPhoto(sheet(200, 260, IN_FRAME));
    expect(bright.brightness).toBeGreaterThan(DARK_THRESHOLD);
    expect(bright.dark).toBe(false);
    // The same sheet under a dim lamp: every level at a sixth.
    const dim = sheet(200, 260, IN_FRAME);
    const dark = checkSheetPhoto({
      ...dim,
      data: Uint8ClampedArray.from(dim.data, (v, i) => (i % 4 === 3 ? v : v / 6)),
    });
    expect(dark.brightness).toBeLessThan(DARK_THRESHOLD);
    expect(dark.dark).toBe(true);
    expect(photoWarnings(dark)).toContain('dark');
  });
});

describe('page edges', () => {
  const sidesOf = (p: Pixels) => cutSides(greyscale(p), p.width, p.height);

  it('finds no side cut when the whole sheet is in frame with a margin', () => {
    expect(sidesOf(sheet(300, 400, IN_FRAME))).toEqual([]);
    expect(photoWarnings(checkSheetPhoto(sheet(300, 400, IN_FRAME)))).toEqual([]);
  });

  it('names the side where the sheet runs off the photo', () => {
    expect(sidesOf(sheet(300, 400, { ...IN_FRAME, right: 0 }))).toEqual(['right']);
    expect(sidesOf(sheet(300, 400, { ...IN_FRAME, top: 0, left: 0 }))).toEqual(['top', 'left']);
    const check = checkSheetPhoto(sheet(300, 400, { ...IN_FRAME, bottom: 0 }));
    expect(check.cutSides).toEqual(['bottom']);
    expect(photoWarnings(check)).toEqual(['edges']);
  });

  it('reports all four when the sheet fills the photo (no edge visible)', () => {
    expect(sidesOf(sheet(300, 400, { top: 0, right: 0, bottom: 0, left: 0 }))).toEqual([
      'top',
      'right',
      'bottom',
      'left',
    ]);
  });

  it('lets a corner touch the edge (a slightly turned sheet)', () => {
    // A sheet in frame, except a small triangle of paper reaching the top-right corner.
    const p = pixels(300, 400, (x, y) => {
      const inFrame = x >= 24 && x < 276 && y >= 32 && y < 368;
      const corner = x + (400 - y) > 300 + 400 - 40 && y < 40;
      return inFrame || corner ? 220 : 60;
    });
    expect(sidesOf(p)).toEqual([]);
  });

  it('gives no verdict when the photo is too dark to tell paper from desk', () => {
    expect(sidesOf(pixels(100, 100, () => 40))).toBeNull();
    expect(photoWarnings(checkSheetPhoto(pixels(100, 100, () => 40)))).toEqual(['blurred', 'dark']);
  });
});

describe('checkSize', () => {
  it('scales to the server’s width, keeping the proportions', () => {
    expect(checkSize(4000, 3000)).toEqual({ width: SHARPNESS_WIDTH, height: 750 });
    expect(checkSize(500, 700)).toEqual({ width: SHARPNESS_WIDTH, height: 1400 });
  });
});
