import { open } from 'node:fs/promises';

/** What a file is by its first bytes (never by its name or a header the client sent). */
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

/** HEIF brands of HEVC-coded pictures (iPhone photos are `heic`); AVIF and others are not accepted. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
/** Generic HEIF brands: HEIC only when a HEVC brand is among the compatible ones. */
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function photoTypeOf(head: Uint8Array): PhotoType | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 4, 8) === 'ftyp') {
    const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
    const major = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(major)) return 'image/heic';
    if (HEIF_BRANDS.has(major)) {
      // Compatible brands follow the major brand and its version, up to the end of the box.
      for (let i = 16; i + 4 <= Math.min(boxSize, head.length); i += 4)
        if (HEIC_BRANDS.has(ascii(head, i, i + 4))) return 'image/heic';
    }
  }
  return null;
}

/** The first bytes of a file (fewer if it is shorter). */
export async function readHead(file: string, bytes = 64): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
