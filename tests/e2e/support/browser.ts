import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { capturePeerConnections } from './rtc.js';
import { chooseLanguage, signIn } from './screens.js';

/** Debian's Chromium (`apt-get install chromium`); no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Fake camera, microphone and screen without prompts; media plays without a user gesture.
 * getDisplayMedia then returns a fake "entire screen" (displaySurface monitor, 1280×720).
 */
export const FAKE_MEDIA_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A fresh profile: empty localStorage and cookies, the given browser language. */
export function newContext(
  browser: Browser,
  baseURL: string,
  locale = 'en-GB',
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, viewport });
}

export interface OpenPageOptions {
  /** Switches the login form to English and signs in as this demo account. */
  login?: string;
  /** Logs the page's uncaught errors to the test output, prefixed with `[label]`. */
  errorLabel?: string;
  /** Keeps the page's RTCPeerConnections for the stats in support/rtc.ts. */
  capturePeerConnections?: boolean;
  viewport?: { width: number; height: number };
  /** Where the new context goes, for the test file's afterAll to close. */
  keepIn?: BrowserContext[];
}

/** Opens `path` in a fresh profile (see newContext), signed in when a login is given. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  path: string,
  options: OpenPageOptions = {},
): Promise<Page> {
  const context = await newContext(browser, baseURL, undefined, options.viewport);
  options.keepIn?.push(context);
  const page = await context.newPage();
  const { errorLabel } = options;
  if (errorLabel !== undefined)
    page.on('pageerror', (error) => console.error(`[${errorLabel}] page error`, error));
  if (options.capturePeerConnections) await capturePeerConnections(page);
  await page.goto(path);
  if (options.login !== undefined) {
    await chooseLanguage(page, 'en');
    await signIn(page, options.login);
  }
  return page;
}

/** Screenshots for a human to look at; written only when ADAL_SHOTS_DIR is set. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = process.env.ADAL_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}
