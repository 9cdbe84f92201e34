/**
 * Debian's Chromium with the e2e suite's flags (tests/e2e/support/browser.ts), but without
 * Playwright's own Ctrl-C handling: that closes the browsers and exits at once, before this
 * benchmark has stopped its server and dropped its database (cleanup.ts closes the browsers).
 */
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM } from '../../e2e/support/browser.js';

export function launchChromium(extraArgs: readonly string[]): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
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
