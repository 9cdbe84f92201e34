/**
 * Greyscale and a contrast stretch (the 2nd to the 98th percentile of brightness spread over
 * 0–255), in place on RGBA pixels. Phone and webcam photos of a card are grey on grey; the
 * legacy engine reading the MRZ wants dark print on a light ground.
 */
export function enhanceForOcr(rgba: Uint8ClampedArray | Uint8Array): void {
  const pixels = rgba.length / 4;
  if (pixels === 0) return;
  const histogram = new Uint32Array(256);
  const grey = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) {
    const i = p * 4;
    // ITU-R BT.601 luma.
    const y = Math.round(0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0));
    grey[p] = y;
    histogram[y] = (histogram[y] ?? 0) + 1;
  }
  const low = percentile(histogram, pixels, 0.02);
  const high = percentile(histogram, pixels, 0.98);
  const span = Math.max(1, high - low);
  for (let p = 0; p < pixels; p++) {
    const i = p * 4;
    const stretched = Math.min(255, Math.max(0, Math.round((((grey[p] ?? 0) - low) * 255) / span)));
    rgba[i] = stretched;
    rgba[i + 1] = stretched;
    rgba[i + 2] = stretched;
    rgba[i + 3] = 255;
  }
}

function percentile(histogram: Uint32Array, total: number, fraction: number): number {
  const target = total * fraction;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] ?? 0;
    if (seen >= target) return value;
  }
  return 255;
}
