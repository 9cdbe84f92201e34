import type { LogEntry } from '@adal/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiAs } from './support/api.js';
import { FAKE_MEDIA_ARGS } from './support/browser.js';
import { type ExtensionBrowser, extensionSitting, launchWithExtension } from './support/extension.js';
import { chooseLanguage, heading, signIn } from './support/screens.js';

/**
 * The proctoring extension in headless Chromium (issue 8), loaded unpacked from extension/dist,
 * on a computer test that requires it: the exam client finds it and the server records the
 * handshake; during the test a new tab is closed, leaving for another origin is blocked and copy
 * is blocked, each logged in the student's Chat&log; the entire screen reaches the SFU;
 * finishing the test lifts every restriction. Focus loss, a real entire-screen capture and the
 * exam tab's capture need a headed browser (Chromium's fake media UI breaks tabCapture):
 * extension-headed.e2e.ts.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student17';
const OTHER_ORIGIN = 'http://example.invalid/';

let chromium: ExtensionBrowser | undefined;
let proctor: ApiSession;
let studentId: string;
let sittingId: string;

const log = () => proctor.api('studentLog', { params: { sittingId, studentId } });
const entries = async (type: string) => (await log()).filter((e: LogEntry) => e.type === type);
const details = (e: LogEntry) => (e.evidence?.details as string[] | undefined) ?? [];
const status = () => proctor.api('studentExtension', { params: { sittingId, studentId } });

/** A new tab, as a student would open one; resolves with whether it was closed within `ms`. */
async function openTab(exam: Page, ms: number): Promise<boolean> {
  const tab = await exam.context().newPage();
  return Promise.race([
    new Promise<boolean>((resolve) => tab.once('close', () => resolve(true))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(tab.isClosed()), ms)),
  ]);
}

beforeAll(async () => {
  proctor = await apiAs(baseUrl, 'proctor2');
  studentId = (await apiAs(baseUrl, STUDENT)).id;
  const sitting = await extensionSitting(baseUrl, proctor, studentId, 7);
  expect(sitting.policies.extensionRequired).toBe(true);
  sittingId = sitting.sittingId;
  chromium = await launchWithExtension(baseUrl, FAKE_MEDIA_ARGS);
});
afterAll(async () => {
  await chromium?.context.close();
});

describe('the proctoring extension', () => {
  it('locks the exam tab down during the test, logs every event, and lifts it all at the end', async () => {
    if (!chromium) throw new Error('no browser');
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('pageerror', (error) => console.error('[student17] page error', error));
    await page.goto(`/sittings/${sittingId}/test/checks`);
    await chooseLanguage(page, 'en');
    await signIn(page, STUDENT);
    await page.waitForURL(`**/sittings/${sittingId}/test/checks`);

    // The handshake: the page asked the server for a nonce, the extension echoed it with its version.
    await page
      .getByText('The proctoring extension is connected (version 0.1.0).')
      .waitFor({ timeout: 20_000 });
    expect(await status()).toMatchObject({ version: '0.1.0', lockdownActive: false });

    await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await page.getByText('The camera and the microphone reach the proctor.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Share entire screen' }).click();
    await page.getByRole('button', { name: 'Next: identity check' }).click();
    await page.getByRole('button', { name: 'Next: the rules' }).click();
    await page.getByLabel('I agree').check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await heading(page, 'Test information').waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.waitForURL(/\/test\/attempts\/[0-9a-f-]+$/);
    const examUrl = page.url();

    // Exam mode: the extension's heartbeats reach the server through the page.
    await page.getByText('Exam mode is on').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await status()).lockdownActive, { timeout: 30_000 }).toBe(true);

    // A new tab is closed at once.
    expect(await openTab(page, 5_000)).toBe(true);

    // Leaving for another origin is blocked; the exam page comes back.
    await page.evaluate((url) => {
      window.location.href = url;
    }, OTHER_ORIGIN);
    await page.waitForURL(examUrl, { timeout: 15_000 });
    await page.getByText('Exam mode is on').waitFor({ timeout: 20_000 });
    // The blocked navigation had unloaded the page: its camera and screen went with it, and the
    // test is suspended until the student turns them on again (answers kept, clock stopped).
    await page.getByTestId('suspended').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await page.getByRole('button', { name: /^Share entire screen/ }).click();
    await page.getByTestId('suspended').waitFor({ state: 'detached', timeout: 20_000 });

    // Copy in the exam tab is blocked.
    const copied = await page.evaluate(() => {
      const event = new ClipboardEvent('copy', { bubbles: true, cancelable: true });
      document.querySelector('section.question')?.dispatchEvent(event);
      return !event.defaultPrevented;
    });
    expect(copied).toBe(false);

    // Everything is in the Chat&log, with what was blocked.
    await expect
      .poll(async () => (await entries('new_tab')).length, { timeout: 60_000, interval: 1_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await entries('navigation_blocked')).flatMap(details), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toContain('example.invalid');
    await expect
      .poll(async () => (await entries('copy_paste')).flatMap(details), { timeout: 60_000, interval: 1_000 })
      .toContain('copy');
    const live = async () => (await entries('source_live')).map((e) => e.evidence?.source);
    // The SFU takes a screen only when it is the entire screen (displaySurface 'monitor').
    await expect.poll(live, { timeout: 30_000 }).toContain('screen');

    // Finishing the test lifts every restriction.
    const showAll = page.getByRole('button', { name: 'Show all questions' });
    if (await showAll.isVisible()) await showAll.click();
    for (const q of await page.locator('section.question').all())
      await q.locator('label.option').first().click();
    await page
      .getByTestId('answered-count')
      .getByText('You have answered 4 of 4')
      .waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByLabel('I understand that I answered all questions and finish the test').check();
    await page.getByRole('button', { name: 'Finish test' }).click();
    await heading(page, 'Testing finished').waitFor();
    await page.getByText('Exam mode is on').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(async () => (await status()).lockdownActive, { timeout: 20_000 }).toBe(false);
    expect(await openTab(page, 3_000)).toBe(false);
    const before = (await entries('new_tab')).length;
    await page.goto(baseUrl.replace('127.0.0.1', 'localhost'));
    expect(new URL(page.url()).hostname).toBe('localhost');
    expect((await entries('new_tab')).length).toBe(before);
  }, 240_000);
});
