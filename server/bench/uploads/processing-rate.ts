/**
 * Part 1: the processing step alone, in this process (no HTTP, no database): check the type,
 * hash the original, decode, turn upright, strip metadata, store the JPEG, thumbnail, sharpness,
 * hash the stored image — `renderSheet` and `sha256OfFile`, exactly what the server runs per photo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { photoTypeOf, readHead } from '../../src/answer-sheets/photo-type.js';
import { ProcessingQueue } from '../../src/answer-sheets/processing-queue.js';
import { renderSheet, sha256OfFile } from '../../src/answer-sheets/render-sheet.js';
import type { BenchPhoto } from './photos.js';

export interface RateResult {
  photos: number;
  /** One at a time: wall seconds per photo, and CPU seconds per photo (all threads of this process). */
  sequential: { wallPerPhoto: number; cpuPerPhoto: number; byOrientation: Record<string, number> };
  /** `cores` at a time through the server's queue. */
  parallel: { cores: number; photosPerSecond: number; cpuPerPhoto: number };
  /** Peak RSS of this process while processing, MB. */
  maxRssMb: number;
  /** The stored image: mean MB and sharpness. */
  storedMb: number;
  sharpness: number[];
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function processOne(photo: BenchPhoto, dir: string, n: number) {
  const type = photoTypeOf(await readHead(photo.file));
  if (!type) throw new Error(`${photo.file} is not a photo`);
  await sha256OfFile(photo.file);
  return renderSheet(photo.file, type, {
    image: path.join(dir, `${n}.jpg`),
    thumbnail: path.join(dir, `${n}.thumb.jpg`),
  });
}

export async function measureProcessing(photos: BenchPhoto[], rounds: number): Promise<RateResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'adal-bench-render-'));
  try {
    // Warm-up: libvips and the JIT, not measured.
    await processOne(photos[0] as BenchPhoto, dir, -1);
    const byOrientation: Record<string, number[]> = {};
    const sharpness: number[] = [];
    let storedBytes = 0;
    let n = 0;
    const wall0 = performance.now();
    const cpu0 = cpuSeconds();
    for (let r = 0; r < rounds; r++)
      for (const photo of photos) {
        const c = cpuSeconds();
        const out = await processOne(photo, dir, n++);
        (byOrientation[`orientation ${photo.orientation}`] ??= []).push(cpuSeconds() - c);
        if (r === 0) {
          sharpness.push(out.sharpness);
          storedBytes += out.byteSize;
        }
      }
    const sequentialCount = n;
    const sequential = {
      wallPerPhoto: (performance.now() - wall0) / 1000 / sequentialCount,
      cpuPerPhoto: (cpuSeconds() - cpu0) / sequentialCount,
      byOrientation: Object.fromEntries(
        Object.entries(byOrientation).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length]),
      ),
    };

    const cores = availableParallelism();
    const queue = new ProcessingQueue(cores);
    const jobs = Array.from({ length: rounds }, () => photos).flat();
    const pWall = performance.now();
    const pCpu = cpuSeconds();
    await Promise.all(jobs.map((photo) => queue.run(() => processOne(photo, dir, n++))));
    const seconds = (performance.now() - pWall) / 1000;
    return {
      photos: sequentialCount,
      sequential,
      parallel: {
        cores,
        photosPerSecond: jobs.length / seconds,
        cpuPerPhoto: (cpuSeconds() - pCpu) / jobs.length,
      },
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      storedMb: storedBytes / photos.length / 1e6,
      sharpness,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
