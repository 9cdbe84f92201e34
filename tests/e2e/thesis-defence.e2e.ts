import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage } from './support/browser.js';

/**
 * Issue 6, thesis defence in two browsers: the technical secretary starts student01's defence on
 * the console's Defence page and writes a question; the student's page shows the running defence
 * and the question as it arrives.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student01';
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MEDIA_ARGS);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('thesis defence', () => {
  it('the secretary starts a defence and writes a question the student sees at once', async () => {
    const secretary = await apiAs(baseUrl, 'secretary');
    const student = await apiAs(baseUrl, STUDENT);
    const defence = (await secretary.api('listSittings', {})).find((s) => s.kind === 'thesis_defence');
    if (!defence) throw new Error('the demo university has no thesis defence');
    await secretary.api('setAdmission', {
      params: { sittingId: defence.sittingId },
      body: { studentId: student.id, access: 'green' },
    });

    const studentPage = await openPage(browser, baseUrl, `/sittings/${defence.sittingId}`, {
      login: STUDENT,
      keepIn: contexts,
      errorLabel: STUDENT,
    });
    const secretaryPage = await openPage(browser, baseUrl, `/proctor/sittings/${defence.sittingId}/defence`, {
      login: 'secretary',
      keepIn: contexts,
      errorLabel: 'secretary',
    });
    await secretaryPage.getByRole('button', { name: `Start the defence: ${student.fullName}` }).click();
    await secretaryPage
      .getByRole('button', { name: 'End the talk, begin questions' })
      .waitFor({ timeout: 10_000 });
    await studentPage.getByText('Your defence has started: give your talk.').waitFor({ timeout: 15_000 });

    await secretaryPage.getByLabel(`Question for ${student.fullName}`).fill('Why did you choose PostgreSQL?');
    await secretaryPage.getByRole('button', { name: 'Send the question' }).click();
    await studentPage.getByText('Why did you choose PostgreSQL?').first().waitFor({ timeout: 15_000 });
  }, 120_000);
});
