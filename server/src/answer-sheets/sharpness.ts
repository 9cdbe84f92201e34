import { SHARPNESS_THRESHOLD } from '@adal/shared';

/**
 * Variance of the Laplacian (4-neighbour kernel) over the inner pixels of a greyscale image:
 * edges of ink give large responses, a blurred page only small ones. A well-known focus measure
 * (Pech-Pacheco et al., 2000), cheap enough to run on every upload.
 */
export function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const v =
        (grey[i - 1] as number) +
        (grey[i + 1] as number) +
        (grey[i - width] as number) +
        (grey[i + width] as number) -
        4 * (grey[i] as number);
      sum += v;
      sumSq += v * v;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Rec. 601 luma of interleaved RGB (or RGBA) pixels. */
export function luma(pixels: Uint8Array, channels: number): Uint8Array {
  const grey = new Uint8Array(pixels.length / channels);
  for (let i = 0, p = 0; i < grey.length; i++, p += channels)
    grey[i] = Math.round(
      0.299 * (pixels[p] as number) + 0.587 * (pixels[p + 1] as number) + 0.114 * (pixels[p + 2] as number),
    );
  return grey;
}

export interface Sharpness {
  sharpness: number;
  blurred: boolean;
}

/**
 * The focus measure of an upright image already scaled to SHARPNESS_WIDTH px wide (so photos of
 * any resolution are compared on one scale); `blurred` under SHARPNESS_THRESHOLD.
 */
export function sharpnessOf(pixels: Uint8Array, width: number, height: number, channels: number): Sharpness {
  const grey = channels === 1 ? pixels : luma(pixels, channels);
  const sharpness = Math.round(laplacianVariance(grey, width, height) * 10) / 10;
  return { sharpness, blurred: sharpness < SHARPNESS_THRESHOLD };
}
