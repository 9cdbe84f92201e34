import { describe, expect, it } from 'vitest';
import { encodeWithin, toBase64 } from './snapshot.js';

describe('snapshot size', () => {
  it('lowers the JPEG quality until the picture fits', async () => {
    const asked: number[] = [];
    const blob = await encodeWithin(async (quality) => {
      asked.push(quality);
      return new Blob([new Uint8Array(Math.round(quality * 100_000))]);
    }, 55_000);
    expect(asked).toEqual([0.7, 0.6, 0.5]);
    expect(blob?.size).toBe(50_000);
  });

  it('gives no picture when none fits', async () => {
    expect(await encodeWithin(async () => new Blob([new Uint8Array(70_000)]), 60_000)).toBeNull();
  });

  it('encodes base64 without a data: prefix', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    const text = await toBase64(new Blob([bytes]));
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
  });
});
