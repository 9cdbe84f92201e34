import { SNAPSHOT_MAX_BYTES } from '@adal/shared';

/**
 * A still from the live webcam for a raised violation: at most 640 px wide, JPEG, under the
 * server's 64 KB limit. The quality steps down until the image fits; if even the lowest quality
 * is too large (a very busy frame), the image gets smaller too.
 */

export const SNAPSHOT_MAX_WIDTH = 640;
export const JPEG_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35, 0.25] as const;
/** Fractions of the fitted width tried after every quality failed at the previous size. */
const SIZE_STEPS = [1, 0.75, 0.5] as const;

export interface EncodingStep {
  width: number;
  height: number;
  quality: number;
}

/** The frame's size scaled down (never up) to `maxWidth`, keeping its aspect ratio. */
export function fitWidth(width: number, height: number, maxWidth = SNAPSHOT_MAX_WIDTH) {
  if (width <= 0 || height <= 0) throw new Error('the video has no frame yet');
  const scale = Math.min(1, maxWidth / width);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Every encoding to try, in order: each quality at the fitted size, then the same at smaller sizes. */
export function encodingPlan(width: number, height: number, maxWidth = SNAPSHOT_MAX_WIDTH): EncodingStep[] {
  const fitted = fitWidth(width, height, maxWidth);
  return SIZE_STEPS.flatMap((fraction) => {
    const size = fitWidth(fitted.width, fitted.height, Math.round(fitted.width * fraction));
    return JPEG_QUALITIES.map((quality) => ({ ...size, quality }));
  });
}

/**
 * Encodes step by step until a result is within `limit` bytes; null if none is (or the encoder
 * gives up, as canvas.toBlob does by answering null).
 */
export async function encodeWithinLimit(
  plan: readonly EncodingStep[],
  encode: (step: EncodingStep) => Promise<Blob | null>,
  limit = SNAPSHOT_MAX_BYTES,
): Promise<{ blob: Blob; step: EncodingStep } | null> {
  for (const step of plan) {
    const blob = await encode(step);
    if (blob && blob.size <= limit) return { blob, step };
  }
  return null;
}

/** Standard base64 of some bytes, without a `data:` prefix (what the API's SnapshotData expects). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
