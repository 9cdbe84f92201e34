import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { heading, sittingCard } from './support/screens.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function consoleAs(login: string) {
  const page = await openPage(browser, baseUrl, '/proctor/', { login });
  return { context: page.context(), page };
}

const admissionButtons = (page: import('playwright-core').Page) =>
  page.locator('section.sitting-card').getByRole('button', { name: /^(Admit|Revoke admission of) / });

describe('proctor console by role', () => {
  it('a commission member sees the commission sittings and students but no Admit buttons', async () => {
    const { context, page } = await consoleAs('member1');
    try {
      await heading(page, 'My sittings').waitFor();
      const cards = page.locator('section.sitting-card');
      await expect.poll(() => cards.count()).toBe(2);
      const kinds = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
      expect(kinds.sort()).toEqual(['state_exam', 'thesis_defence']);
      expect(await sittingCard(page, 'state_exam').locator('tbody tr').count()).toBe(30);
      expect(await sittingCard(page, 'state_exam').locator('tbody tr .iin').first().textContent()).toMatch(
        /^\d{12}$/,
      );
      expect(await admissionButtons(page).count()).toBe(0);
      await page.getByText('Your role can view the lists but not admit students.').waitFor();
      await screenshot(page, 'console-commission-member');
    } finally {
      await context.close();
    }
  });

  it('the technical secretary of the same commission can admit', async () => {
    const { context, page } = await consoleAs('secretary');
    try {
      await heading(page, 'My sittings').waitFor();
      await expect.poll(() => page.locator('section.sitting-card').count()).toBe(2);
      expect(await admissionButtons(page).count()).toBe(60);
    } finally {
      await context.close();
    }
  });

  it('points students who sign in here to the exam portal', async () => {
    const { context, page } = await consoleAs('student06');
    try {
      await heading(page, 'This console is for staff').waitFor();
      expect(await page.getByRole('link', { name: 'Open the exam portal' }).getAttribute('href')).toBe('/');
      expect(await page.locator('section.sitting-card').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
