/**
 * How far a document photo is turned in its plane. A card held a few degrees askew puts the
 * MRZ's lines across each other in the band, and the legacy engine (which reads a block of
 * level lines) then misses characters; tesseract's own layout deskew did not recover them.
 *
 * The method is a projection profile: the pixels where brightness changes sharply from the row
 * above to the row below (the tops and bottoms of printed letters, the document's edge) are
 * summed along lines at each trial angle; at the document's angle the text lines fall into few
 * rows and the profile is sharpest (largest sum of squares). Edges rather than dark pixels, so a
 * dark desk around the card does not outweigh the print.
 */

export interface SkewOptions {
  /** The largest angle tried either way, in degrees. */
  maxDegrees?: number;
  /** The step between trial angles, in degrees. */
  stepDegrees?: number;
}

/** Below this the photo is left as it is: resampling blurs print more than the angle hurts. */
export const MIN_CORRECTED_DEGREES = 0.5;

/**
 * The angle, in degrees clockwise on screen (y grows downwards), that the lines of `grey`
 * (one byte a pixel, row by row) are turned by. Rotating the photo by minus this levels them.
 */
export function estimateSkewDegrees(
  grey: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  { maxDegrees = 6, stepDegrees = 0.25 }: SkewOptions = {},
): number {
  const ink = edgePixels(grey, width, height);
  if (ink.length < 2 * 20) return 0;

  // Rows of the profile may go past the image by width·tan(max) at either end.
  const reach = Math.ceil(width * Math.tan((maxDegrees * Math.PI) / 180)) + 1;
  const profile = new Float64Array(height + 2 * reach);
  let best = 0;
  let bestScore = -1;
  const steps = Math.round(maxDegrees / stepDegrees);
  for (let k = -steps; k <= steps; k++) {
    const degrees = k * stepDegrees;
    const slope = Math.tan((degrees * Math.PI) / 180);
    profile.fill(0);
    for (let i = 0; i < ink.length; i += 2) {
      const x = ink[i] ?? 0;
      const y = ink[i + 1] ?? 0;
      const row = Math.round(y - x * slope) + reach;
      profile[row] = (profile[row] ?? 0) + 1;
    }
    let score = 0;
    for (const count of profile) score += count * count;
    // Ties (a blank band) go to the smaller angle: never turn a photo without a reason.
    if (score > bestScore || (score === bestScore && Math.abs(degrees) < Math.abs(best))) {
      bestScore = score;
      best = degrees;
    }
  }
  return best;
}

/**
 * Coordinates of the pixels whose rows above and below differ by more than a third of the
 * image's contrast (its 5th to 95th percentile of brightness), as x0,y0,x1,y1,…
 */
function edgePixels(grey: Uint8Array | Uint8ClampedArray, width: number, height: number): Int32Array {
  const histogram = new Uint32Array(256);
  const total = width * height;
  for (let p = 0; p < total; p++) {
    const value = grey[p] ?? 0;
    histogram[value] = (histogram[value] ?? 0) + 1;
  }
  const threshold = (level(histogram, total, 0.95) - level(histogram, total, 0.05)) / 3;
  if (threshold < 8) return new Int32Array(0);
  const coordinates: number[] = [];
  for (let y = 1; y < height - 1; y++)
    for (let x = 0; x < width; x++) {
      const change = (grey[(y + 1) * width + x] ?? 0) - (grey[(y - 1) * width + x] ?? 0);
      if (Math.abs(change) > threshold) coordinates.push(x, y);
    }
  return Int32Array.from(coordinates);
}

function level(histogram: Uint32Array, total: number, fraction: number): number {
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] ?? 0;
    if (seen >= total * fraction) return value;
  }
  return 255;
}

/** ITU-R BT.601 luma of RGBA pixels, one byte a pixel. */
export function lumaOf(rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  const grey = new Uint8Array(rgba.length / 4);
  for (let p = 0; p < grey.length; p++) {
    const i = p * 4;
    grey[p] = Math.round(0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0));
  }
  return grey;
}
