import { describe, expect, it } from 'vitest';
import { photoTypeOf } from './photo-type.js';
import { laplacianVariance } from './sharpness.js';
import { sheetKeys } from './sheet-files.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible);
};

describe('photoTypeOf (by content only)', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['HEIC (iPhone)', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['HEIF with a HEVC brand', ftyp('mif1', 'mif1', 'heic'), 'image/heic'],
    ['AVIF', ftyp('avif', 'mif1', 'avif'), null],
    ['HEIF without HEVC', ftyp('mif1', 'mif1', 'avif'), null],
    ['MP4 video', ftyp('isom', 'isom', 'mp41'), null],
    ['PDF', bytes('%PDF-1.7\n'), null],
    ['text', bytes('These are my answers'), null],
    ['GIF', bytes('GIF89a'), null],
    ['empty', bytes(), null],
  ] as const)('%s', (_name, head, type) => {
    expect(photoTypeOf(head)).toBe(type);
  });
});

describe('sheetKeys', () => {
  it('builds keys from UUIDs only', () => {
    const id = '0b7e6f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(sheetKeys(id, id, id)).toEqual({
      storageKey: `${id}/${id}/${id}.jpg`,
      thumbnailKey: `${id}/${id}/${id}.thumb.jpg`,
    });
    expect(() => sheetKeys('..', id, id)).toThrow(/not a uuid/);
    expect(() => sheetKeys(id, `${id}/..`, id)).toThrow(/not a uuid/);
  });
});

describe('laplacianVariance', () => {
  it('is zero on a flat image and grows with sharp edges', () => {
    const flat = new Uint8Array(25).fill(128);
    expect(laplacianVariance(flat, 5, 5)).toBe(0);
    const edge = Uint8Array.from({ length: 25 }, (_, i) => (i % 5 < 2 ? 0 : 255));
    const soft = Uint8Array.from({ length: 25 }, (_, i) => [0, 64, 128, 192, 255][i % 5] as number);
    expect(laplacianVariance(edge, 5, 5)).toBeGreaterThan(laplacianVariance(soft, 5, 5));
    expect(laplacianVariance(new Uint8Array(4), 2, 2)).toBe(0);
  });
});
