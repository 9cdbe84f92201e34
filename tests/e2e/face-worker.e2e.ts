import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FACE_MODEL_FILES, type FaceWorkerReply } from '../../exam-client/src/identity/face/face-protocol.js';
import { launchBrowser, newContext } from './support/browser.js';

/**
 * The face worker as the built exam client serves it: TF.js on WASM and the face mesh models load
 * from the server itself (offline), and the worker finds one face, two faces side by side, and
 * says "dark" for a black frame. Photos: face-api's demo group photo, cut into portraits.
 */
const baseUrl = inject('baseUrl');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(repoRoot, 'exam-client', 'package.json'));
const SAMPLE = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');

/** Two of the three faces in sample1.jpg (1920×1280), each cut as a 4:3 portrait with the face where the oval is. */
const PORTRAITS = [
  { sx: 1319, sy: 161, sw: 528, sh: 396 },
  { sx: 693, sy: 384, sw: 480, sh: 360 },
] as const;

/** The worker chunk Vite emitted for `new Worker(new URL('./face-worker.ts', …))`. */
function workerUrl(): string {
  const assets = join(repoRoot, 'exam-client', 'dist', 'assets');
  const file = readdirSync(assets).find((f) => /^face-worker-[\w-]+\.js$/.test(f));
  if (!file) throw new Error('exam-client/dist has no face-worker chunk: is FaceCapture in the build?');
  return `/assets/${file}`;
}

interface Found {
  faces: number;
  brightness: number;
  ms: number;
  widths: number[];
}

/** Runs in the page: a worker per call, loaded, then one `still` frame per picture. */
async function runWorker(
  page: Page,
  pictures: ('single' | 'pair' | 'black')[],
  files: Record<keyof typeof FACE_MODEL_FILES, string> = FACE_MODEL_FILES,
) {
  const jpeg = readFileSync(SAMPLE).toString('base64');
  return page.evaluate(
    async ({ url, files, jpeg, portraits, pictures }) => {
      const bytes = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
      const photo = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      const portrait = (i: number) => {
        const c = portraits[i] as (typeof portraits)[number];
        return createImageBitmap(photo, c.sx, c.sy, c.sw, c.sh, { resizeWidth: 640, resizeHeight: 480 });
      };
      const picture = async (kind: 'single' | 'pair' | 'black'): Promise<ImageBitmap> => {
        const canvas = new OffscreenCanvas(kind === 'pair' ? 1280 : 640, 480);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        if (kind === 'black') context.fillRect(0, 0, 640, 480);
        else context.drawImage(await portrait(0), 0, 0);
        if (kind === 'pair') context.drawImage(await portrait(1), 640, 0);
        return canvas.transferToImageBitmap();
      };

      const worker = new Worker(url, { type: 'module' });
      const queue: unknown[] = [];
      let waiter: ((reply: unknown) => void) | null = null;
      const deliver = (reply: unknown) => {
        if (waiter) waiter(reply);
        else queue.push(reply);
        waiter = null;
      };
      worker.addEventListener('message', (event) => deliver(event.data));
      worker.addEventListener('error', (event) => deliver({ type: 'crashed', message: event.message }));
      const next = () =>
        new Promise<unknown>((resolve) => {
          if (queue.length > 0) resolve(queue.shift());
          else waiter = resolve;
        });
      worker.postMessage({ type: 'load', ...files });
      const stages: unknown[] = [];
      let reply = (await next()) as { type: string };
      while (reply.type === 'progress') {
        stages.push(reply);
        reply = (await next()) as { type: string };
      }
      if (reply.type !== 'ready') {
        worker.terminate();
        return { stages, load: reply, found: [] };
      }
      const found: unknown[] = [];
      for (const [id, kind] of pictures.entries()) {
        const frame = await picture(kind);
        worker.postMessage({ type: 'frame', id, frame, still: true }, [frame]);
        found.push(await next());
      }
      worker.terminate();
      return { stages, load: reply, found };
    },
    { url: workerUrl(), files, jpeg, portraits: PORTRAITS, pictures },
  ) as Promise<{ stages: FaceWorkerReply[]; load: FaceWorkerReply; found: FaceWorkerReply[] }>;
}

const summary = (reply: FaceWorkerReply | undefined): Found => {
  if (reply?.type !== 'faces') throw new Error(`expected faces, got ${JSON.stringify(reply)}`);
  return {
    faces: reply.faces.length,
    brightness: reply.brightness,
    ms: reply.ms,
    widths: reply.faces.map((f) => f.box.width),
  };
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, baseUrl)).newPage();
  page.on('pageerror', (error) => console.error('[face worker page] page error', error));
  await page.goto('/');
});
afterAll(async () => {
  await browser?.close();
});

describe('the face worker in Chromium (WASM, models served by the exam client)', () => {
  it('loads offline and finds one face, two faces side by side, and a dark frame', {
    timeout: 120_000,
  }, async () => {
    const { stages, load, found } = await runWorker(page, ['single', 'pair', 'black', 'single']);
    expect(load).toMatchObject({ type: 'ready', backend: 'wasm' });
    expect(stages.map((s) => s.type === 'progress' && s.stage)).toEqual(['backend', 'models', 'warmup']);

    const [single, pair, black, again] = found.map(summary) as [Found, Found, Found, Found];
    expect(single.faces).toBe(1);
    expect(single.brightness).toBeGreaterThan(30);
    // A portrait face fills a fair part of the frame, keypoints and all.
    expect(single.widths[0]).toBeGreaterThan(100);
    const firstFace = found[0]?.type === 'faces' ? found[0].faces[0] : undefined;
    expect(firstFace?.keypoints).toHaveLength(468);
    expect(pair.faces).toBe(2);
    expect(black).toMatchObject({ faces: 0 });
    expect(black.brightness).toBeLessThan(5);
    // Nothing carried over from the pair (`still` frames): one face again.
    expect(again.faces).toBe(1);
    console.info(
      `[face worker] load ${load.type === 'ready' ? load.loadMs : '?'} ms; per frame: single ${Math.round(single.ms)} ms, pair ${Math.round(pair.ms)} ms, again ${Math.round(again.ms)} ms`,
    );
  });

  it('says clearly when a model file cannot be loaded', { timeout: 120_000 }, async () => {
    const { load, found } = await runWorker(page, [], {
      ...FACE_MODEL_FILES,
      landmarkModelUrl: '/models/facemesh/missing.json',
    });
    expect(load).toMatchObject({ type: 'error', stage: 'load', id: null });
    expect(load.type === 'error' && load.message).toMatch(/missing\.json|404|Not Found/i);
    expect(found).toEqual([]);
  });
});
