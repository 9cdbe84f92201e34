import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlueprintState } from '@adal/shared';
import type { CallApi } from '@adal/shared/web';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { heading, rosterRow, sittingCard } from './support/screens.js';

/**
 * The staff side of computer tests in the proctor console: the dean's office imports question
 * banks (a good file, a broken one, a large one with progress) and sets a test's paper; a proctor
 * follows a student's attempt live, pauses and resumes it, and sees the result.
 */
const baseUrl = inject('baseUrl');
const EXAMPLES = fileURLToPath(new URL('../../server/src/banks/import/examples/', import.meta.url));
/** No other browser test signs in as this student. */
const STUDENT = 'student29';
const DISCIPLINE = 'DB 3301';

let browser: Browser;
let tmp: string;
const contexts: BrowserContext[] = [];
let registrar: CallApi;
let sittingId: string;
/** The computer test's paper before this file ran; other suites expect it back (3/3/2, seeded bank). */
let original: BlueprintState;
/** The bank imported from example.csv (14 questions: 5 simple, 5 medium, 4 hard). */
const exampleTitle = `E2E example bank ${Date.now()}`;

/** The console in a fresh profile, signed in as `login`; closed in afterAll. */
const consoleAs = (login: string, path = '/proctor/'): Promise<Page> =>
  openPage(browser, baseUrl, path, { login, errorLabel: login, keepIn: contexts });

async function restorePaper(): Promise<void> {
  const b = original.blueprint;
  if (!b || !original.bankId) return;
  await registrar('setBlueprint', { params: { sittingId }, body: { ...b, bankId: original.bankId } });
}

beforeAll(async () => {
  browser = await launchBrowser();
  tmp = await mkdtemp(join(tmpdir(), 'adal-banks-e2e-'));
  registrar = (await apiAs(baseUrl, 'registrar')).api;
  const sitting = (await registrar('listSittings')).find((s) => s.kind === 'computer_test');
  if (!sitting) throw new Error('no computer_test sitting');
  sittingId = sitting.sittingId;
  original = await registrar('getBlueprint', { params: { sittingId } });
});
afterAll(async () => {
  if (original) await restorePaper();
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const importButton = (page: Page) => page.getByRole('button', { name: 'Import', exact: true });

async function chooseDiscipline(page: Page, code: string): Promise<void> {
  const value = await page
    .locator('#import-discipline option', { hasText: `${code} ·` })
    .getAttribute('value');
  if (!value) throw new Error(`no discipline ${code} on the form`);
  await page.locator('#import-discipline').selectOption(value);
}

async function banksPage(): Promise<Page> {
  const page = await consoleAs('registrar');
  await heading(page, 'My sittings').waitFor();
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('link', { name: 'Question banks' })
    .click();
  await heading(page, 'Question banks').waitFor();
  return page;
}

describe('question banks', () => {
  it('the dean’s office imports the example CSV and sees its counts per difficulty and kind', async () => {
    const page = await banksPage();
    await page.locator('#import-file').setInputFiles(join(EXAMPLES, 'example.csv'));
    // Guessed from the file: the format and the title.
    expect(await page.locator('#import-format').inputValue()).toBe('csv');
    expect(await page.locator('#import-title-input').inputValue()).toBe('example');
    await page.locator('#import-title-input').fill(exampleTitle);
    await chooseDiscipline(page, DISCIPLINE);
    await importButton(page).click();

    const done = page.getByTestId('import-done');
    await done.waitFor();
    expect(await done.locator('.import-done-title').textContent()).toBe(
      `“${exampleTitle}” is imported: 14 questions.`,
    );
    const counts = Object.fromEntries(
      await Promise.all(
        ['simple', 'medium', 'hard', 'single', 'multiple', 'true_false', 'short_answer'].map(
          async (k) => [k, await done.getByTestId(`imported-${k}`).textContent()] as const,
        ),
      ),
    );
    expect(counts).toEqual({
      simple: '5',
      medium: '5',
      hard: '4',
      single: '5',
      multiple: '3',
      true_false: '3',
      short_answer: '3',
    });

    // The list shows the new bank at once.
    const row = page.locator('table.banks tbody tr', {
      has: page.getByRole('rowheader', { name: exampleTitle, exact: true }),
    });
    await row.waitFor();
    const cells = await row
      .locator('td[data-difficulty]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-difficulty'), td.textContent]));
    expect(cells).toEqual([
      ['simple', '5'],
      ['medium', '5'],
      ['hard', '4'],
      ['total', '14'],
    ]);
    expect(await row.textContent()).toContain(DISCIPLINE);
    await screenshot(page, 'banks-imported', true);
  });

  it('a broken file imports nothing and lists its lines; a .txt file asks for its format', async () => {
    const page = await banksPage();
    const before = (await registrar('listBanks')).length;

    await page.locator('#import-file').setInputFiles(join(EXAMPLES, 'broken', 'broken.csv'));
    await chooseDiscipline(page, DISCIPLINE);
    await importButton(page).click();
    const rejected = page.getByTestId('import-rejected');
    await rejected.getByRole('heading', { name: 'Nothing was imported' }).waitFor();
    const lines = await rejected
      .locator('.import-errors > li')
      .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-line'))));
    expect(lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(await rejected.locator('li[data-line="3"]').textContent()).toMatch(/^Line 3.*choice/);
    expect(await rejected.getByTestId('import-truncated').count()).toBe(0);
    await screenshot(page, 'banks-rejected', true);

    // Aiken or GIFT? A plain .txt name does not say: the form asks, and refuses to guess.
    const plain = join(tmp, 'questions.txt');
    await copyFile(join(EXAMPLES, 'broken', 'broken.aiken.txt'), plain);
    await page.locator('#import-file').setInputFiles(plain);
    expect(await page.locator('#import-format').inputValue()).toBe('');
    await page.getByText('A .txt file may be GIFT or Aiken: choose which.').waitFor();
    await importButton(page).click();
    await page.getByText('Choose the file’s format.').waitFor();
    await page.locator('#import-format').selectOption('aiken');
    await importButton(page).click();
    await expect
      .poll(() =>
        rejected
          .locator('.import-errors > li')
          .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-line')))),
      )
      .toEqual([9, 12, 14, 22, 26, 29, 33, 36]);
    expect(await rejected.textContent()).toContain('questions.txt');

    expect((await registrar('listBanks')).length).toBe(before);
  });

  it('a large file shows its upload progress on a slow line', async () => {
    // About 1 MB of Cyrillic Aiken: 2 MB of JSON. At 256 KB/s the upload takes several seconds.
    const question = (i: number) =>
      `Сұрақ ${i}: дерекқордағы кесте қалай аталады? ${'ә'.repeat(300)}\nA. Кесте\nB. Файл\nANSWER: A\n\n`;
    const file = join(tmp, 'large-bank.txt');
    await writeFile(file, Array.from({ length: 1500 }, (_, i) => question(i)).join(''));

    const page = await banksPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await page.locator('#import-file').setInputFiles(file);
    await page.locator('#import-format').selectOption('aiken');
    await chooseDiscipline(page, 'PHIL 1102');
    await page.locator('#import-difficulty').selectOption('medium');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await importButton(page).click();

    const progress = page.locator('.import-progress[data-phase="uploading"]');
    await progress.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => progress.locator('progress').getAttribute('value'), { timeout: 10_000 })
      .toMatch(/^[1-9]\d?$/);
    expect(await progress.textContent()).toMatch(/^Uploading: [1-9]\d? %$/);
    await screenshot(page, 'banks-uploading');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.getByTestId('imported-medium').textContent()).toBe('1500');
  }, 90_000);
});

describe('a computer test in the console', () => {
  it('the dean’s office sets the test paper from a bank of the discipline; too many is a field error', async () => {
    const page = await consoleAs('registrar');
    const card = sittingCard(page, 'computer_test');
    const paper = card.getByTestId('test-paper');
    await paper.getByRole('heading', { name: 'Test paper' }).waitFor();
    const field = (d: string) => paper.locator(`#paper-${sittingId}-${d}`);
    await expect.poll(() => field('simple').inputValue()).toBe(String(original.blueprint?.simple));

    const bank = paper.locator(`#paper-${sittingId}-bank`);
    await bank
      .locator('option', { hasText: `${exampleTitle} (14 questions)` })
      .waitFor({ state: 'attached' });
    await bank.selectOption({ label: `${exampleTitle} (14 questions)` });
    // The hints are the chosen bank's own counts.
    await paper.getByText('available: 5').first().waitFor();
    await field('simple').fill('99');
    await paper.getByRole('button', { name: 'Save the test paper' }).click();
    const simpleError = paper.locator(`#paper-${sittingId}-simple-error`);
    await simpleError.waitFor();
    expect(await simpleError.textContent()).toBe('The bank has only 5.');
    expect(await field('simple').getAttribute('aria-invalid')).toBe('true');
    expect(await paper.locator('.inline-error').count()).toBe(1);
    await screenshot(page, 'test-paper-too-many');
    expect((await registrar('getBlueprint', { params: { sittingId } })).bankId).toBe(original.bankId);

    await field('simple').fill('2');
    await field('medium').fill('2');
    await field('hard').fill('1');
    await paper.getByLabel('Shuffle the order of answer options').uncheck();
    await paper.getByRole('button', { name: 'Save the test paper' }).click();
    await paper.getByText('Saved.').waitFor();
    await paper.getByText('Questions on a paper: 5').waitFor();
    const saved = await registrar('getBlueprint', { params: { sittingId } });
    expect(saved.blueprint).toEqual({
      simple: 2,
      medium: 2,
      hard: 1,
      shuffleQuestions: true,
      shuffleOptions: false,
    });
    expect(saved.bankId).not.toBe(original.bankId);

    // Back as the other suites expect it: 3/3/2 from the seeded bank.
    await restorePaper();
    expect(await registrar('getBlueprint', { params: { sittingId } })).toEqual(original);
  });

  it('the proctor follows a student’s attempt live, pauses and resumes it, and sees the result', async () => {
    const proctor = await apiAs(baseUrl, 'proctor1');
    const student = await apiAs(baseUrl, STUDENT);
    await proctor.api('setAdmission', {
      params: { sittingId },
      body: { studentId: student.id, access: 'green' },
    });
    const attempt = await student.api('startAttempt', { params: { sittingId }, body: {} });
    const { attemptId } = attempt;
    const total = attempt.questions.length;

    const page = await consoleAs('proctor1');
    await heading(page, 'My sittings').waitFor();
    await page.getByText('Access updates live').waitFor();
    const card = sittingCard(page, 'computer_test');
    // Proctors see the paper's counts, not the form.
    await card.getByTestId('paper-simple').getByText(String(original.blueprint?.simple)).waitFor();
    expect(await card.getByRole('button', { name: 'Save the test paper' }).count()).toBe(0);

    const row = rosterRow(page, 'computer_test', student.fullName);
    const cell = row.locator(`[data-attempt-id="${attemptId}"]`);
    await cell.waitFor();
    expect(await cell.getAttribute('data-attempt-status')).toBe('in_progress');
    expect(await cell.getByTestId('attempt-answered').textContent()).toBe(`Answered 0 of ${total}`);
    expect(await cell.getByTestId('attempt-time-left').textContent()).toMatch(/^Time left 00:(39|40):\d\d$/);
    // Others have not started.
    expect(await card.getByText('Not started').count()).toBeGreaterThan(0);

    // Pause from the console: the badge says so, the clock stands still, the server agrees.
    await row.getByRole('button', { name: `Pause the test of ${student.fullName}` }).click();
    await expect.poll(() => cell.getAttribute('data-attempt-status')).toBe('paused');
    expect(await cell.locator('.badge').textContent()).toBe('Paused');
    const frozen = await cell.getByTestId('attempt-time-left').textContent();
    await page.waitForTimeout(1500);
    expect(await cell.getByTestId('attempt-time-left').textContent()).toBe(frozen);
    expect((await student.api('getAttempt', { params: { attemptId } })).pausedAt).not.toBeNull();
    await screenshot(page, 'attempt-paused');

    await row.getByRole('button', { name: `Resume the test of ${student.fullName}` }).click();
    await expect.poll(() => cell.getAttribute('data-attempt-status')).toBe('in_progress');
    expect((await student.api('getAttempt', { params: { attemptId } })).pausedAt).toBeNull();

    // Someone else pauses (another proctor's console, the same API): it shows here live, well
    // before the list would be loaded again.
    await proctor.api('pauseAttempt', { params: { sittingId, attemptId }, body: {} });
    await expect.poll(() => cell.getAttribute('data-attempt-status'), { timeout: 5_000 }).toBe('paused');
    await proctor.api('resumeAttempt', { params: { sittingId, attemptId }, body: {} });
    await expect.poll(() => cell.getAttribute('data-attempt-status'), { timeout: 5_000 }).toBe('in_progress');

    // The student answers every question (over the socket, as the exam portal does) and finishes.
    const socket = io(baseUrl, { transports: ['websocket'], extraHeaders: { cookie: student.cookie } });
    try {
      for (const q of attempt.questions) {
        const response = q.kind === 'short_answer' ? ['x'] : [q.options[0]?.id ?? 'a'];
        const ack = await socket
          .timeout(10_000)
          .emitWithAck('attempt:answer', { attemptId, questionId: q.questionId, response, revision: 1 });
        expect(ack.ok).toBe(true);
      }
    } finally {
      socket.disconnect();
    }
    const result = await student.api('finishAttempt', {
      params: { attemptId },
      body: { confirmAllAnswered: true },
    });
    await expect.poll(() => cell.getAttribute('data-attempt-status'), { timeout: 5_000 }).toBe('finished');
    await cell.getByTestId('attempt-result').waitFor();
    expect(await cell.getByTestId('attempt-result').textContent()).toBe(
      `Result ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(result.percent ?? 0)} %`,
    );
    expect(await cell.getByTestId('attempt-answered').textContent()).toBe(`Answered ${total} of ${total}`);
    expect(await row.getByRole('button', { name: /^(Pause|Resume) the test/ }).count()).toBe(0);
    await screenshot(page, 'attempt-finished');
  }, 90_000);
});
