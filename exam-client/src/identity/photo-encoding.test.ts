import { describe, expect, it } from 'vitest';
import { jpegTries, toBase64 } from './photo-encoding.js';

describe('fitting a photo into the size limit', () => {
  it('lowers the quality first, then the size, never below 320 px', () => {
    const tries = jpegTries(3000, 1600);
    expect(tries.slice(0, 4)).toEqual([
      { width: 1600, quality: 0.9 },
      { width: 1600, quality: 0.8 },
      { width: 1600, quality: 0.7 },
      { width: 1600, quality: 0.6 },
    ]);
    expect(tries[4]).toEqual({ width: 1200, quality: 0.9 });
    expect(tries.at(-1)).toEqual({ width: 320, quality: 0.6 });
  });

  it('never scales a small photo up', () => {
    expect(jpegTries(500, 1600)[0]?.width).toBe(500);
  });

  it('writes base64 without a data: prefix', async () => {
    expect(await toBase64(new Blob(['hello']))).toBe('aGVsbG8=');
  });
});
