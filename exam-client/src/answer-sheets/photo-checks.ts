import { SHARPNESS_THRESHOLD, SHARPNESS_WIDTH } from '@adal/shared';

/**
 * Checks of an answer-sheet photo before it is uploaded: blurred, too dark, a page edge missing.
 * They only warn (the proctor decides); pure functions over RGBA pixels so they run on a canvas'
 * ImageData in the browser and on synthetic pixels in tests.
 *
 * Sharpness is the server's measure: the variance of the 4-neighbour Laplacian
 * ([0 1 0; 1 −4 1; 0 1 0]) over the inner pixels of a greyscale copy scaled to SHARPNESS_WIDTH
 * pixels wide (the caller scales; see photo-analysis.ts), flagged below SHARPNESS_THRESHOLD.
 */

/** RGBA pixels, four bytes each, row by row: what `ImageData` holds. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

export type Side = 'top' | 'right' | 'bottom' | 'left';
export const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

/** Below this mean luminance (0–255) a photo is too dark to read comfortably. */
export const DARK_THRESHOLD = 70;
/** The outer band looked at on each side, as a share of the image's height (top, bottom) or width. */
export const EDGE_BAND = 0.03;
/** A band pixel is "paper" when at least this share of the paper's brightness. */
export const PAPER_LEVEL_SHARE = 0.8;
/** A side is cut when more than this share of its band is paper. */
export const EDGE_PAPER_SHARE = 0.3;
/** Below this the page itself is too dark to tell paper from background: no edge verdict. */
export const MIN_PAPER_LEVEL = 90;

export interface PhotoCheck {
  /** Variance of the Laplacian (the server's measure). */
  sharpness: number;
  blurred: boolean;
  /** Mean luminance, 0–255. */
  brightness: number;
  dark: boolean;
  /** Sides where the sheet seems to run off the photo; null when it cannot be told. */
  cutSides: Side[] | null;
}

export type PhotoWarning = 'blurred' | 'dark' | 'edges';

/** Rec. 601 luma of each pixel, 0–255. */
export function greyscale({ width, height, data }: Pixels): Float32Array {
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const o = i * 4;
    grey[i] = 0.299 * (data[o] ?? 0) + 0.587 * (data[o + 1] ?? 0) + 0.114 * (data[o + 2] ?? 0);
  }
  return grey;
}

/** Variance of the 4-neighbour Laplacian over the inner pixels (0 for images under 3×3). */
export function laplacianVariance(grey: Float32Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const l =
        (grey[i - width] ?? 0) +
        (grey[i + width] ?? 0) +
        (grey[i - 1] ?? 0) +
        (grey[i + 1] ?? 0) -
        4 * (grey[i] ?? 0);
      sum += l;
      sumSq += l * l;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

export function meanLuminance(grey: Float32Array): number {
  let sum = 0;
  for (const v of grey) sum += v;
  return grey.length ? sum / grey.length : 0;
}

/** Median of the pixels in [x0, x1) × [y0, y1), from a 256-bin histogram. */
function regionMedian(grey: Float32Array, width: number, x0: number, x1: number, y0: number, y1: number) {
  const bins = new Uint32Array(256);
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = Math.min(255, Math.max(0, Math.round(grey[y * width + x] ?? 0)));
      bins[v] = (bins[v] ?? 0) + 1;
      n++;
    }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += bins[v] ?? 0;
    if (seen * 2 >= n) return v;
  }
  return 255;
}

/**
 * Where the sheet runs off the photo. A sheet in frame is a bright region with a darker margin
 * on all four sides, so: the paper's brightness is the median of the middle half of the photo
 * (ink is a minority there); on each side, the outer band (EDGE_BAND of the photo) is looked
 * at, and if more than EDGE_PAPER_SHARE of its pixels are as bright as paper
 * (PAPER_LEVEL_SHARE of it), the paper reaches that edge: the page is probably cut there. A
 * corner touching the edge passes; a white desk around the sheet warns falsely (a warning only).
 */
export function cutSides(grey: Float32Array, width: number, height: number): Side[] | null {
  if (width < 8 || height < 8) return null;
  const paper = regionMedian(
    grey,
    width,
    Math.floor(width / 4),
    Math.ceil((width * 3) / 4),
    Math.floor(height / 4),
    Math.ceil((height * 3) / 4),
  );
  if (paper < MIN_PAPER_LEVEL) return null;
  const bright = paper * PAPER_LEVEL_SHARE;
  const bandY = Math.max(2, Math.round(height * EDGE_BAND));
  const bandX = Math.max(2, Math.round(width * EDGE_BAND));
  const share = (x0: number, x1: number, y0: number, y1: number) => {
    let count = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) if ((grey[y * width + x] ?? 0) >= bright) count++;
    return count / ((x1 - x0) * (y1 - y0));
  };
  const bands: Record<Side, number> = {
    top: share(0, width, 0, bandY),
    bottom: share(0, width, height - bandY, height),
    left: share(0, bandX, 0, height),
    right: share(width - bandX, width, 0, height),
  };
  return SIDES.filter((side) => bands[side] > EDGE_PAPER_SHARE);
}

/** Every check at once, on pixels already scaled to SHARPNESS_WIDTH wide. */
export function checkSheetPhoto(pixels: Pixels): PhotoCheck {
  const { width, height } = pixels;
  const grey = greyscale(pixels);
  const sharpness = laplacianVariance(grey, width, height);
  const brightness = meanLuminance(grey);
  return {
    sharpness,
    blurred: sharpness < SHARPNESS_THRESHOLD,
    brightness,
    dark: brightness < DARK_THRESHOLD,
    cutSides: cutSides(grey, width, height),
  };
}

export function photoWarnings(check: PhotoCheck): PhotoWarning[] {
  const warnings: PhotoWarning[] = [];
  if (check.blurred) warnings.push('blurred');
  if (check.dark) warnings.push('dark');
  if (check.cutSides && check.cutSides.length > 0) warnings.push('edges');
  return warnings;
}

/** The size a photo is checked at: SHARPNESS_WIDTH wide, height in proportion (the server's copy). */
export function checkSize(width: number, height: number): { width: number; height: number } {
  return { width: SHARPNESS_WIDTH, height: Math.max(1, Math.round((height * SHARPNESS_WIDTH) / width)) };
}
