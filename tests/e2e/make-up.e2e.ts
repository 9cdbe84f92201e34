import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { launchBrowser, openPage } from './support/browser.js';

/**
 * Issue 6, absence and make-up in two browsers: student09 missed a written exam (the registrar
 * scheduled it two days ago) and applies under "Missed exams" with a PDF; the dean's office
 * approves it with a date on the console; the student sees "Approved" live and the make-up
 * sitting is in their schedule.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student09';
let browser: Browser;
const contexts: BrowserContext[] = [];
const files = mkdtempSync(join(tmpdir(), 'adal-make-up-'));

beforeAll(async () => {
  browser = await launchBrowser([]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('absence and make-up', () => {
  it('a student applies with evidence, the dean’s office approves, the make-up sitting is scheduled', async () => {
    const registrar = await apiAs(baseUrl, 'registrar');
    const student = await apiAs(baseUrl, STUDENT);
    const written = (await registrar.api('listSittings', {})).find(
      (s) => s.kind === 'written' && s.students.some((x) => x.studentId === student.id),
    );
    if (!written) throw new Error('no written exam for the student’s group');
    await registrar.api('createSitting', {
      body: {
        disciplineId: written.discipline.id,
        groupId: written.group.id,
        kind: 'written',
        startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        durationMinutes: 120,
      },
    });
    const evidence = join(files, 'certificate.pdf');
    writeFileSync(evidence, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

    const page = await openPage(browser, baseUrl, '/make-up', {
      login: STUDENT,
      keepIn: contexts,
      errorLabel: STUDENT,
    });
    await page.getByLabel('Reason for the absence').first().selectOption('power_cut');
    await page.getByLabel('What happened').first().fill('The power was cut in our district from 9 to 13.');
    await page.locator('input[type="file"]').first().setInputFiles(evidence);
    await page.getByRole('button', { name: 'Send the application' }).first().click();
    await page.getByText('Under review').first().waitFor({ timeout: 15_000 });

    const office = await openPage(browser, baseUrl, '/proctor/make-up', {
      login: 'registrar',
      keepIn: contexts,
      errorLabel: 'registrar',
    });
    await office.getByRole('button', { name: 'Approve…' }).first().click();
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await office.getByLabel('Make-up sitting starts').first().fill(`${day}T10:00`);
    await office.getByRole('button', { name: 'Approve', exact: true }).first().click();
    await office.getByRole('button', { name: 'Yes, approve' }).first().click();
    await page.getByText('Approved').first().waitFor({ timeout: 15_000 });

    const schedule = await student.api('studentSchedule', {});
    expect(schedule.filter((e) => e.makeUpOf !== null)).toHaveLength(1);
  }, 120_000);
});
