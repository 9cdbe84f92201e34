/**
 * The student farm: one headless Chromium, one page, N synthetic students publishing a 320×180
 * webcam each into the real SFU (farm-page.ts). Much cheaper than N browsers; its CPU is
 * measured separately from the console's.
 */
import type { Browser, Page } from 'playwright-core';
import { FAKE_MEDIA_ARGS } from '../../e2e/support/browser.js';
import { bundleScript } from './bundle.js';
import type { FarmSettings, FarmStats } from './farm-page.js';
import { launchChromium } from './launch.js';

export const FARM_MARKER = '--adal-bench=student-farm';

/** Chromium's fake camera: captured off the page's main thread, so frames come evenly. */
export const WEBCAM: FarmSettings = {
  source: 'camera',
  width: 320,
  height: 180,
  fps: 15,
  maxBitrateBps: 100_000,
};

export interface Farm {
  browser: Browser;
  page: Page;
  stats(): Promise<FarmStats>;
  close(): Promise<void>;
}

export interface FarmStudent {
  /** The session cookie's value. */
  sessionToken: string;
}

export async function startFarm(
  baseUrl: string,
  sittingId: string,
  students: FarmStudent[],
  settings: FarmSettings = WEBCAM,
): Promise<Farm> {
  const script = await bundleScript('./farm-page.ts');
  const browser = await launchChromium([FARM_MARKER, ...FAKE_MEDIA_ARGS]);
  const close = async () => {
    await browser.close().catch(() => undefined);
  };
  try {
    // The page is only a secure origin to run in: its CSP is not what is measured here.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    page.on('pageerror', (error) => console.error('[student farm] page error', error));
    await page.exposeFunction('benchToken', async (index: number) => {
      const student = students[index];
      if (!student) throw new Error(`no farm student ${index}`);
      const response = await fetch(`${baseUrl}/api/sittings/${sittingId}/media-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `adal_session=${student.sessionToken}` },
        body: JSON.stringify({ device: 'computer' }),
      });
      if (!response.ok) throw new Error(`media token for farm student ${index}: ${response.status}`);
      const { token, sfuUrl } = (await response.json()) as { token: string; sfuUrl: string };
      return { token, sfuUrl };
    });
    // Any page of the server's origin: http://127.0.0.1 is a secure context, like the exam client.
    await page.goto(`${baseUrl}/api/health`);
    await page.addScriptTag({ content: script });
    await page.evaluate(({ count, settings }) => window.benchFarm.start(count, settings), {
      count: students.length,
      settings,
    });
    return {
      browser,
      page,
      stats: () => page.evaluate(() => window.benchFarm.stats()),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until every student's producer is sending; returns the last stats either way. */
export async function waitUntilProducing(farm: Farm, count: number, timeoutMs = 60_000): Promise<FarmStats> {
  const deadline = Date.now() + timeoutMs;
  let stats = await farm.stats();
  while (stats.producing < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    stats = await farm.stats();
  }
  return stats;
}
