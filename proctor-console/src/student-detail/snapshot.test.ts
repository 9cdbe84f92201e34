import { SNAPSHOT_MAX_BYTES, SnapshotData } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  type EncodingStep,
  encodeWithinLimit,
  encodingPlan,
  fitWidth,
  JPEG_QUALITIES,
} from './snapshot.js';

describe('fitWidth', () => {
  it('scales a wide frame down to 640 px, keeping the aspect ratio', () => {
    expect(fitWidth(1280, 720)).toEqual({ width: 640, height: 360 });
    expect(fitWidth(1920, 1080)).toEqual({ width: 640, height: 360 });
  });

  it('never scales a small frame up', () => {
    expect(fitWidth(320, 240)).toEqual({ width: 320, height: 240 });
  });

  it('refuses a video with no frame yet', () => {
    expect(() => fitWidth(0, 0)).toThrow();
  });
});

describe('encodeWithinLimit', () => {
  /** A fake JPEG encoder: size grows with pixels and quality, like the real one does. */
  const fakeEncoder = (bytesPerPixelAtFull: number) => {
    const tried: EncodingStep[] = [];
    const encode = async (step: EncodingStep) => {
      tried.push(step);
      return new Blob([
        new Uint8Array(Math.round(step.width * step.height * bytesPerPixelAtFull * step.quality)),
      ]);
    };
    return { tried, encode };
  };

  it('takes the first quality that fits, stepping down from the best', async () => {
    const { tried, encode } = fakeEncoder(0.4);
    const result = await encodeWithinLimit(encodingPlan(1280, 720), encode);
    // 640×360×0.4 = 92,160 bytes at quality 1: 0.85 and 0.75 are too big, 0.65 fits (59,904).
    expect(tried.map((s) => s.quality)).toEqual([0.85, 0.75, 0.65]);
    expect(result?.step).toEqual({ width: 640, height: 360, quality: 0.65 });
    expect(result?.blob.size).toBeLessThanOrEqual(SNAPSHOT_MAX_BYTES);
  });

  it('makes the image smaller when even the lowest quality is too big', async () => {
    const { tried, encode } = fakeEncoder(1.5);
    const result = await encodeWithinLimit(encodingPlan(640, 480), encode);
    expect(tried.slice(0, JPEG_QUALITIES.length).every((s) => s.width === 640)).toBe(true);
    expect(result?.step.width).toBeLessThan(640);
    expect(result?.blob.size).toBeLessThanOrEqual(SNAPSHOT_MAX_BYTES);
  });

  it('gives up (null) when nothing fits or the encoder fails', async () => {
    const huge = async () => new Blob([new Uint8Array(SNAPSHOT_MAX_BYTES + 1)]);
    expect(await encodeWithinLimit(encodingPlan(640, 480), huge)).toBeNull();
    expect(await encodeWithinLimit(encodingPlan(640, 480), async () => null)).toBeNull();
  });
});

describe('bytesToBase64', () => {
  it('is standard base64 without a data: prefix, accepted by the API schema', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe('/9j/4AAQ');
    expect(encoded.startsWith('data:')).toBe(false);
    expect(SnapshotData.safeParse(encoded).success).toBe(true);
  });

  it('encodes a full-size snapshot (larger than one chunk) correctly and within the schema', () => {
    const bytes = new Uint8Array(SNAPSHOT_MAX_BYTES).map((_, i) => (i * 31) % 256);
    const encoded = bytesToBase64(bytes);
    expect(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))).toEqual(bytes);
    expect(SnapshotData.safeParse(encoded).success).toBe(true);
  });
});
