import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage, screenshot } from './support/browser.js';

/**
 * Issue 6, the written exam from the draw to the published grade, with the student's and the
 * proctor's browsers side by side: draw a face-down ticket, write, upload three answer-sheet
 * photos, the proctor rejects one and the student uploads it again, the proctor permits leave,
 * the examiner grades and publishes, and the student sees the grade.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student30';
let browser: Browser;
const contexts: BrowserContext[] = [];
const photos = mkdtempSync(join(tmpdir(), 'adal-sheets-'));

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MEDIA_ARGS);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const openAs = (path: string, login: string) =>
  openPage(browser, baseUrl, path, { login, keepIn: contexts, errorLabel: login });

/** A photographed A4 sheet: white paper on a dark desk with lines of "handwriting" (page n, nth take). */
async function sheetPhoto(n: number, take: number): Promise<string> {
  const lines = Array.from(
    { length: 18 },
    (_, i) =>
      `<rect x="120" y="${140 + i * 46}" width="${380 + ((i * 37 + n * 53) % 360)}" height="7" fill="#1a1a1a"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1300">
    <rect width="1000" height="1300" fill="#3b3026"/>
    <rect x="60" y="60" width="880" height="1180" fill="#f4f1ea"/>
    <text x="120" y="110" font-size="40" fill="#111">${n}.${take}</text>${lines}</svg>`;
  const file = join(photos, `page-${n}-${Date.now()}.jpg`);
  writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer());
  return file;
}

async function uploadPage(student: Page, n: number, take = 1): Promise<void> {
  const draft = student.locator(`li[data-testid="page-draft"][data-page="${n}"]`);
  await draft.getByLabel(`Photo of page ${n}`).setInputFiles(await sheetPhoto(n, take));
  await draft.getByRole('button', { name: `Upload page ${n}` }).click();
  try {
    await student
      .locator(`li.sheet-page[data-page="${n}"][data-status="pending"]`)
      .waitFor({ timeout: 30_000 });
  } catch (error) {
    await screenshot(student, `written-upload-${n}-failed`, true);
    console.error(await student.getByTestId('answer-sheets').innerText());
    throw error;
  }
}

describe('a written exam from the draw to the grade', () => {
  it('draw, write, upload three pages, one rejected and sent again, leave, grade and publish', async () => {
    const proctorApi = await apiAs(baseUrl, 'proctor1');
    const studentApi = await apiAs(baseUrl, STUDENT);
    const sitting = (await proctorApi.api('listSittings')).find((s) => s.kind === 'written');
    if (!sitting) throw new Error('no written sitting');
    const { sittingId } = sitting;
    await proctorApi.api('setAdmission', {
      params: { sittingId },
      body: { studentId: studentApi.id, access: 'green' },
    });

    // The draw: cards face down, one picked and confirmed; the ticket appears only then.
    const student = await openAs(`/sittings/${sittingId}`, STUDENT);
    const cards = student.getByRole('list', { name: 'Tickets face down' });
    await cards.waitFor({ timeout: 20_000 });
    expect(await student.getByTestId('drawn-ticket').count()).toBe(0);
    await cards.getByRole('button', { name: /^Card 2 of \d+$/ }).click();
    await student.getByRole('button', { name: 'Draw this ticket' }).click();
    const ticket = student.getByTestId('drawn-ticket');
    await ticket.waitFor();
    const ticketNumber = await ticket.getAttribute('data-ticket-number');
    expect(Number(ticketNumber)).toBeGreaterThan(0);
    expect(await student.locator('ol.ticket-questions li').count()).toBeGreaterThan(0);

    // The writing time: two hours from the server, then "I have finished writing".
    const writing = student.getByTestId('writing-time');
    await writing.waitFor();
    expect(await writing.getAttribute('data-state')).toBe('running');
    expect(await student.getByTestId('time-left').textContent()).toMatch(/^0?[12]:[0-5]\d:[0-5]\d$/);
    await student.getByRole('button', { name: 'I have finished writing' }).click();
    await student.getByRole('button', { name: 'Yes, I have finished' }).click();
    await student.getByTestId('writing-over').waitFor({ timeout: 10_000 });
    expect(await student.getByTestId('time-left').count()).toBe(0);

    // Three pages photographed and uploaded, each with its progress bar.
    const sheets = student.getByTestId('answer-sheets');
    await sheets.waitFor();
    await uploadPage(student, 1);
    for (const n of [2, 3]) {
      await student.getByRole('button', { name: 'Add a page' }).click();
      await uploadPage(student, n);
    }
    await screenshot(student, 'written-sheets-uploaded', true);

    // The proctor's gallery: page 2 rejected as blurred with a note, pages 1 and 3 accepted.
    const proctor = await openAs(
      `/proctor/sittings/${sittingId}/sheets?student=${studentApi.id}`,
      'proctor1',
    );
    const card = (n: number) => proctor.locator(`li.sheet-card[data-page="${n}"]`);
    await card(3).waitFor({ timeout: 20_000 });
    await proctor.getByRole('button', { name: 'Reject page 2' }).first().click();
    const reject = proctor.getByRole('form', { name: 'Reject page 2' });
    await reject.getByLabel('Reason').selectOption('blurred');
    await reject.getByLabel('Note for the student').fill('The lower half is out of focus.');
    await reject.getByRole('button', { name: 'Reject the page' }).click();
    await proctor.getByRole('button', { name: 'Accept page 1' }).first().click();
    await proctor.getByRole('button', { name: 'Accept page 3' }).first().click();
    await card(2).and(proctor.locator('[data-status="rejected"]')).waitFor();

    // The student is told at once, with the reason, and uploads page 2 again.
    const rejected = student.locator('li.sheet-page[data-page="2"][data-status="rejected"]');
    await rejected.waitFor({ timeout: 10_000 });
    expect(await rejected.getByTestId('sheet-reject-note').textContent()).toContain('out of focus');
    await rejected.getByRole('button', { name: 'Upload page 2 again' }).click();
    // A new photo: sending the rejected one again is refused (the server knows its hash).
    await uploadPage(student, 2, 2);

    // Accepted: the proctor lets the student go, which ends the sitting for them.
    await card(2).and(proctor.locator('[data-status="pending"]')).waitFor({ timeout: 10_000 });
    await proctor.getByRole('button', { name: 'Accept page 2' }).first().click();
    await proctor.getByTestId('all-accepted').waitFor();
    await student.getByTestId('sheets-all-accepted').waitFor({ timeout: 10_000 });
    await proctor.getByRole('button', { name: 'Permit leave' }).click();
    await proctor.getByRole('button', { name: 'Let the student leave' }).click();
    await proctor.getByTestId('left').waitFor();
    const pages = await proctorApi.api('studentSheetsForStaff', {
      params: { sittingId, studentId: studentApi.id },
    });
    expect(pages.pages.map((p) => [p.pageNumber, p.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
    ]);
    // The rejected photo is kept as the earlier version of page 2.
    expect(pages.replaced.map((p) => [p.pageNumber, p.status])).toEqual([[2, 'rejected']]);

    // The examiner grades; the student sees nothing until the grades are published.
    const result = student.getByTestId('exam-result');
    await result.waitFor();
    await student.getByTestId('exam-result-waiting').waitFor();
    const grading = await openAs(`/proctor/sittings/${sittingId}/grading`, 'proctor1');
    const name = studentApi.fullName;
    await grading.getByRole('textbox', { name: `Percent for ${name}` }).fill('87');
    await grading.getByRole('textbox', { name: `Comment for ${name}` }).fill('Clear and complete answers.');
    await grading.getByRole('button', { name: `Save the grade of ${name}` }).click();
    const row = grading.locator(`[data-testid="grade-row"][data-student-id="${studentApi.id}"]`);
    await row.locator('[data-testid="row-status"][data-status="saved"]').waitFor();
    expect(await student.getByTestId('exam-result-grade').count()).toBe(0);
    await grading.getByTestId('publish-grades').click();
    await grading
      .getByTestId('publish-confirm')
      .getByRole('button', { name: 'Publish', exact: true })
      .click();
    await grading.getByTestId('publish-result').waitFor();

    const grade = student.getByTestId('exam-result-grade');
    await grade.waitFor({ timeout: 10_000 });
    expect(await grade.getAttribute('data-letter')).toBe('B+');
    expect(await student.getByTestId('examiner-comment').textContent()).toContain('Clear and complete');
    await screenshot(student, 'written-result', true);
  }, 240_000);
});
