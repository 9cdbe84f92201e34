import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlagReport } from '@adal/shared';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage } from './support/browser.js';
import { heading } from './support/screens.js';

/**
 * On-device monitoring (issue 7) in Chromium: the fake webcam plays a clip of two people side by
 * side; during the computer test the student's own browser flags "more than one face" with one
 * snapshot, ends the episode when the test is finished, and the server logs it.
 */
const baseUrl = inject('baseUrl');
const STUDENT = 'student26';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(repoRoot, 'exam-client', 'package.json'));
const SAMPLE = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');
/** Two faces of sample1.jpg as 4:3 portraits (the same crops as face-worker.e2e.ts). */
const PORTRAITS = [
  { left: 1319, top: 161, width: 528, height: 396 },
  { left: 693, top: 384, width: 480, height: 360 },
] as const;
const W = 640;
const H = 480;

/** A y4m clip (the format Chromium's fake camera plays): both portraits side by side, 4 frames. */
async function twoFacesClip(): Promise<string> {
  const halves = await Promise.all(
    PORTRAITS.map((crop) =>
      sharp(SAMPLE)
        .extract(crop)
        .resize(W / 2, H / 2)
        .toBuffer(),
    ),
  );
  const { data } = await sharp({
    create: { width: W, height: H, channels: 3, background: { r: 128, g: 128, b: 128 } },
  })
    .composite(halves.map((input, i) => ({ input, left: (i * W) / 2, top: H / 4 })))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // RGB to I420 (BT.601, full range as C420jpeg says).
  const y = Buffer.alloc(W * H);
  const u = Buffer.alloc((W / 2) * (H / 2));
  const v = Buffer.alloc((W / 2) * (H / 2));
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
  for (let row = 0; row < H; row++)
    for (let col = 0; col < W; col++) {
      const i = (row * W + col) * 3;
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      y[row * W + col] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
      if (row % 2 === 0 && col % 2 === 0) {
        const c = (row / 2) * (W / 2) + col / 2;
        u[c] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        v[c] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      }
    }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  const file = join(mkdtempSync(join(tmpdir(), 'adal-monitoring-')), 'two-faces.y4m');
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`), frame, frame, frame, frame]),
  );
  return file;
}

/** The monitoring's reports in one request to the flags route. */
const reportsIn = (request: Request): FlagReport[] =>
  request.url().endsWith('/flags') && request.method() === 'POST'
    ? ((request.postDataJSON() as { reports: FlagReport[] }).reports ?? [])
    : [];

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser([
    ...FAKE_MEDIA_ARGS,
    `--use-file-for-fake-video-capture=${await twoFacesClip()}`,
  ]);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('on-device monitoring', () => {
  it('flags two faces during the computer test with one snapshot, and the log has the episode', async () => {
    const proctor = await apiAs(baseUrl, 'proctor1');
    const sitting = (await proctor.api('listSittings')).find((s) => s.kind === 'computer_test');
    if (!sitting) throw new Error('no computer_test sitting');
    const { sittingId } = sitting;
    const student = await apiAs(baseUrl, STUDENT);
    await proctor.api('setAdmission', {
      params: { sittingId },
      body: { studentId: student.id, access: 'green' },
    });

    const page = await openPage(browser, baseUrl, `/sittings/${sittingId}/test/checks`, {
      login: STUDENT,
      errorLabel: 'student',
    });
    context = page.context();
    const reports: FlagReport[] = [];
    page.on('request', (request) => reports.push(...reportsIn(request)));

    await page.waitForURL(`**/sittings/${sittingId}/test/checks`);
    await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await page.getByText('The camera and the microphone reach the proctor.').waitFor({ timeout: 15_000 });
    await page.getByTestId('monitoring-note').getByText('never video from this check').waitFor();
    await page.getByRole('button', { name: 'Next: identity check' }).click();
    await page.getByRole('button', { name: 'Next: the rules' }).click();
    await page.getByLabel('I agree').check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await heading(page, 'Test information').waitFor();
    // Before the attempt nothing is monitored.
    expect(reports).toEqual([]);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.waitForURL(/\/test\/attempts\/[0-9a-f-]+$/);

    // The face worker loads on the device, sees two faces for a second: the episode opens.
    const opening = () => reports.find((r) => r.type === 'multiple_faces' && r.endedAt === null);
    await expect.poll(opening, { timeout: 60_000, interval: 500 }).toBeTruthy();
    const first = opening() as FlagReport;
    expect(first.snapshot?.length).toBeGreaterThan(100);
    expect(first.confidence).toBeGreaterThan(50);

    // Finishing the test ends the monitoring: the open episode is reported as ended, without a snapshot.
    await page.getByRole('button', { name: 'Show all questions' }).click();
    const options = page.locator('section.question');
    for (const q of await options.all()) await q.locator('label.option').first().click();
    await page
      .getByTestId('answered-count')
      .getByText('You have answered 8 of 8')
      .waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByLabel('I understand that I answered all questions and finish the test').check();
    await page.getByRole('button', { name: 'Finish test' }).click();
    await heading(page, 'Testing finished').waitFor();
    await expect
      .poll(() => reports.find((r) => r.episodeId === first.episodeId && r.endedAt !== null), {
        timeout: 15_000,
      })
      .toBeTruthy();
    const sameEpisode = reports.filter((r) => r.episodeId === first.episodeId);
    expect(sameEpisode.filter((r) => r.snapshot).length).toBe(1);

    // The server logs the merged episode once the merge gap has passed.
    const logged = async () =>
      (await proctor.api('studentLog', { params: { sittingId, studentId: student.id } })).find(
        (e) => e.type === 'multiple_faces',
      );
    await expect.poll(logged, { timeout: 40_000, interval: 1_000 }).toBeTruthy();
    // The device's one snapshot passed the server's content check and is kept with the entry.
    expect((await logged())?.evidence).toHaveProperty('snapshotId');
  }, 180_000);
});
