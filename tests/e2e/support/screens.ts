import type { Page } from 'playwright-core';

/** Every demo account's password (server/src/seed). */
export const DEMO_PASSWORD = 'adal2026';

export const LANGUAGE_BUTTON = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

export const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

/** Fills the login form of whichever app is open and submits it. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

export async function chooseLanguage(page: Page, language: keyof typeof LANGUAGE_BUTTON): Promise<void> {
  await page.getByRole('button', { name: LANGUAGE_BUTTON[language], exact: true }).click();
}

/** Rows of the student's schedule table. */
export const scheduleRows = (page: Page) => page.locator('table.schedule tbody tr');

/** A sitting's card in the proctor console. */
export const sittingCard = (page: Page, kind: string) =>
  page.locator(`section.sitting-card[data-kind="${kind}"]`);

/** The row of one student (by full name) inside a sitting card. */
export const rosterRow = (page: Page, kind: string, fullName: string) =>
  sittingCard(page, kind).locator('tbody tr', {
    has: page.getByRole('rowheader', { name: fullName, exact: true }),
  });
