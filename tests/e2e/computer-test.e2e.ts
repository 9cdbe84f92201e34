import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage, screenshot } from './support/browser.js';
import { heading } from './support/screens.js';

/**
 * A student sits the computer test in Chromium: pre-checks (camera and microphone), identity
 * (skipped), rules, info, the test with the network dropping half-way, a reload, a proctor's
 * pause, Finish with the tick and the result by difficulty. The server is the proof: answers count only once it has them.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student25';
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MEDIA_ARGS);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const questions = (page: Page) => page.locator('section.question');
const question = (page: Page, id: string) => page.locator(`section.question[data-question-id="${id}"]`);
const saveState = (page: Page, id: string) =>
  question(page, id).locator('.save-state').getAttribute('data-state');

/** Picks the first option of a question (a radio or a checkbox: both answer it). */
async function answer(page: Page, id: string): Promise<void> {
  await question(page, id).locator('label.option').first().click();
}

/** The pending saves this page keeps in IndexedDB (the outbox). */
const outboxSize = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('adal-exam');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('answer-outbox')) return resolve(0);
          const count = db.transaction('answer-outbox').objectStore('answer-outbox').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

describe('computer test', () => {
  it('pre-checks, rules, info, answers kept through a network drop and a reload, pause, finish, result by difficulty', async () => {
    const proctor = await apiAs(baseUrl, 'proctor1');
    const sitting = (await proctor.api('listSittings')).find((s) => s.kind === 'computer_test');
    if (!sitting) throw new Error('no computer_test sitting');
    const { sittingId } = sitting;
    const student = await apiAs(baseUrl, STUDENT);
    const attemptsOf = async () =>
      (await proctor.api('sittingAttempts', { params: { sittingId } })).filter(
        (a) => a.studentId === student.id,
      );

    const page = await openPage(browser, baseUrl, '/', { login: STUDENT, errorLabel: 'student' });
    context = page.context();
    await heading(page, 'Exam schedule').waitFor();
    await page.getByText('Access updates live').waitFor();

    // The proctor admits the student (the console's Admit button calls this).
    await proctor.api('setAdmission', {
      params: { sittingId },
      body: { studentId: student.id, access: 'green' },
    });
    const enter = page
      .locator(`tr[data-sitting-id="${sittingId}"]`)
      .getByRole('link', { name: /^Enter exam/ });
    await enter.waitFor({ timeout: 10_000 });
    expect(await enter.getAttribute('href')).toBe(`/sittings/${sittingId}/test`);
    await enter.click();

    // Pre-checks: nothing goes on until the camera and the microphone reach the proctor.
    await page.waitForURL(`**/sittings/${sittingId}/test/checks`);
    await heading(page, 'Camera and microphone').waitFor();
    const toIdentity = page.getByRole('button', { name: 'Next: identity check' });
    expect(await toIdentity.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await page.getByText('The camera and the microphone reach the proctor.').waitFor({ timeout: 15_000 });
    await screenshot(page, 'test-checks', true);
    await toIdentity.click();

    // Identity check: advice for the proctor, never a barrier; this student goes on without one.
    await heading(page, 'Identity check').waitFor();
    await page.getByRole('button', { name: 'Next: the rules' }).click();

    // Rules: "I agree" before Next.
    await heading(page, 'Rules during the exam').waitFor();
    const rulesNext = page.getByRole('button', { name: 'Next', exact: true });
    expect(await rulesNext.isDisabled()).toBe(true);
    await page.getByLabel('I agree').check();
    await rulesNext.click();

    // Info page: who, what, how long, how many, attempts used.
    await heading(page, 'Test information').waitFor();
    const info = page.locator('dl.test-info');
    await info.getByText('(0/1)').waitFor();
    expect(await info.textContent()).toContain('40 min');
    expect(await info.locator('dd').nth(4).textContent()).toBe('8');
    await screenshot(page, 'test-info', true);
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // The test starts at once: countdown top right, "answered 0 of 8", the strip.
    await page.waitForURL(/\/test\/attempts\/[0-9a-f-]+$/);
    const attemptId = page.url().split('/').at(-1) as string;
    await page.getByTestId('answered-count').getByText('You have answered 0 of 8').waitFor();
    expect(await page.getByTestId('time-left').textContent()).toMatch(/^00:(39|40):\d\d$/);
    expect(await page.getByRole('navigation', { name: 'Questions' }).getByRole('button').count()).toBe(8);
    await page.getByRole('button', { name: 'Show all questions' }).click();
    await expect.poll(() => questions(page).count()).toBe(8);
    const paper = await questions(page).evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-question-id')),
    );
    const ids = paper.filter((id): id is string => Boolean(id));
    expect(ids).toHaveLength(8);

    for (const id of ids.slice(0, 3)) {
      await answer(page, id);
      await expect.poll(() => saveState(page, id)).toBe('saved');
    }
    await expect.poll(async () => (await attemptsOf())[0]?.answered).toBe(3);

    // The network drops: the page says so at once and keeps what is answered meanwhile.
    await context.setOffline(true);
    await page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });
    for (const id of ids.slice(3, 6)) {
      await answer(page, id);
      await expect.poll(() => saveState(page, id)).toBe('queued');
    }
    await page.getByTestId('pending-count').getByText('Answers waiting to be sent: 3').waitFor();
    expect(await page.getByRole('button', { name: /^Question 4: answered/ }).getAttribute('data-save')).toBe(
      'queued',
    );
    expect(await outboxSize(page)).toBe(3);
    await screenshot(page, 'test-offline', true);
    expect((await attemptsOf())[0]?.answered).toBe(3);

    // Back online: the kept answers are sent and acknowledged, and only then forgotten.
    await context.setOffline(false);
    await page.getByTestId('connection-lost').waitFor({ state: 'detached', timeout: 20_000 });
    for (const id of ids.slice(3, 6)) await expect.poll(() => saveState(page, id)).toBe('saved');
    await expect.poll(async () => (await attemptsOf())[0]?.answered).toBe(6);
    expect(await outboxSize(page)).toBe(0);

    // A reload resumes the same attempt with the same paper and the saved answers.
    await page.reload();
    await page.getByTestId('answered-count').getByText('You have answered 6 of 8').waitFor();
    expect(page.url()).toContain(attemptId);
    // The reloaded page's camera is off until the student turns it on again, and a camera that
    // stopped suspends the test (seed 004): no reading or answering until it is back.
    await page.getByTestId('camera-off').waitFor();
    await page.getByTestId('suspended').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await page.getByTestId('camera-off').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('suspended').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Show all questions' }).click();
    expect(
      await questions(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id'))),
    ).toEqual(ids);
    for (const id of ids.slice(0, 6)) expect(await saveState(page, id)).toBe('saved');

    // The proctor pauses: the clock stands still and nothing can be answered until resumed.
    const paused = await proctor.api('pauseAttempt', { params: { sittingId, attemptId }, body: {} });
    expect(paused.pausedAt).not.toBeNull();
    await page.getByText('The proctor has paused your test').waitFor({ timeout: 10_000 });
    const frozen = await page.getByTestId('time-left').textContent();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('time-left').textContent()).toBe(frozen);
    await screenshot(page, 'test-paused');
    await proctor.api('resumeAttempt', { params: { sittingId, attemptId }, body: {} });
    await page.getByTestId('paused').waitFor({ state: 'detached', timeout: 10_000 });

    // The last two answers; then Finish appears, with the confirm tick.
    const finish = page.getByRole('button', { name: 'Finish', exact: true });
    expect(await finish.count()).toBe(0);
    for (const id of ids.slice(6)) {
      await answer(page, id);
      await expect.poll(() => saveState(page, id)).toBe('saved');
    }
    await page.getByTestId('answered-count').getByText('You have answered 8 of 8').waitFor();
    await screenshot(page, 'test-runner', true);
    await finish.click();
    const finishTest = page.getByRole('button', { name: 'Finish test' });
    expect(await finishTest.isDisabled()).toBe(true);
    await page.getByLabel('I understand that I answered all questions and finish the test').check();
    await finishTest.click();

    // The result: times, final grades, results by difficulty, the test grade; then the appeal question.
    await heading(page, 'Testing finished').waitFor();
    expect(page.url()).toContain(`/test/attempts/${attemptId}/result`);
    await page.getByRole('heading', { name: 'Do you want to file an appeal?' }).waitFor();
    const rows = page.locator('table.by-difficulty tr[data-difficulty]');
    expect(
      await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-difficulty'), tr.querySelector('td')?.textContent]),
      ),
    ).toEqual([
      ['simple', '3'],
      ['medium', '3'],
      ['hard', '2'],
      ['total', '8'],
    ]);
    const result = await student.api('attemptResult', { params: { attemptId } });
    expect(result.status).toBe('finished');
    expect(await page.locator('table.final-grades td').count()).toBe(6);
    if (result.grade)
      expect(await page.locator('dl.test-grade').getAttribute('data-letter')).toBe(result.grade.letter);
    // One attempt allowed: no retake.
    await page.getByText('Attempts (1/1)').waitFor();
    expect(await page.getByRole('button', { name: 'Retake' }).count()).toBe(0);
    await screenshot(page, 'test-result', true);
    await page.getByRole('button', { name: 'No', exact: true }).click();
    expect(await page.getByRole('heading', { name: 'Do you want to file an appeal?' }).count()).toBe(0);
    expect((await attemptsOf())[0]).toMatchObject({ status: 'finished', answered: 8 });
  }, 180_000);
});
