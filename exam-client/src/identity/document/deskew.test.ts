// @vitest-environment node
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkewDegrees, lumaOf } from './deskew.js';

/** Three MRZ-like lines of monospace print on a light card, 1284 × 290 (an ID card's band). */
function bandSvg(): Buffer {
  const lines = [
    'IDKAZ0456123784040512500320<<<',
    '0405125M3405118KAZ<<<<<<<<<<<4',
    'ALIEV<<ARMAN<<<<<<<<<<<<<<<<<<',
  ];
  const text = lines
    .map(
      (s, i) =>
        `<text x="40" y="${80 + i * 78}" font-family="DejaVu Sans Mono" font-size="62">${s.replace(/</g, '&lt;')}</text>`,
    )
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1284" height="290"><rect width="100%" height="100%" fill="#dfe8e4"/>${text}</svg>`,
  );
}

/** The band turned `degrees` clockwise on a dark desk (sharp turns positive angles clockwise). */
async function turned(degrees: number): Promise<{ grey: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(await sharp(bandSvg()).png().toBuffer())
    .rotate(degrees, { background: '#4a4e54' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { grey: lumaOf(data), width: info.width, height: info.height };
}

describe('finding how far a document is turned', () => {
  it.each([0, 3, -3, 5.5, -1.25])('finds %s° within a quarter of a degree', async (degrees) => {
    const { grey, width, height } = await turned(degrees);
    expect(Math.abs(estimateSkewDegrees(grey, width, height) - degrees)).toBeLessThanOrEqual(0.25);
  });

  it('leaves a blank page and a flat grey photo at 0°', () => {
    expect(estimateSkewDegrees(new Uint8Array(400 * 100).fill(200), 400, 100)).toBe(0);
  });

  it('takes RGBA pixels to one luma byte each', () => {
    expect([...lumaOf(new Uint8Array([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]))]).toEqual([
      255, 0, 76,
    ]);
  });
});
