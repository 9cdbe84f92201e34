import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeUpstream, upstream } from './live-media-upstream.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage } from './support/browser.js';
import { inboundVideo } from './support/rtc.js';
import { heading, sittingCard } from './support/screens.js';

/**
 * Is the student's screen readable at the proctor with the default screen encoding (≤ 150 kbit/s,
 * 5 fps, contentHint "detail")? Chromium's fake monitor shows a moving test pattern, so the
 * student's tab is captured instead (real screen-capture path: Chrome's screencast encoder
 * settings) showing an exam page of text on a 1920×1080 viewport, and reported as the entire
 * screen. The proctor's decoded frame is compared with a screenshot of what the student saw:
 * PSNR of the luma over the text block.
 */
const baseUrl = inject('baseUrl');
const SCREEN = { width: 1920, height: 1080 };
let proctorBrowser: Browser;
/** No fake devices here: with them Chromium returns its test pattern even for tab capture. */
let studentBrowser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  proctorBrowser = await launchBrowser(FAKE_MEDIA_ARGS);
  studentBrowser = await launchBrowser(['--auto-accept-this-tab-capture']);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await proctorBrowser?.close();
  await studentBrowser?.close();
});

/** A fresh profile on `path` that keeps its peer connections, signed in as `login`. */
const openAs = (
  browser: Browser,
  path: string,
  login: string,
  viewport?: { width: number; height: number },
) =>
  openPage(browser, baseUrl, path, {
    login,
    errorLabel: path,
    capturePeerConnections: true,
    viewport,
    keepIn: contexts,
  });

/** An exam page as a student would have it on screen: body text, small print, Kazakh and code. */
const EXAM_TEXT = `
<h1 style="font-size:24px;margin:0 0 16px">Question 7 of 25 · Databases · 38:12 left</h1>
<p>Which transaction isolation level prevents phantom reads in PostgreSQL 16, and what does it cost?</p>
<ol type="A">
  <li>READ COMMITTED: each statement sees a snapshot taken when the statement began.</li>
  <li>REPEATABLE READ: the transaction sees a snapshot taken at its first statement.</li>
  <li>SERIALIZABLE: as REPEATABLE READ, plus predicate locks; may fail with error 40001.</li>
  <li>READ UNCOMMITTED: behaves as READ COMMITTED in PostgreSQL.</li>
</ol>
<p>Сұрақ 8. Деректер қорындағы транзакция дегеніміз не? Жауабыңызды түсіндіріңіз.</p>
<pre style="font-size:14px">SELECT id, name FROM students WHERE group_id = 42 ORDER BY name LIMIT 10;</pre>
<p style="font-size:13px;color:#444">Small print (13 px): answers are saved automatically every 10 s; 0123456789 IlI1| O0o.</p>
`;

/** Covers the student's page with the exam text; returns the text block's box (CSS px = screen px). */
function showExamText(page: Page) {
  return page.evaluate((html) => {
    const overlay = document.createElement('div');
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:#fff;color:#111;padding:48px;font:16px/1.5 sans-serif';
    const block = document.createElement('div');
    block.style.cssText = 'display:inline-block;max-width:1100px';
    block.innerHTML = html;
    overlay.append(block);
    document.body.append(overlay);
    const r = block.getBoundingClientRect();
    return { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) };
  }, EXAM_TEXT);
}

type Box = Awaited<ReturnType<typeof showExamText>>;

/**
 * The frame a <video> shows now, compared with a reference PNG (same size): PSNR (dB) of the
 * luma inside `box`, and the frame itself as a PNG data URL. With `downscale`, the video is
 * ignored and the reference is compared with itself sent through a 1/downscale-size canvas:
 * what a resolution drop alone would score.
 */
function compareFrame(video: Locator, referencePng: string, box: Box, downscale = 0) {
  return video.evaluate(
    async (element, { referencePng, box, downscale }) => {
      const v = element as HTMLVideoElement;
      const pixels = (source: CanvasImageSource, w: number, h: number, scale = 1) => {
        const small = document.createElement('canvas');
        small.width = Math.round(w / scale);
        small.height = Math.round(h / scale);
        small.getContext('2d')?.drawImage(source, 0, 0, small.width, small.height);
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        ctx.drawImage(small, 0, 0, w, h);
        return { data: ctx.getImageData(box.x, box.y, box.width, box.height).data, url: canvas };
      };
      const image = new Image();
      image.src = referencePng;
      await image.decode();
      const want = pixels(image, image.naturalWidth, image.naturalHeight);
      const got = downscale
        ? pixels(image, image.naturalWidth, image.naturalHeight, downscale)
        : pixels(v, v.videoWidth, v.videoHeight);
      const luma = (d: Uint8ClampedArray, i: number) =>
        0.299 * (d[i] ?? 0) + 0.587 * (d[i + 1] ?? 0) + 0.114 * (d[i + 2] ?? 0);
      let squared = 0;
      for (let i = 0; i < got.data.length; i += 4) squared += (luma(got.data, i) - luma(want.data, i)) ** 2;
      const mse = squared / (got.data.length / 4);
      return {
        width: v.videoWidth,
        height: v.videoHeight,
        psnr: mse === 0 ? 99 : Math.round(10 * Math.log10(255 ** 2 / mse) * 10) / 10,
        png: got.url.toDataURL('image/png'),
      };
    },
    { referencePng, box, downscale },
  );
}

/** Frames for a human to look at; written only when ADAL_SHOTS_DIR is set (like screenshots). */
function keepFrame(name: string, dataUrl: string): void {
  const dir = process.env.ADAL_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.png`), Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
}

describe('screen readability at the default screen encoding', () => {
  it('a page of exam text on a 1920×1080 screen reaches the proctor at full resolution and legible', async () => {
    const proctor = await openAs(proctorBrowser, '/proctor/', 'proctor1');
    await heading(proctor, 'My sittings').waitFor();
    const sittingId = await sittingCard(proctor, 'computer_test').getAttribute('data-sitting-id');

    const student = await openAs(studentBrowser, '/', 'student08', SCREEN);
    // The picker "returns the entire screen": this tab, through Chrome's real capture path.
    await student.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const original = devices.getDisplayMedia.bind(devices);
      devices.getDisplayMedia = async (options) => {
        const stream = await original({
          ...options,
          preferCurrentTab: true,
          selfBrowserSurface: 'include',
        } as DisplayMediaStreamOptions);
        for (const track of stream.getVideoTracks()) {
          const settings = track.getSettings.bind(track);
          track.getSettings = () => ({ ...settings(), displaySurface: 'monitor' }) as MediaTrackSettings;
        }
        return stream;
      };
    });
    await heading(student, 'Exam schedule').waitFor();
    await student.goto(`/sittings/${sittingId}`);
    await student.getByRole('heading', { name: 'Devices' }).waitFor();
    await student.getByRole('button', { name: 'Share entire screen' }).click();
    await student
      .locator('.source-status li[data-source="screen"][data-status="publishing"]')
      .waitFor({ timeout: 15_000 });
    const studentId = await student.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { id: string }).id,
    );
    const box = await showExamText(student);
    const reference = `data:image/png;base64,${(await student.screenshot()).toString('base64')}`;

    await proctor.goto(`/proctor/sittings/${sittingId}/live`);
    const tile = proctor.locator(`li.live-tile[data-student-id="${studentId}"]`);
    await tile.getByRole('button', { name: /^Select / }).click();
    const screen = proctor.locator('section.selected-student').getByTestId('selected-screen');
    await expect
      .poll(async () => (await inboundVideo(screen))?.framesDecoded ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const shownAt = Date.now();

    // The text is static: the encoder refines it over the next frames. Sample as it converges.
    const samples: { afterMs: number; psnr: number; width: number; height: number }[] = [];
    let last = await compareFrame(screen, reference, box);
    for (const at of [1000, 3000, 6000, 10_000]) {
      await proctor.waitForTimeout(Math.max(0, shownAt + at - Date.now()));
      last = await compareFrame(screen, reference, box);
      samples.push({
        afterMs: Date.now() - shownAt,
        psnr: last.psnr,
        width: last.width,
        height: last.height,
      });
      keepFrame(`proctor-screen-text-${at}ms`, last.png);
    }
    // Yardstick: the same page at half the resolution (960×540), scaled back up.
    const halfResolution = (await compareFrame(screen, reference, box, 2)).psnr;
    const sent = (await upstream(student, 5000)).filter((s) => s.kind === 'video');
    const inbound = await inboundVideo(screen);
    console.info(
      `screen text at the proctor (luma PSNR over the text block, ${box.width}×${box.height} px):\n  ${samples
        .map((s) => `+${s.afterMs} ms ${s.width}×${s.height} ${s.psnr} dB`)
        .join(
          '\n  ',
        )}\n  (the page at 960×540, scaled up: ${halfResolution} dB)\nstudent screen outbound-rtp:\n${describeUpstream(sent)}\nproctor inbound ${inbound?.frameWidth}×${inbound?.frameHeight}`,
    );

    // contentHint "detail": the encoder keeps the resolution and gives up frame rate instead.
    expect([last.width, last.height]).toEqual([SCREEN.width, SCREEN.height]);
    // Sharper than the same page would be at half the resolution (blurred text, hard to read).
    expect(last.psnr).toBeGreaterThan(halfResolution + 5);
  }, 90_000);
});
