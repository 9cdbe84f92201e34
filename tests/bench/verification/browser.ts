/** Headless Chromium on the harness page, and typed calls into its `window.harness`. */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../console/launch.js';
import type { HarnessApi } from './page/api.js';

/** A switch only this benchmark's Chromium carries, to find its processes in /proc. */
export const MARKER = '--adal-bench=verification';

export interface HarnessPage {
  browser: Browser;
  page: Page;
  call<K extends keyof HarnessApi>(
    name: K,
    ...args: Parameters<HarnessApi[K]>
  ): Promise<Awaited<ReturnType<HarnessApi[K]>>>;
}

export async function openHarness(url: string): Promise<HarnessPage> {
  const browser = await launchChromium([MARKER]);
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('[harness page]', error.message));
  page.setDefaultTimeout(600_000);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
  const call: HarnessPage['call'] = (name, ...args) =>
    page.evaluate(
      ({ name, args }) => {
        const api = (window as unknown as { harness: Record<string, (...a: unknown[]) => unknown> }).harness;
        return api[name]?.(...args);
      },
      { name, args: args as unknown[] },
    ) as never;
  return { browser, page, call };
}

export const b64 = (data: Buffer) => data.toString('base64');
