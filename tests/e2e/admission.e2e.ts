import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { heading, rosterRow, scheduleRows, sittingCard } from './support/screens.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** A fresh profile on `path`, signed in as `login`; closed in afterAll. */
const openAs = (path: string, login: string) => openPage(browser, baseUrl, path, { login, keepIn: contexts });

describe('admission', () => {
  it('a proctor admits a student and the student sees access turn green live', async () => {
    const student = await openAs('/', 'student05');
    await heading(student, 'Exam schedule').waitFor();
    // The seed's five sittings and any a browser test added for the group.
    const count = (await (await apiAs(baseUrl, 'student05')).api('studentSchedule', {})).length;
    expect(count).toBeGreaterThanOrEqual(5);
    await expect.poll(() => scheduleRows(student).count()).toBe(count);
    // Live updates flow once the socket is connected; admitting before that would test nothing.
    await student.getByText('Access updates live').waitFor();
    const fullName = (await student.getByTestId('user-name').textContent())?.trim();
    if (!fullName) throw new Error('the header shows no user name');
    // Set once; a reload would lose it, so it proves the badge changed in place.
    await student.evaluate(() => {
      (window as unknown as { adalNoReload: boolean }).adalNoReload = true;
    });

    const proctor = await openAs('/proctor/', 'proctor1');
    await heading(proctor, 'My sittings').waitFor();
    const cards = proctor.locator('section.sitting-card');
    await expect.poll(() => cards.count()).toBe(3);
    const kinds = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds.sort()).toEqual(['computer_test', 'oral', 'written']);
    expect(await sittingCard(proctor, 'written').locator('tbody tr').count()).toBe(30);

    // A second proctor on the same sitting watches it too.
    const observer = await openAs('/proctor/', 'proctor2');
    await heading(observer, 'My sittings').waitFor();
    await observer.getByText('Access updates live').waitFor();
    const observed = rosterRow(observer, 'written', fullName);
    await observed.locator('[data-access="red"]').waitFor();

    const sittingId = await sittingCard(proctor, 'written').getAttribute('data-sitting-id');
    if (!sittingId) throw new Error('written sitting has no id');
    const studentRow = student.locator(`tr[data-sitting-id="${sittingId}"]`);
    expect(await studentRow.locator('[data-access]').getAttribute('data-access')).toBe('red');

    const row = rosterRow(proctor, 'written', fullName);
    await row.getByRole('button', { name: `Admit ${fullName}` }).click();
    await row.locator('[data-access="green"]').waitFor();
    await row.getByRole('button', { name: `Revoke admission of ${fullName}` }).waitFor();
    await proctor.evaluate(() => window.scrollTo(0, 0));
    await screenshot(proctor, 'proctor-console');

    // Live on the student's screen: green badge and an Enter link, no reload.
    await studentRow.locator('[data-access="green"]').waitFor({ timeout: 10_000 });
    expect(await studentRow.locator('.badge').textContent()).toBe('Admitted');
    expect(await student.evaluate(() => (window as unknown as { adalNoReload?: boolean }).adalNoReload)).toBe(
      true,
    );
    expect(await scheduleRows(student).locator('[data-access="red"]').count()).toBe(count - 1);
    const enter = studentRow.getByRole('link', { name: /^Enter exam/ });
    expect(await enter.getAttribute('href')).toBe(`/sittings/${sittingId}`);
    await screenshot(student, 'schedule-admitted');

    // …and on the other proctor's console.
    await observed.locator('[data-access="green"]').waitFor({ timeout: 10_000 });

    await enter.click();
    await student.waitForURL(`**/sittings/${sittingId}`);
    await student.getByText('The exam opens here.').waitFor();
    await screenshot(student, 'sitting');

    // Revoking turns the sitting page back to "not admitted", live.
    await row.getByRole('button', { name: `Revoke admission of ${fullName}` }).click();
    await row.locator('[data-access="red"]').waitFor();
    await student.getByText('You have not been admitted to this exam yet.').waitFor({ timeout: 10_000 });
    expect(await student.getByText('The exam opens here.').count()).toBe(0);
  });
});
