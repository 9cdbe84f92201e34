/** Files that pretend to be photos or documents: other formats, bombs, broken pictures. */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1-bit greyscale PNG of the given size whose pixel data is `rows` (already filtered). */
function png(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'binary'),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real, complete PNG of 15,000 × 15,000 black pixels (225 MP) in about 30 KB. */
export function flatPngBomb(side = 15_000): Buffer {
  const row = 1 + Math.ceil(side / 8);
  return png(side, side, deflateSync(Buffer.alloc(row * side), { level: 9 }));
}

/** A few hundred bytes that declare 50,000 × 50,000 pixels (2.5 GP) and hold almost none of them. */
export const declaredPngBomb = () => png(50_000, 50_000, deflateSync(Buffer.alloc(4096)));

/** A real JPEG whose frame header is rewritten to claim `width` × `height`. */
export async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  for (let i = 2; i < jpeg.length - 9; i++)
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return jpeg;
    }
  throw new Error('no frame header in the JPEG');
}

/** The first part of a real photo-sized JPEG, as a dropped upload leaves it. */
export async function truncatedJpeg(width = 1200, height = 1600, keep = 0.5): Promise<Buffer> {
  const noise = Buffer.alloc(120 * 160 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  const full = await sharp(noise, { raw: { width: 120, height: 160, channels: 3 } })
    .resize(width, height)
    .jpeg({ quality: 90 })
    .toBuffer();
  return full.subarray(0, Math.floor(full.length * keep));
}

/** Other formats under a picture's name, by their real first bytes. */
export const IMPOSTORS: Record<string, Buffer> = {
  zip: Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'binary'), Buffer.alloc(2000, 0x33)]),
  pdf: Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${'%'.repeat(2000)}\n%%EOF\n`),
  html: Buffer.from(`<!doctype html><html><script>alert(document.cookie)</script>${' '.repeat(2000)}</html>`),
  exe: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'binary'), Buffer.alloc(2000, 0)]),
  svg: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">${' '.repeat(2000)}</svg>`),
  /** JPEG magic bytes and nothing of a JPEG after them. */
  magicOnly: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]),
};

/** File names that try to climb out of a folder, or hide what they are. */
export const HOSTILE_NAMES = [
  '../../etc/passwd.jpg',
  '/etc/passwd.jpg',
  '..\\..\\windows\\system32\\x.jpg',
  'C:\\Users\\Public\\page.jpg',
  'page\u0000.exe.jpg',
  'invoice\u202Egpj.exe',
  `${'a'.repeat(250)}.jpg`,
  '.jpg',
];
