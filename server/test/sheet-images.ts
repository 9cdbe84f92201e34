/**
 * Synthetic answer-sheet photos for the answer-sheet tests and `npm run bench:uploads`: an A4 page
 * of handwriting-like strokes on slightly uneven paper, optionally out of focus, with sensor
 * noise, encoded like a phone camera (JPEG, EXIF orientation, GPS). Strokes instead of text: no
 * font is needed, so the pictures are the same on every machine.
 */
import sharp from 'sharp';

export interface SheetPhotoOptions {
  /** Width of the upright page in pixels; the height is A4's √2 times that. */
  width: number;
  /** Defocus: Gaussian σ in pixels of this image, applied before the noise (0 = in focus). */
  blurSigma?: number;
  /** Sensor noise σ (0–255 scale); 0 = none. */
  noise?: number;
  /** Seed of the strokes: the same seed draws the same page. */
  seed?: number;
  /**
   * EXIF orientation to store the photo with; the pixels are turned so that a viewer honouring
   * it shows the page upright (6: the sensor's landscape picture of a portrait page).
   */
  orientation?: 1 | 3 | 6 | 8;
  /** GPS position and camera make written into EXIF, as a phone does. */
  withGps?: boolean;
  quality?: number;
  format?: 'jpeg' | 'png' | 'webp';
  /**
   * The upright picture's size when the page lies on a desk (a photo's frame, e.g. 3000 × 4000):
   * the page is scaled to fit with a margin. Unset: the picture is the page.
   */
  frame?: { width: number; height: number };
}

/** Mulberry32: a small seeded generator, so pages are repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ruled lines and, on them, "words": short zig-zag pen strokes of a few letter widths. */
export function handwritingSvg(width: number, height: number, seed = 1): string {
  const rnd = random(seed);
  const line = width / 28;
  const letter = line * 0.45;
  const pen = Math.max(1, width / 900);
  const paths: string[] = [];
  const rules: string[] = [];
  for (let y = line * 3; y < height - line * 2; y += line) {
    rules.push(`M${(width * 0.06).toFixed(1)} ${y.toFixed(1)}H${(width * 0.96).toFixed(1)}`);
    let x = width * 0.08 + rnd() * letter * 2;
    while (x < width * 0.9) {
      const letters = 2 + Math.floor(rnd() * 7);
      let d = `M${x.toFixed(1)} ${(y - letter * 0.2).toFixed(1)}`;
      for (let i = 0; i < letters * 2; i++) {
        x += letter * (0.3 + rnd() * 0.35);
        const up = i % 2 === 0 ? letter * (0.6 + rnd() * (rnd() < 0.2 ? 1.2 : 0.4)) : letter * 0.1 * rnd();
        d += `L${x.toFixed(1)} ${(y - up).toFixed(1)}`;
      }
      paths.push(d);
      x += letter * (1 + rnd() * 1.5);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="light" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="#f4f2ec"/><stop offset="1" stop-color="#d9d6cf"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#light)"/>
<path d="${rules.join('')}" stroke="#9fb4d0" stroke-width="${(pen * 0.6).toFixed(2)}" fill="none"/>
<path d="${paths.join('')}" stroke="#1d2a6b" stroke-width="${pen.toFixed(2)}" fill="none" stroke-linejoin="round" stroke-linecap="round"/>
</svg>`;
}

/** Turns an upright page so that a viewer applying `orientation` shows it upright again. */
const STORED_ANGLE: Record<1 | 3 | 6 | 8, number> = { 1: 0, 3: 180, 6: 270, 8: 90 };

/** The photo's bytes. */
export async function sheetPhoto(o: SheetPhotoOptions): Promise<Buffer> {
  const pageWidth = o.frame
    ? Math.round(Math.min(o.frame.width * 0.92, (o.frame.height * 0.92) / Math.SQRT2))
    : o.width;
  const pageHeight = Math.round(pageWidth * Math.SQRT2);
  let page = sharp(Buffer.from(handwritingSvg(pageWidth, pageHeight, o.seed ?? 1))).flatten({
    background: '#fff',
  });
  if (o.frame) {
    const onDesk = await page.png({ compressionLevel: 1 }).toBuffer();
    page = sharp({
      create: { width: o.frame.width, height: o.frame.height, channels: 3, background: '#6b5a48' },
    }).composite([
      {
        input: onDesk,
        left: Math.round((o.frame.width - pageWidth) / 2),
        top: Math.round((o.frame.height - pageHeight) / 2),
      },
    ]);
  }
  const width = o.frame?.width ?? pageWidth;
  const height = o.frame?.height ?? pageHeight;
  const rgb = { raw: { width, height, channels: 3 as const } };
  let raw = await page.removeAlpha().raw().toBuffer();
  if (o.blurSigma && o.blurSigma >= 0.3) raw = await sharp(raw, rgb).blur(o.blurSigma).raw().toBuffer();
  if (o.noise) {
    const rnd = random((o.seed ?? 1) * 7919);
    // Sum of two uniforms: a cheap bell-shaped noise, the same on every colour channel.
    const amp = o.noise * Math.sqrt(6);
    raw = Buffer.from(raw);
    for (let i = 0; i < raw.length; i += 3) {
      const n = (rnd() + rnd() - 1) * amp;
      for (let c = 0; c < 3; c++) raw[i + c] = Math.max(0, Math.min(255, (raw[i + c] as number) + n));
    }
  }
  const orientation = o.orientation ?? 1;
  let out = sharp(raw, rgb).rotate(STORED_ANGLE[orientation]);
  if (o.format === 'png') return out.png().toBuffer();
  if (o.format === 'webp') return out.webp({ quality: o.quality ?? 90 }).toBuffer();
  out = out.jpeg({ quality: o.quality ?? 92 });
  if (orientation !== 1 || o.withGps)
    out = out.withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Software: 'Camera 1.0' },
      ...(o.withGps
        ? {
            IFD3: {
              GPSLatitudeRef: 'N',
              GPSLatitude: '43/1 14/1 5/1',
              GPSLongitudeRef: 'E',
              GPSLongitude: '76/1 53/1 45/1',
            },
          }
        : {}),
    });
  // sharp writes the orientation tag itself (a tag given to withExif is dropped).
  if (orientation !== 1) out = out.withMetadata({ orientation });
  return out.toBuffer();
}
