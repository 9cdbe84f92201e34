import { catalogues, type Language, SITTING_KINDS } from '@adal/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { launchBrowser, newContext, screenshot } from './support/browser.js';
import { chooseLanguage, heading, scheduleRows, signIn } from './support/screens.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Written out rather than read from the catalogues, so a wrong or missing translation fails. */
const EXPECTED: Record<Language, { login: string; schedule: string; red: string; kindHeader: string }> = {
  kk: {
    login: 'Жүйеге кіру',
    schedule: 'Емтихан кестесі',
    red: 'Рұқсат күтілуде',
    kindHeader: 'Емтихан түрі',
  },
  ru: {
    login: 'Вход в систему',
    schedule: 'Расписание экзаменов',
    red: 'Ожидание допуска',
    kindHeader: 'Вид экзамена',
  },
  en: { login: 'Sign in', schedule: 'Exam schedule', red: 'Waiting for admission', kindHeader: 'Exam kind' },
};

describe('student exam schedule', () => {
  // Each language with its own student (a fresh profile) and a browser locale that differs from it.
  const cases: [Language, string, string][] = [
    ['kk', 'student01', 'en-GB'],
    ['ru', 'student02', 'en-GB'],
    ['en', 'student03', 'ru-RU'],
  ];

  it.each(cases)(
    'shows the student’s sittings, all red, in %s and keeps the language after a reload',
    async (language, login, locale) => {
      const expected = EXPECTED[language];
      const context = await newContext(browser, baseUrl, locale);
      const page = await context.newPage();
      try {
        await page.goto('/');
        await chooseLanguage(page, language);
        await heading(page, expected.login).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        await signIn(page, login);

        await heading(page, expected.schedule).waitFor();
        // The seed's five sittings (one of every kind), and any a browser test added for the group.
        const schedule = await (await apiAs(baseUrl, login)).api('studentSchedule', {});
        const count = schedule.length;
        expect(count).toBeGreaterThanOrEqual(5);
        const rows = scheduleRows(page);
        await expect.poll(() => rows.count()).toBe(count);
        expect(await page.getByRole('columnheader', { name: expected.kindHeader }).count()).toBe(1);
        expect(await rows.locator('.badge').allTextContents()).toEqual(Array(count).fill(expected.red));
        expect(await rows.locator('[data-access="red"]').count()).toBe(count);
        expect(await rows.getByRole('link').count()).toBe(0);

        // Every exam kind, named in the chosen language.
        const kinds = await rows.locator('td:nth-of-type(3)').allTextContents();
        const names = schedule.map((e) => catalogues[language].sittingKind[e.kind]);
        expect([...kinds].sort()).toEqual([...names].sort());
        for (const kind of SITTING_KINDS) expect(kinds).toContain(catalogues[language].sittingKind[kind]);
        await screenshot(page, `schedule-${language}`);

        await page.reload();
        await heading(page, expected.schedule).waitFor();
        expect(await page.evaluate(() => localStorage.getItem('adal.lang'))).toBe(language);
        await expect.poll(() => scheduleRows(page).count()).toBe(count);

        // The choice was also saved to the profile (PATCH /api/auth/me).
        const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
        expect(me.language).toBe(language);
      } finally {
        await context.close();
      }
    },
  );

  it('shows a translated error for a wrong password, in the browser language first', async () => {
    const context = await newContext(browser, baseUrl, 'ru-RU');
    const page = await context.newPage();
    try {
      await page.goto('/');
      // No choice stored and nobody signed in: the browser's language decides.
      await heading(page, EXPECTED.ru.login).waitFor();
      await signIn(page, 'student04', 'not-the-password');
      const alert = page.locator('form [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toBe('Неверный логин или пароль.');
      await screenshot(page, 'login-error-ru');

      await chooseLanguage(page, 'kk');
      await expect.poll(() => alert.textContent()).toBe('Логин немесе құпия сөз қате.');
      expect(await heading(page, EXPECTED.kk.login).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('points staff who sign in here to the proctor console', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/');
      await chooseLanguage(page, 'en');
      await signIn(page, 'proctor2');
      await heading(page, 'This portal is for students').waitFor();
      expect(await page.getByRole('link', { name: 'Open the proctor console' }).getAttribute('href')).toBe(
        '/proctor/',
      );
      expect(await scheduleRows(page).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
