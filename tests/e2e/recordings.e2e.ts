import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage, screenshot } from './support/browser.js';
import { chooseLanguage, heading, sittingCard } from './support/screens.js';

/**
 * Recordings: a student publishes camera, microphone and screen, leaves; the SFU has recorded
 * it; the assigned proctor lists and downloads it (a playable WebM), another proctor is refused,
 * and the admin deletes the sitting's recordings.
 */
const baseUrl = inject('baseUrl');
const run = promisify(execFile);
let browser: Browser;
let downloads: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MEDIA_ARGS);
  downloads = await mkdtemp(join(tmpdir(), 'adal-recordings-e2e-'));
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** A fresh profile on `path`, signed in as `login`; closed in afterAll. */
const openAs = (path: string, login: string): Promise<Page> =>
  openPage(browser, baseUrl, path, { login, errorLabel: login, keepIn: contexts });

const myId = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { id: string }).id);

interface Probe {
  streams: { codec_type: string; nb_read_frames?: string }[];
}

/** Frames per stream kind, counted by decoding the whole file. */
async function framesIn(file: string): Promise<Record<string, number>> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-show_entries',
    'stream=codec_type,nb_read_frames',
    '-of',
    'json',
    file,
  ]);
  const frames: Record<string, number> = {};
  for (const s of (JSON.parse(stdout) as Probe).streams)
    frames[s.codec_type] = (frames[s.codec_type] ?? 0) + Number(s.nb_read_frames ?? 0);
  return frames;
}

describe('recordings of a sitting', () => {
  let sittingId: string;
  let discipline: string;
  let studentId: string;
  let proctor: Page;

  const page = () => `/proctor/sittings/${sittingId}/recordings`;
  const studentGroup = (p: Page) => p.locator(`section.student-recordings[data-student-id="${studentId}"]`);
  const row = (p: Page, source: string) => studentGroup(p).locator(`tr[data-source="${source}"]`);

  beforeAll(async () => {
    proctor = await openAs('/proctor/', 'proctor1');
    await heading(proctor, 'My sittings').waitFor();
    const card = sittingCard(proctor, 'computer_test');
    sittingId = (await card.getAttribute('data-sitting-id')) ?? '';
    discipline = (await card.locator('h2').textContent())?.split(' · ')[0]?.trim() ?? '';
    expect(sittingId).not.toBe('');
  });

  it('a student publishes camera, microphone and the entire screen for a few seconds, then leaves', async () => {
    const student = await openAs('/', 'student15');
    await heading(student, 'Exam schedule').waitFor();
    studentId = await myId(student);
    await student.goto(`/sittings/${sittingId}`);
    await student.getByRole('heading', { name: 'Devices' }).waitFor();
    await student.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await student.getByRole('button', { name: 'Share entire screen' }).click();
    for (const source of ['webcam', 'microphone', 'screen'])
      await student
        .locator(`.source-status li[data-source="${source}"][data-status="publishing"]`)
        .waitFor({ timeout: 15_000 });
    // While the student is still sending, the recordings page shows it as being recorded.
    await proctor.goto(page());
    await heading(proctor, `Recordings: ${discipline}`).waitFor();
    await expect
      .poll(
        async () => {
          await proctor.getByRole('button', { name: 'Refresh', exact: true }).click();
          return row(proctor, 'webcam')
            .first()
            .getAttribute('data-status', { timeout: 1000 })
            .catch(() => null);
        },
        { timeout: 15_000 },
      )
      .toBe('recording');
    await screenshot(proctor, 'proctor-recordings-while-recording', true);
    await student.waitForTimeout(4000);
    await student.context().close();
  }, 60_000);

  it('the assigned proctor opens Recordings from the sitting card and sees the camera (with the microphone) and the screen', async () => {
    await proctor.goto('/proctor/');
    await sittingCard(proctor, 'computer_test')
      .getByRole('link', { name: `Recordings: ${discipline}`, exact: true })
      .click();
    await heading(proctor, `Recordings: ${discipline}`).waitFor();
    expect(new URL(proctor.url()).pathname).toBe(page());
    // The SFU closes the segments once it notices the student left.
    await expect
      .poll(
        async () => {
          await proctor.getByRole('button', { name: 'Refresh', exact: true }).click();
          return studentGroup(proctor)
            .locator('tbody tr')
            .evaluateAll((rows) =>
              rows.map((r) => `${r.getAttribute('data-source')}:${r.getAttribute('data-status')}`),
            )
            .then((list) => list.sort().join(' '));
        },
        { timeout: 20_000 },
      )
      .toBe('microphone:complete screen:complete webcam:complete');

    await studentGroup(proctor).getByRole('heading', { level: 2 }).waitFor();
    const webcam = row(proctor, 'webcam');
    expect(await webcam.getByRole('rowheader').textContent()).toBe('Camera and microphone');
    expect(await webcam.locator('.recording-status').textContent()).toBe('Complete');
    expect(await webcam.locator('td').nth(1).textContent()).toMatch(/^\d+:\d{2}$/);
    expect(await webcam.locator('td').nth(2).textContent()).toMatch(/^\d+\.\d MB$/);
    expect(await row(proctor, 'screen').getByRole('rowheader').textContent()).toBe('Screen');
    // The microphone is not offered twice: it is inside the camera's file.
    expect(await row(proctor, 'microphone').getByRole('link').count()).toBe(0);
    expect(await row(proctor, 'microphone').textContent()).toContain('In the camera file');
    // Deleting is for admins only.
    expect(await proctor.getByRole('button', { name: 'Delete this sitting’s recordings' }).count()).toBe(0);
    await screenshot(proctor, 'proctor-recordings', true);
  });

  it('the download is a WebM with the camera’s video frames and the microphone’s sound', async () => {
    const link = row(proctor, 'webcam').getByRole('link', { name: /^Download: / });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^/api/sittings/${sittingId}/recordings/[^/]+/file$`));

    // The link itself, with the proctor's cookie: the browser saves the file.
    const [download] = await Promise.all([proctor.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/-webcam-.*\.webm$/);
    const webcamFile = join(downloads, 'webcam.webm');
    await download.saveAs(webcamFile);
    expect((await stat(webcamFile)).size).toBeGreaterThan(0);
    const frames = await framesIn(webcamFile);
    console.info(`webcam download: ${JSON.stringify(frames)}`);
    expect(frames.video).toBeGreaterThan(0);
    expect(frames.audio).toBeGreaterThan(0);

    // The screen's file, fetched with the same session: 200, video/webm.
    const screenHref = (await row(proctor, 'screen').getByRole('link').getAttribute('href')) ?? '';
    const response = await proctor.context().request.get(screenHref);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^video\/webm/);
    const screenFile = join(downloads, 'screen.webm');
    await writeFile(screenFile, await response.body());
    expect((await framesIn(screenFile)).video).toBeGreaterThan(0);
  });

  it('a session report link opens the camera recording at the moment of the entry', async () => {
    const report = await proctor.evaluate(
      async ({ sittingId, studentId }) =>
        (await fetch(`/api/sittings/${sittingId}/students/${studentId}/report`)).json(),
      { sittingId, studentId },
    );
    const linked = (report.timeline as { recording: { href: string; offsetSeconds: number } | null }[]).find(
      (item) => item.recording !== null,
    );
    if (!linked?.recording) throw new Error('no report entry links into a recording');
    await proctor.goto(linked.recording.href);
    const player = proctor.getByRole('region', { name: /^Playing: / });
    const video = player.locator('video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toMatch(new RegExp(`/file#t=${linked.recording.offsetSeconds}$`));
    // The browser loads the file and starts it at that second.
    await expect
      .poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v) => (v as HTMLVideoElement).currentTime)).toBeGreaterThanOrEqual(
      linked.recording.offsetSeconds,
    );
    await player.getByRole('button', { name: 'Close the player' }).click();
    await player.waitFor({ state: 'detached' });
  });

  it('the page speaks Kazakh and Russian too', async () => {
    await chooseLanguage(proctor, 'kk');
    await heading(proctor, `Жазбалар: ${discipline}`).waitFor();
    expect(await row(proctor, 'webcam').getByRole('rowheader').textContent()).toBe('Камера мен микрофон');
    expect(await row(proctor, 'webcam').locator('.recording-status').textContent()).toBe('Аяқталды');
    await screenshot(proctor, 'proctor-recordings-kk', true);
    await chooseLanguage(proctor, 'ru');
    await heading(proctor, `Записи: ${discipline}`).waitFor();
    expect(await row(proctor, 'screen').getByRole('link').textContent()).toBe('Скачать');
    expect(await row(proctor, 'webcam').locator('td').nth(2).textContent()).toMatch(/^\d+,\d МБ$/);
    await chooseLanguage(proctor, 'en');
    await heading(proctor, `Recordings: ${discipline}`).waitFor();
  });

  it('a proctor not assigned to the sitting is refused, on the page and by the API', async () => {
    const outsider = await openAs('/proctor/', 'proctor2');
    await heading(outsider, 'My sittings').waitFor();
    const href = (await row(proctor, 'webcam').getByRole('link').getAttribute('href')) ?? '';
    const statuses = await outsider.evaluate(
      async ({ list, file }) => [(await fetch(list)).status, (await fetch(file)).status],
      { list: `/api/sittings/${sittingId}/recordings`, file: href },
    );
    expect(statuses).toEqual([403, 403]);
    await outsider.goto(page());
    await outsider.getByText('You are not assigned to this sitting.').waitFor();
    expect(await outsider.locator('section.student-recordings').count()).toBe(0);
    expect(await outsider.getByRole('link', { name: /^Download/ }).count()).toBe(0);
  });

  it('the admin deletes the sitting’s recordings after a confirmation; the list is then empty', async () => {
    // A proctor may not delete, whatever the page shows.
    const refused = await proctor.evaluate(
      async (url) => (await fetch(url, { method: 'DELETE' })).status,
      `/api/sittings/${sittingId}/recordings`,
    );
    expect(refused).toBe(403);

    const admin = await openAs(page(), 'admin');
    await heading(admin, `Recordings: ${discipline}`).waitFor();
    await row(admin, 'webcam').waitFor();
    const segments = await admin.locator('section.student-recordings tbody tr').count();
    await admin.getByRole('button', { name: 'Delete this sitting’s recordings' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Delete the recordings of this sitting?' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('This cannot be undone.');
    expect(text).toContain('audit log');
    await screenshot(admin, 'admin-delete-recordings');

    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await admin.locator('section.student-recordings tbody tr').count()).toBe(segments);

    await admin.getByRole('button', { name: 'Delete this sitting’s recordings' }).click();
    await dialog.getByRole('button', { name: 'Delete recordings' }).click();
    const result = admin.getByTestId('recordings-deleted');
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      new RegExp(`^Recordings deleted: ${segments} \\(\\d+\\.\\d MB\\)\\.$`),
    );
    await admin.getByText('Nothing has been recorded for this sitting.').waitFor();
    expect(await admin.locator('section.student-recordings').count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Delete this sitting’s recordings' }).count()).toBe(0);

    // The proctor's list is empty too, and the old link now answers 404.
    const href = (await row(proctor, 'webcam').getByRole('link').getAttribute('href')) ?? '';
    await proctor.getByRole('button', { name: 'Refresh', exact: true }).click();
    await proctor.getByText('Nothing has been recorded for this sitting.').waitFor();
    const gone = await proctor.evaluate(async (url) => (await fetch(url)).status, href);
    expect(gone).toBe(404);
  });
});
