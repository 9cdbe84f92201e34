import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage, screenshot } from './support/browser.js';
import { heading } from './support/screens.js';

/**
 * Issue 5 with two browsers side by side: the proctor's student page and the student's exam.
 * Admit turns access green; pause stops the countdown and resume moves the deadline; a raised
 * violation and a chat message appear in both Chat&log panels; the student's browser cannot call
 * a proctor's action; the proctor's overview orders students and the session report downloads.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student27';
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MEDIA_ARGS);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const openAs = (path: string, login: string) =>
  openPage(browser, baseUrl, path, { login, keepIn: contexts, errorLabel: login });

/** The student's Chat&log panel and the proctor's log list. */
const studentPanel = (page: Page) => page.getByRole('complementary', { name: 'Chat & log' });
const proctorLog = (page: Page) => page.getByRole('list', { name: 'Chat & log' });

describe('proctoring with two browsers', () => {
  it('admit, pause and resume, a violation and a message both ways, and the student refused a proctor action', async () => {
    const proctorApi = await apiAs(baseUrl, 'proctor1');
    const studentApi = await apiAs(baseUrl, STUDENT);
    const sitting = (await proctorApi.api('listSittings')).find((s) => s.kind === 'computer_test');
    if (!sitting) throw new Error('no computer_test sitting');
    const { sittingId } = sitting;

    const student = await openAs('/', STUDENT);
    await heading(student, 'Exam schedule').waitFor();
    await student.getByText('Access updates live').waitFor();
    const row = student.locator(`tr[data-sitting-id="${sittingId}"]`);
    expect(await row.locator('[data-access]').getAttribute('data-access')).toBe('red');

    const proctor = await openAs(`/proctor/sittings/${sittingId}/students/${studentApi.id}`, 'proctor1');
    await proctor.getByText('Log updates live').waitFor({ timeout: 15_000 });
    const actions = proctor.getByRole('region', { name: 'Actions' });

    // Admit: the student's access turns green and the link to enter appears, live.
    await actions.getByRole('button', { name: 'Admit', exact: true }).click();
    await row.locator('[data-access="green"]').waitFor({ timeout: 10_000 });
    await row.getByRole('link', { name: /^Enter exam/ }).click();

    // Checks, identity (skipped: it never blocks), rules, info, then the test.
    await student.waitForURL(`**/sittings/${sittingId}/test/checks`);
    await student.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await student.getByText('The camera and the microphone reach the proctor.').waitFor({ timeout: 20_000 });
    await student.getByRole('button', { name: 'Next: identity check' }).click();
    await student.getByRole('button', { name: 'Next: the rules' }).click();
    await student.getByLabel('I agree').check();
    await student.getByRole('button', { name: 'Next', exact: true }).click();
    await heading(student, 'Test information').waitFor();
    await student.getByRole('button', { name: 'Next', exact: true }).click();
    await student.waitForURL(/\/test\/attempts\/[0-9a-f-]+$/);
    const attemptId = student.url().split('/').at(-1) as string;
    const panel = studentPanel(student);
    await panel.waitFor();

    // Pause: the student's countdown stands still; resume moves the deadline by the pause.
    const before = await studentApi.api('getAttempt', { params: { attemptId } });
    await proctor.getByTestId('student-stage').getByText('In the test').waitFor({ timeout: 10_000 });
    await actions.getByRole('button', { name: 'Pause', exact: true }).click();
    await student.getByTestId('paused').waitFor({ timeout: 10_000 });
    const frozen = await student.getByTestId('time-left').textContent();
    await student.waitForTimeout(2000);
    expect(await student.getByTestId('time-left').textContent()).toBe(frozen);
    await actions.getByRole('button', { name: 'Resume', exact: true }).click();
    await student.getByTestId('paused').waitFor({ state: 'detached', timeout: 10_000 });
    const after = await studentApi.api('getAttempt', { params: { attemptId } });
    expect(Date.parse(after.deadlineAt) - Date.parse(before.deadlineAt)).toBeGreaterThanOrEqual(2000);
    expect(after.pausedAt).toBeNull();

    // A proctor-raised violation appears in both panels.
    await actions.getByRole('button', { name: 'Raise violation', exact: true }).click();
    const dialog = proctor.getByRole('dialog');
    await dialog.getByLabel('Type').selectOption('phone_or_device');
    await dialog.getByLabel('Severity').selectOption('medium');
    await dialog.getByLabel('Note').fill('A phone lies next to the keyboard.');
    await dialog.getByRole('button', { name: 'Record violation' }).click();
    await proctorLog(proctor).getByText('A phone lies next to the keyboard.').waitFor({ timeout: 10_000 });
    await panel.getByText('A phone lies next to the keyboard.').waitFor({ timeout: 10_000 });

    // The student writes to the proctor; the proctor answers; both see both.
    await panel.getByLabel('Message to the proctor').fill('My camera picture froze for a moment.');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await proctorLog(proctor).getByText('My camera picture froze for a moment.').waitFor({ timeout: 10_000 });
    await proctor.getByLabel('Message to the student').fill('It is fine now, go on.');
    await proctor.getByRole('button', { name: 'Send message' }).click();
    await panel.getByText('It is fine now, go on.').waitFor({ timeout: 10_000 });
    await panel.getByText('My camera picture froze for a moment.').waitFor();
    await screenshot(student, 'student-chat-log');
    await screenshot(proctor, 'proctor-student-detail', true);

    // An automatic flag from the student's browser: going on now in the console, then one log
    // entry once it is over; the proctor dismisses it with a reason and the student sees that.
    // A type the on-device monitoring never raises: Chromium's fake camera shows no face, so the
    // monitoring's own "no face" episode runs the whole test and would swallow a sent one.
    const flag = (endedAt: string | null) =>
      student.evaluate(
        async ({ sittingId, endedAt }) =>
          (
            await fetch(`/api/student/sittings/${sittingId}/flags`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                reports: [
                  {
                    episodeId: '5e0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
                    type: 'focus_lost',
                    startedAt: new Date(Date.now() - 3000).toISOString(),
                    endedAt,
                    confidence: 87,
                  },
                ],
              }),
            })
          ).status,
        { sittingId, endedAt },
      );
    expect(await flag(null)).toBe(202);
    await panel.getByText(/^now: Left the exam window/).waitFor({ timeout: 10_000 });
    expect(await flag(new Date().toISOString())).toBe(202);
    const flagged = proctorLog(proctor).locator('li[data-type="focus_lost"]');
    // Logged once the merge gap (10 s by default) has passed without it coming back.
    await flagged.waitFor({ timeout: 30_000 });
    await flagged.getByRole('button', { name: 'Dismiss' }).click();
    await proctor.getByRole('dialog').getByLabel('Reason').fill('The student bent down to pick up a pen.');
    await proctor.getByRole('dialog').getByRole('button', { name: 'Save review' }).click();
    await flagged.and(proctor.locator('[data-review="dismissed"]')).waitFor({ timeout: 10_000 });
    await panel.locator('li[data-type="focus_lost"][data-review="dismissed"]').waitFor({ timeout: 10_000 });
    await panel.getByText('The student bent down to pick up a pen.').first().waitFor();

    // The student's own browser calling a proctor's action is refused and changes nothing.
    const refused = await student.evaluate(
      async ({ sittingId, studentId, attemptId }) => {
        const post = (path: string, body: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }).then((r) => r.status);
        return [
          await post(`/api/sittings/${sittingId}/students/${studentId}/interventions`, {
            action: 'permit_leave',
          }),
          await post(`/api/sittings/${sittingId}/attempts/${attemptId}/pause`, {}),
          await post(`/api/sittings/${sittingId}/students/${studentId}/violations`, {
            type: 'other',
            severity: 'low',
          }),
        ];
      },
      { sittingId, studentId: studentApi.id, attemptId },
    );
    expect(refused).toEqual([403, 403, 403]);
    const log = await proctorApi.api('studentLog', { params: { sittingId, studentId: studentApi.id } });
    expect(log.filter((e) => e.type === 'leave_permitted')).toEqual([]);

    // The overview lists the student with their stage; the report downloads as a PDF.
    const overview = await openAs(`/proctor/sittings/${sittingId}/proctoring`, 'proctor1');
    const table = overview.getByRole('table', { name: 'Students' });
    await table.getByRole('link', { name: studentApi.fullName }).waitFor({ timeout: 15_000 });
    const studentRow = table.locator(`tr[data-student-id="${studentApi.id}"]`);
    expect(await studentRow.getAttribute('data-stage')).toBe('in_test');
    await screenshot(overview, 'proctoring-overview', true);
    const [download] = await Promise.all([
      proctor.waitForEvent('download'),
      proctor.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a camera turned off suspends the test until it is back; a room scan request reaches the student', async () => {
    const login = 'student28';
    const proctorApi = await apiAs(baseUrl, 'proctor1');
    const studentApi = await apiAs(baseUrl, login);
    const sitting = (await proctorApi.api('listSittings')).find((s) => s.kind === 'computer_test');
    if (!sitting) throw new Error('no computer_test sitting');
    const { sittingId } = sitting;
    await proctorApi.api('setAdmission', {
      params: { sittingId },
      body: { studentId: studentApi.id, access: 'green' },
    });

    const student = await openAs(`/sittings/${sittingId}/test`, login);
    await student.waitForURL(`**/sittings/${sittingId}/test/checks`);
    await student.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await student.getByText('The camera and the microphone reach the proctor.').waitFor({ timeout: 20_000 });
    await student.getByRole('button', { name: 'Next: identity check' }).click();
    await student.getByRole('button', { name: 'Next: the rules' }).click();
    await student.getByLabel('I agree').check();
    await student.getByRole('button', { name: 'Next', exact: true }).click();
    await student.getByRole('button', { name: 'Next', exact: true }).click();
    await student.waitForURL(/\/test\/attempts\/[0-9a-f-]+$/);
    const attemptId = student.url().split('/').at(-1) as string;

    // The room scan request: the student is told what to show.
    await proctorApi.api('intervene', {
      params: { sittingId, studentId: studentApi.id },
      body: { action: 'request_room_scan', note: 'Show the desk, please.' },
    });
    await student.getByRole('alert', { name: 'Show your room to the proctor' }).waitFor({ timeout: 10_000 });

    // The camera stops (as if unplugged): the test is suspended, answers locked, clock stopped.
    await student.evaluate(() => {
      for (const video of document.querySelectorAll('video'))
        for (const track of (video.srcObject as MediaStream | null)?.getVideoTracks() ?? []) {
          // What an unplugged camera does: the track ends and says so.
          track.stop();
          track.dispatchEvent(new Event('ended'));
        }
    });
    const suspended = student.getByTestId('suspended');
    await suspended.waitFor({ timeout: 15_000 });
    expect(await suspended.getAttribute('data-clock')).toBe('stopped');
    const during = await studentApi.api('getAttempt', { params: { attemptId } });
    expect(during.status).toBe('suspended');
    await screenshot(student, 'test-suspended');
    const log = await proctorApi.api('studentLog', { params: { sittingId, studentId: studentApi.id } });
    expect(log.map((e) => e.type)).toContain('suspended');

    // Turning the camera back on lifts the suspension.
    await suspended.getByRole('button', { name: 'Go to my devices' }).click();
    await student
      .getByRole('button', { name: /^(Turn on camera and microphone|Turn the camera on again)$/ })
      .click();
    await suspended.waitFor({ state: 'detached', timeout: 20_000 });
    const back = await studentApi.api('getAttempt', { params: { attemptId } });
    expect(back).toMatchObject({ status: 'in_progress', pausedAt: null });
    expect(Date.parse(back.deadlineAt)).toBeGreaterThan(Date.parse(during.deadlineAt));
  });
});
