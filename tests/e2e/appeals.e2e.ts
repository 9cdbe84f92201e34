import type { AttemptView } from '@adal/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiAs } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { chooseLanguage, heading, sittingCard } from './support/screens.js';

/**
 * Appeals of a computer test (seed 002): the student sees the test on "Passed tests", opens the
 * appeal page with its countdown, appeals a wrongly answered question with a comment; the proctor
 * accepts it with a reason on the review page; the student is told the new grade live, and
 * "Passed tests" shows the correct answers after appeal.
 */
const baseUrl = inject('baseUrl');
/** No other suite signs in as this student (the seeded computer test allows one attempt each). */
const STUDENT = 'student22';

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
const openAs = (login: string, path: string): Promise<Page> =>
  openPage(browser, baseUrl, path, { login, errorLabel: login, keepIn: contexts });

/**
 * The seeded databases bank keys option "a" of every single-answer question and a, b, d of every
 * several-answer one (server/src/seed/demo-content.ts). Answers every question right except the
 * first two single-answer ones, which get "b".
 */
async function finishWithTwoMistakes(student: ApiSession, attempt: AttemptView): Promise<string[]> {
  const singles = attempt.questions.filter((q) => q.kind === 'single');
  const mistakes = singles.slice(0, 2).map((q) => q.questionId);
  const socket = io(baseUrl, { transports: ['websocket'], extraHeaders: { cookie: student.cookie } });
  try {
    for (const q of attempt.questions) {
      const response = mistakes.includes(q.questionId)
        ? ['b']
        : q.kind === 'multiple'
          ? ['a', 'b', 'd']
          : ['a'];
      const ack = await socket.timeout(10_000).emitWithAck('attempt:answer', {
        attemptId: attempt.attemptId,
        questionId: q.questionId,
        response,
        revision: 1,
      });
      expect(ack.ok).toBe(true);
    }
  } finally {
    socket.disconnect();
  }
  await student.api('finishAttempt', {
    params: { attemptId: attempt.attemptId },
    body: { confirmAllAnswered: true },
  });
  return mistakes;
}

const cell = (row: ReturnType<Page['locator']>, col: string) => row.locator(`[data-col="${col}"]`);

describe('appeals', () => {
  it('the student appeals a wrong answer, the proctor accepts it, the grade and "correct after appeal" follow', async () => {
    const proctor = await apiAs(baseUrl, 'proctor1');
    const sitting = (await proctor.api('listSittings')).find((s) => s.kind === 'computer_test');
    if (!sitting) throw new Error('no computer_test sitting');
    const { sittingId } = sitting;
    const student = await apiAs(baseUrl, STUDENT);
    await proctor.api('setAdmission', {
      params: { sittingId },
      body: { studentId: student.id, access: 'green' },
    });
    const attempt = await student.api('startAttempt', { params: { sittingId }, body: {} });
    const total = attempt.questions.length;
    const mistakes = await finishWithTwoMistakes(student, attempt);
    const [appealed, other] = mistakes as [string, string];
    const optionText = (questionId: string, id: string) =>
      attempt.questions.find((q) => q.questionId === questionId)?.options.find((o) => o.id === id)?.text ??
      '';
    const before = (await student.api('passedTests', { query: {} })).find(
      (p) => p.attemptId === attempt.attemptId,
    );
    expect(before).toMatchObject({ correct: total - 2, correctAfterAppeal: null, appeal: null });
    const percentBefore = before?.grade?.percent ?? 0;
    const percentAfter = Math.round(((total - 1) / total) * 10_000) / 100;
    const en = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(n);

    // Passed tests, from the schedule: the row with the seed's columns and "File an appeal" with the time left.
    const page = await openAs(STUDENT, '/');
    await heading(page, 'Exam schedule').waitFor();
    await page.getByRole('link', { name: 'Passed tests' }).click();
    await heading(page, 'Passed tests').waitFor();
    expect(page.url()).toMatch(/\/passed-tests$/);
    const row = page.locator(`tr[data-attempt-id="${attempt.attemptId}"]`);
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe(
      `Exam: ${sitting.discipline.name}, attempt 1`,
    );
    expect(await cell(row, 'correct').textContent()).toBe(String(total - 2));
    expect(await cell(row, 'after-appeal').textContent()).toBe('—');
    expect(await cell(row, 'percent').textContent()).toBe(`${en(percentBefore)} %`);
    const questionsByDifficulty = await Promise.all(
      ['simple', 'medium', 'hard'].map(async (d) => Number(await cell(row, `questions-${d}`).textContent())),
    );
    expect(questionsByDifficulty.reduce((a, b) => a + b, 0)).toBe(total);
    expect(await row.getByTestId('appeal-time-left').textContent()).toMatch(/^00:(29|30):\d\d left$/);
    await screenshot(page, 'appeals-passed-tests', true);
    // The same page in Kazakh, with the seed's words.
    await chooseLanguage(page, 'kk');
    await heading(page, 'Өткен тестілеулер').waitFor();
    await page.getByRole('columnheader', { name: 'Апелляцияны ескергендегі дұрыс жауаптар' }).waitFor();
    await screenshot(page, 'appeals-passed-tests-kk', true);
    await chooseLanguage(page, 'en');

    // The appeal page: the countdown, the two wrongly answered questions with the answers given.
    await row
      .getByRole('link', { name: `File an appeal: Exam: ${sitting.discipline.name}, attempt 1` })
      .click();
    await page.waitForURL(`**/sittings/${sittingId}/test/attempts/${attempt.attemptId}/appeal`);
    await heading(page, `Appeal: ${sitting.discipline.name}`).waitFor();
    await page.getByText('The time to file an appeal is limited.').waitFor();
    expect(await page.getByTestId('appeal-time-left').textContent()).toMatch(/^00:(29|30):\d\d$/);
    const items = page.locator('li.appeal-question');
    expect(
      (await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id')))).sort(),
    ).toEqual([...mistakes].sort());
    const item = page.locator(`li.appeal-question[data-question-id="${appealed}"]`);
    expect(await item.getByTestId('your-answer').locator('li').allTextContents()).toEqual([
      optionText(appealed, 'b'),
    ]);

    // A ticked question needs a comment; then the appeal is filed and awaits review.
    await item.getByLabel('Appeal this question').check();
    await page.getByRole('button', { name: 'Submit the appeal' }).click();
    await item.getByText('Write why this question should be reviewed.').waitFor();
    await item
      .getByLabel('Why your answer should count')
      .fill('Option B says the same as the key, in other words.');
    await screenshot(page, 'appeals-form', true);
    await page.getByRole('button', { name: 'Submit the appeal' }).click();
    await page.getByRole('heading', { name: 'Your appeal' }).waitFor();
    expect(await page.getByTestId('appeal-status').textContent()).toBe('Filed');
    expect(await page.locator('li.appeal-question').count()).toBe(1);
    expect(await item.getAttribute('data-decision')).toBe('pending');
    expect(await page.locator(`li.appeal-question[data-question-id="${other}"]`).count()).toBe(0);

    // The proctor reviews from the computer test's card: the key and the student's answer marked.
    const staff = await openAs('proctor1', '/proctor/');
    await heading(staff, 'My sittings').waitFor();
    await sittingCard(staff, 'computer_test')
      .getByRole('link', { name: `Appeals: ${sitting.discipline.name}` })
      .click();
    await heading(staff, `Appeals: ${sitting.discipline.name}`).waitFor();
    const card = staff.locator('section.appeal-card', {
      has: staff.getByRole('heading', { name: student.fullName }),
    });
    await card.waitFor();
    const review = card.locator(`li.appeal-item[data-question-id="${appealed}"]`);
    expect(await review.locator('li[data-key="true"] .option-text').allTextContents()).toEqual([
      optionText(appealed, 'a'),
    ]);
    expect(await review.locator('li[data-chosen="true"] .option-text').allTextContents()).toEqual([
      optionText(appealed, 'b'),
    ]);
    expect(await review.getByTestId('student-comment').textContent()).toBe(
      'Option B says the same as the key, in other words.',
    );
    // A decision needs a reason.
    await review.getByRole('button', { name: 'Accept' }).click();
    await review.getByText('Write the reason for the decision.').waitFor();
    await review.getByLabel('Reason for the decision').fill('Both wordings are correct; counted.');
    await screenshot(staff, 'appeals-review', true);
    await review.getByRole('button', { name: 'Accept' }).click();
    await review.getByTestId('decision').getByText('Accepted').waitFor();
    expect(await review.getByTestId('decision-reason').textContent()).toBe(
      'Both wordings are correct; counted.',
    );
    expect(await card.getByTestId('appeal-status').textContent()).toBe('Upheld');

    // The student's page hears the decision live: the new grade, the decision and its reason.
    const grade = await student.api('attemptResult', { params: { attemptId: attempt.attemptId } });
    expect(grade.percent).toBe(percentAfter);
    await page
      .getByTestId('appeal-decided')
      .getByText(`Your appeal was decided; your grade is now ${en(percentAfter)} % (${grade.grade?.letter}).`)
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('appeal-status').textContent()).toBe('Upheld');
    expect(await item.getAttribute('data-decision')).toBe('accepted');
    expect(await item.getByTestId('decision-reason').textContent()).toBe(
      'Both wordings are correct; counted.',
    );
    await screenshot(page, 'appeals-decided', true);

    // Passed tests: correct answers after appeal, the new grade, the appeal's status.
    await page.getByRole('link', { name: 'Back to passed tests' }).click();
    await heading(page, 'Passed tests').waitFor();
    await expect.poll(() => cell(row, 'after-appeal').textContent()).toBe(String(total - 1));
    expect(await cell(row, 'correct').textContent()).toBe(String(total - 2));
    expect(await cell(row, 'percent').textContent()).toBe(`${en(percentAfter)} %`);
    expect(await cell(row, 'letter').textContent()).toBe(grade.grade?.letter);
    expect(await cell(row, 'appeal').textContent()).toBe('Upheld');
  }, 120_000);
});
