/**
 * Phone-like photos of answer sheets: 4000 × 3000 (12 MP) JPEGs at high quality, handwriting-like
 * strokes on an A4 page lying on a desk, sensor noise, camera EXIF with GPS; every other one is
 * a portrait shot stored landscape with EXIF orientation 6, as phones store them. 3–8 MB each.
 * Made once and kept in the system's temp folder (they take seconds each to draw).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sheetPhoto } from '../../test/sheet-images.js';

export interface BenchPhoto {
  file: string;
  bytes: Buffer;
  orientation: 1 | 6;
}

/** Bump when the photos change, so an old cache is not used. */
const VERSION = 2;

export async function benchPhotos(count: number, log: (line: string) => void): Promise<BenchPhoto[]> {
  const dir = path.join(tmpdir(), `adal-bench-uploads-v${VERSION}`);
  mkdirSync(dir, { recursive: true });
  const photos: BenchPhoto[] = [];
  for (let i = 0; i < count; i++) {
    const orientation = i % 2 === 0 ? 6 : 1;
    const file = path.join(dir, `sheet-${i + 1}-o${orientation}.jpg`);
    if (!existsSync(file)) {
      const started = performance.now();
      const bytes = await sheetPhoto({
        width: 3000,
        frame: { width: 3000, height: 4000 },
        // Phones differ: some noisier, some saving at higher quality.
        noise: 4 + (i % 4) * 1.5,
        quality: [90, 92, 95, 97][i % 4],
        seed: 1000 + i,
        orientation,
        withGps: true,
      });
      writeFileSync(file, bytes);
      log(
        `  drew ${path.basename(file)}: ${(bytes.length / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    photos.push({ file, bytes: readFileSync(file), orientation });
  }
  return photos;
}
