/**
 * The proctor console under test: its own headless Chromium (the e2e suite's launch flags and
 * fake media), signed in as the sitting's proctor, on the live grid of the sitting; later a
 * second tab with one student's detail page.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { FAKE_MEDIA_ARGS } from '../../e2e/support/browser.js';
import { DEMO_PASSWORD } from '../../e2e/support/screens.js';
import { bundleScript } from './bundle.js';
import type { TileStats } from './console-page.js';
import { launchChromium } from './launch.js';

export const CONSOLE_MARKER = '--adal-bench=proctor-console';

export interface ProctorSession {
  id: string;
  /** `adal_session=…`, for API calls from Node. */
  cookie: string;
}

/** Signs in through the API (no login form to drive) and keeps the session cookie. */
export async function signInProctor(baseUrl: string, login: string): Promise<ProctorSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${login}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { id } = (await response.json()) as { id: string };
  return { id, cookie };
}

export interface ConsoleBrowser {
  browser: Browser;
  context: BrowserContext;
  grid: Page;
  gridCdp: CDPSession;
  viewport: { width: number; height: number };
  /** Warnings and errors the console's pages logged (e.g. a feed that could not be consumed). */
  warnings: string[];
  tileStats(page?: Page): Promise<TileStats[]>;
  /** JS heap used and DOM nodes of a page (CDP Performance.getMetrics). */
  pageMetrics(cdp: CDPSession): Promise<{ heapUsedMb: number; heapTotalMb: number; nodes: number }>;
  openDetail(sittingId: string, studentId: string): Promise<Page>;
  close(): Promise<void>;
}

export async function openConsole(
  baseUrl: string,
  proctor: ProctorSession,
  sittingId: string,
  viewport: { width: number; height: number },
): Promise<ConsoleBrowser> {
  const init = await bundleScript('./console-page.ts');
  const browser = await launchChromium([...FAKE_MEDIA_ARGS, CONSOLE_MARKER]);
  const close = async () => {
    await browser.close().catch(() => undefined);
  };
  try {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', viewport });
    const { hostname } = new URL(baseUrl);
    await context.addCookies(
      proctor.cookie.split('; ').map((pair) => {
        const [name = '', value = ''] = pair.split('=');
        return { name, value, domain: hostname, path: '/' };
      }),
    );
    await context.addInitScript({ content: init });
    const warnings: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    const grid = await context.newPage();
    grid.on('pageerror', (error) => console.error('[console grid] page error', error));
    await grid.goto(`/proctor/sittings/${sittingId}/live`);
    try {
      await grid.locator('h1#live-title').waitFor({ timeout: 60_000 });
    } catch (error) {
      const text = (
        await grid
          .locator('body')
          .innerText()
          .catch(() => '')
      ).slice(0, 500);
      throw new Error(`the live grid did not open (${grid.url()}):\n${text}`, { cause: error });
    }
    const gridCdp = await context.newCDPSession(grid);
    await gridCdp.send('Performance.enable');
    return {
      browser,
      context,
      grid,
      gridCdp,
      viewport,
      warnings,
      tileStats: (page = grid) => page.evaluate(() => window.__bench.tileStats()),
      async pageMetrics(cdp) {
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
        return {
          heapUsedMb: get('JSHeapUsedSize') / 2 ** 20,
          heapTotalMb: get('JSHeapTotalSize') / 2 ** 20,
          nodes: get('Nodes'),
        };
      },
      async openDetail(sitting, studentId) {
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error('[console detail] page error', error));
        await page.goto(`/proctor/sittings/${sitting}/students/${studentId}`);
        await page.locator('ol.sd-log').waitFor({ timeout: 60_000 });
        return page;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Polls until `count` tiles decode frames (two readings apart); returns the last reading.
 * `everySecond` runs before each reading (e.g. to fit the viewport to a grid that grew).
 */
export async function waitForPlayingTiles(
  console: ConsoleBrowser,
  count: number,
  timeoutMs: number,
  everySecond: () => Promise<unknown> = async () => undefined,
): Promise<{ tiles: TileStats[]; playing: number; seconds: number }> {
  const started = Date.now();
  let before = await console.tileStats();
  let playing = 0;
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await everySecond();
    const after = await console.tileStats();
    playing = after.filter((t) => {
      const b = before.find((x) => x.studentId === t.studentId);
      return t.framesDecoded > (b?.framesDecoded ?? 0) && t.framesDecoded > 0;
    }).length;
    before = after;
    if (playing >= count) break;
  }
  return { tiles: before, playing, seconds: (Date.now() - started) / 1000 };
}
