import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  activeLayers,
  availableOutgoingKbps,
  describeUpstream,
  sendingLayers,
  totalKbps,
  upstream,
  webcamLayers,
  whenLayersStart,
} from './live-media-upstream.js';
import { FAKE_MEDIA_ARGS, launchBrowser, openPage, screenshot } from './support/browser.js';
import { inboundAudioPackets, inboundVideo } from './support/rtc.js';
import { heading, sittingCard } from './support/screens.js';

const baseUrl = inject('baseUrl');
const sfuUrl = inject('sfuUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MEDIA_ARGS);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** A fresh profile on `path` that keeps its peer connections, signed in when a login is given. */
const openAs = (path: string, login?: string): Promise<Page> =>
  openPage(browser, baseUrl, path, {
    login,
    errorLabel: path,
    capturePeerConnections: true,
    keepIn: contexts,
  });

/** The computer-test sitting (proctor1 only; proctor2 is not assigned to it). */
async function computerTestSitting(proctor: Page): Promise<string> {
  await heading(proctor, 'My sittings').waitFor();
  const id = await sittingCard(proctor, 'computer_test').getAttribute('data-sitting-id');
  if (!id) throw new Error('no computer_test sitting');
  return id;
}

const myId = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { id: string }).id);

/** A student on the sitting page with camera, microphone and the entire screen published. */
async function publishingStudent(login: string, sittingId: string): Promise<Page> {
  const student = await openAs('/', login);
  await heading(student, 'Exam schedule').waitFor();
  await student.goto(`/sittings/${sittingId}`);
  await student.getByRole('heading', { name: 'Devices' }).waitFor();
  await student.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await student.getByRole('button', { name: 'Share entire screen' }).click();
  for (const source of ['webcam', 'microphone', 'screen'])
    await student
      .locator(`.source-status li[data-source="${source}"][data-status="publishing"]`)
      .waitFor({ timeout: 15_000 });
  return student;
}

const sourceStatus = (page: Page, source: string) =>
  page.locator(`.source-status li[data-source="${source}"]`).getAttribute('data-status');

/** The SFU is another origin: the pages' Content-Security-Policy must let them connect to it. */
it("the apps' CSP lets the browser connect to the SFU", async () => {
  const csp = (await fetch(`${baseUrl}/`)).headers.get('content-security-policy') ?? '';
  const directives = csp.split(';').map((d) => d.trim().split(/\s+/));
  const connectSrc = directives.find(([name]) => name === 'connect-src') ?? [];
  expect(connectSrc.some((source) => source.includes(new URL(sfuUrl).host))).toBe(true);
});

describe('live media', () => {
  let sittingId: string;
  let proctor: Page;
  let student: Page;
  let studentId: string;

  beforeAll(async () => {
    proctor = await openAs('/proctor/', 'proctor1');
    sittingId = await computerTestSitting(proctor);
  });

  it('a student (not yet admitted) publishes camera, microphone and the entire screen; the webcam sends only its grid layer', async () => {
    student = await publishingStudent('student07', sittingId);
    studentId = await myId(student);
    expect(await student.locator('[data-access]').first().getAttribute('data-access')).toBe('red');
    await student.getByText('Camera, microphone and screen are on.').waitFor();
    // Measure after the start-up bandwidth probing (padding) has settled.
    await student.waitForTimeout(4000);
    const streams = await upstream(student, 5000);
    console.info(`student outbound-rtp, nobody selected (default):\n${describeUpstream(streams)}`);
    // Simulcast is negotiated with three layers, but only the grid layer is encoded and sent.
    expect(webcamLayers(streams).map((s) => s.rid)).toEqual(['r0', 'r1', 'r2']);
    expect(activeLayers(streams)).toEqual(['r0']);
    expect(sendingLayers(streams)).toEqual(['r0']);
    expect(webcamLayers(streams)[0]?.frameWidth).toBe(320);
    const video = streams.filter((s) => s.kind === 'video');
    const screen = video.find((s) => s.rid === null);
    expect(screen?.frameWidth).toBe(1280);
    expect(screen?.framesPerSecond).toBeLessThanOrEqual(6);
    // What the SFU forwards by default is all the student sends (issue 3: ≤ 300 kbit/s).
    console.info(
      `default upstream: ${totalKbps(streams)} kbit/s (send estimate ${await availableOutgoingKbps(student)} kbit/s)`,
    );
    await screenshot(student, 'student-devices', true);
  }, 90_000);

  it('the proctor sees the tile, decodes webcam frames at the grid layer, and selecting raises the resolution', async () => {
    const started = Date.now();
    await proctor.goto(`/proctor/sittings/${sittingId}/live`);
    await proctor.getByRole('heading', { level: 1, name: /^Live: / }).waitFor();
    const tile = proctor.locator(`li.live-tile[data-student-id="${studentId}"]`);
    await tile.waitFor();
    const tileVideo = tile.getByTestId('tile-video');
    await expect
      .poll(async () => (await inboundVideo(tileVideo))?.framesDecoded ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(0);
    console.info(`first webcam frame decoded ${Date.now() - started} ms after the live view opened`);
    const first = await inboundVideo(tileVideo);
    await proctor.waitForTimeout(1500);
    const later = await inboundVideo(tileVideo);
    expect(later?.framesDecoded).toBeGreaterThan(first?.framesDecoded ?? 0);
    expect(later?.frameWidth).toBe(320);
    console.info(`grid layer: ${later?.frameWidth}×${later?.frameHeight}`);
    // Only the phone is missing; quality comes from the producer scores.
    await expect
      .poll(() =>
        tile.locator('[data-missing]').evaluateAll((els) => els.map((e) => e.getAttribute('data-missing'))),
      )
      .toEqual(['phone']);
    await expect
      .poll(() => tile.locator('[data-quality]').getAttribute('data-quality'), { timeout: 15_000 })
      .toBe('good');
    await screenshot(proctor, 'proctor-live-grid');

    // A grid tile asks for the grid layer only: the student still sends nothing more.
    expect(sendingLayers(await upstream(student, 2000))).toEqual(['r0']);
    console.info(`student's send estimate before selecting: ${await availableOutgoingKbps(student)} kbit/s`);

    await tile.getByRole('button', { name: /^Select / }).click();
    const selectedAt = Date.now();
    const selected = proctor.locator(`section.selected-student[data-student-id="${studentId}"]`);
    await selected.waitFor();
    const webcam = selected.getByTestId('selected-webcam');
    const widths = new Map<number, number>();
    const width = async () => {
      const w = (await inboundVideo(webcam))?.frameWidth ?? 0;
      if (!widths.has(w)) widths.set(w, Date.now() - selectedAt);
      return w;
    };
    const layersStarted = whenLayersStart(student, ['r1', 'r2'], 45_000);
    // The SFU tells the student at once; its browser switches the upper layers on.
    await expect
      .poll(async () => activeLayers(await upstream(student, 100)), { timeout: 5_000, interval: 0 })
      .toEqual(['r0', 'r1', 'r2']);
    const activeAfter = Date.now() - selectedAt;
    // They are sent as the student's bandwidth estimate grows; the SFU forwards the top one as its
    // estimate of the proctor's downlink allows.
    await expect.poll(width, { timeout: 45_000 }).toBe(1280);
    const full = await inboundVideo(webcam);
    const layerStarts = await layersStarted;
    console.info(
      `selected: upper layers active ${activeAfter} ms after selecting; first sent r1 ${layerStarts.r1} ms, r2 ${layerStarts.r2} ms; proctor ${full?.frameWidth}×${full?.frameHeight} after ${Date.now() - selectedAt} ms (seen: ${[...widths].map(([w, ms]) => `${w} at ${ms} ms`).join(', ')})`,
    );
    await student.waitForTimeout(5000);
    const selectedUpstream = await upstream(student, 5000);
    console.info(`student outbound-rtp, selected at full layer:\n${describeUpstream(selectedUpstream)}`);
    expect(activeLayers(selectedUpstream)).toEqual(['r0', 'r1', 'r2']);
    const screenVideo = selected.getByTestId('selected-screen');
    await expect
      .poll(async () => (await inboundVideo(screenVideo))?.framesDecoded ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const s1 = await inboundVideo(screenVideo);
    await proctor.waitForTimeout(2500);
    const s2 = await inboundVideo(screenVideo);
    expect(s2?.framesDecoded).toBeGreaterThan(s1?.framesDecoded ?? 0);
    console.info(`screen: ${s2?.frameWidth}×${s2?.frameHeight}`);

    // Sound only on demand.
    expect(await selected.getByTestId('selected-audio').count()).toBe(0);
    await selected.getByRole('button', { name: 'Listen' }).click();
    const audio = selected.getByTestId('selected-audio');
    await expect
      .poll(async () => (await inboundAudioPackets(audio)) ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(10);
    await selected.getByRole('button', { name: 'Stop listening' }).click();
    expect(await audio.count()).toBe(0);
    await screenshot(proctor, 'proctor-live-selected');
  }, 120_000);

  it('closing the selected student stops the upper layers a few seconds later', async () => {
    await proctor.getByRole('button', { name: 'Close' }).click();
    const closedAt = Date.now();
    await expect
      .poll(async () => activeLayers(await upstream(student, 500)), { timeout: 20_000, interval: 0 })
      .toEqual(['r0']);
    console.info(
      `upper layers switched off ${Date.now() - closedAt} ms after the proctor closed the student`,
    );
    // Not at once: a proctor flipping between students does not restart the encoder each time.
    expect(Date.now() - closedAt).toBeGreaterThan(2000);
    expect(sendingLayers(await upstream(student, 2000))).toEqual(['r0']);
    const tileVideo = proctor
      .locator(`li.live-tile[data-student-id="${studentId}"]`)
      .getByTestId('tile-video');
    await expect.poll(async () => (await inboundVideo(tileVideo))?.frameWidth).toBe(320);
  });

  it('tiles off screen pause their consumer and resume when scrolled back', async () => {
    const tile = proctor.locator(`li.live-tile[data-student-id="${studentId}"]`);
    const tileVideo = tile.getByTestId('tile-video');
    await proctor.setViewportSize({ width: 1280, height: 360 });
    await proctor.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => tile.getAttribute('data-on-screen')).toBe('false');
    await proctor.waitForTimeout(1000);
    const paused1 = await inboundVideo(tileVideo);
    await proctor.waitForTimeout(2000);
    const paused2 = await inboundVideo(tileVideo);
    expect(paused2?.framesDecoded).toBe(paused1?.framesDecoded);

    await tile.scrollIntoViewIfNeeded();
    await expect.poll(() => tile.getAttribute('data-on-screen')).toBe('true');
    await expect
      .poll(async () => (await inboundVideo(tileVideo))?.framesDecoded ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(paused2?.framesDecoded ?? 0);
    await proctor.setViewportSize({ width: 1280, height: 900 });
  });

  it('the phone page (QR link, no login) publishes the rear camera as the phone source', async () => {
    const link = await student.getByTestId('phone-link').getAttribute('href');
    if (!link) throw new Error('no phone link');
    const url = new URL(link);
    expect(url.pathname).toBe('/phone');
    expect(url.searchParams.get('s')).toBe(sittingId);
    const phone = await openAs(`${url.pathname}${url.search}`);
    await phone.getByRole('heading', { level: 1, name: 'Phone camera' }).waitFor();
    await phone.getByRole('button', { name: 'Start the camera' }).click();
    await phone
      .locator('.source-status li[data-source="phone"][data-status="publishing"]')
      .waitFor({ timeout: 15_000 });
    await screenshot(phone, 'phone-page', true);
    // The student's computer hears of it from the server (SFU → server → the student's socket).
    await student
      .locator('.source-status li[data-source="phone"][data-status="publishing"]')
      .waitFor({ timeout: 10_000 });
    // A page opened after the phone started learns it from the SFU when it connects.
    const later = await openAs('/', 'student07');
    await heading(later, 'Exam schedule').waitFor();
    await later.goto(`/sittings/${sittingId}`);
    await later.getByRole('heading', { name: 'Devices' }).waitFor();
    await later
      .locator('.source-status li[data-source="phone"][data-status="publishing"]')
      .waitFor({ timeout: 10_000 });
    await later.context().close();

    const tile = proctor.locator(`li.live-tile[data-student-id="${studentId}"]`);
    await expect.poll(() => tile.locator('[data-missing]').count(), { timeout: 10_000 }).toBe(0);
    await tile.getByRole('button', { name: /^Select / }).click();
    const phoneVideo = proctor.locator('section.selected-student').getByTestId('selected-phone');
    await expect
      .poll(async () => (await inboundVideo(phoneVideo))?.framesDecoded ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await screenshot(proctor, 'proctor-live-selected-phone');

    // A link that is not a phone link shows the message and starts nothing.
    const bad = await openAs('/phone?t=nope');
    await bad.getByText('This link is not valid.', { exact: false }).waitFor();
  });

  it('a stopped screen share closes the producer: missing for the student and the proctor, live', async () => {
    await student.getByTestId('screen-preview').evaluate((video) => {
      const track = ((video as HTMLVideoElement).srcObject as MediaStream).getVideoTracks()[0];
      // What Chrome fires when the user clicks "Stop sharing".
      track?.dispatchEvent(new Event('ended'));
    });
    await expect.poll(() => sourceStatus(student, 'screen')).toBe('missing');
    const tile = proctor.locator(`li.live-tile[data-student-id="${studentId}"]`);
    await tile.locator('[data-missing="screen"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => sourceStatus(student, 'webcam')).toBe('publishing');

    // Sharing again brings it back.
    await student.getByRole('button', { name: 'Share entire screen again' }).click();
    await expect.poll(() => sourceStatus(student, 'screen'), { timeout: 15_000 }).toBe('publishing');
    await expect.poll(() => tile.locator('[data-missing="screen"]').count(), { timeout: 10_000 }).toBe(0);
  });

  it('a window instead of the entire screen is refused, by the page and by the SFU', async () => {
    const other = await openAs('/', 'student10');
    await heading(other, 'Exam schedule').waitFor();
    // The browser's picker returned a window: a canvas track that says so.
    await other.addInitScript(() => {
      navigator.mediaDevices.getDisplayMedia = async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 360;
        canvas.getContext('2d')?.fillRect(0, 0, 64, 36);
        const stream = canvas.captureStream(5);
        const track = stream.getVideoTracks()[0] as MediaStreamTrack;
        const settings = track.getSettings();
        track.getSettings = () => ({ ...settings, displaySurface: 'window' }) as MediaTrackSettings;
        (window as unknown as { sharedWindow: MediaStreamTrack }).sharedWindow = track;
        return stream;
      };
    });
    await other.goto(`/sittings/${sittingId}`);
    await other.getByRole('heading', { name: 'Devices' }).waitFor();
    await other.getByRole('button', { name: 'Share entire screen' }).click();
    await other.getByTestId('screen-error').waitFor();
    expect(await other.getByTestId('screen-error').textContent()).toBe(
      'Share your entire screen. A window or a browser tab is not accepted.',
    );
    expect(await sourceStatus(other, 'screen')).toBe('missing');
    expect(
      await other.evaluate(
        () => (window as unknown as { sharedWindow: MediaStreamTrack }).sharedWindow.readyState,
      ),
    ).toBe('ended');
    await screenshot(other, 'student-window-refused', true);

    // The SFU refuses it too, whatever a client claims.
    const token = await other.evaluate(async (id) => {
      const response = await fetch(`/api/sittings/${id}/media-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      return ((await response.json()) as { token: string }).token;
    }, sittingId);
    const socket = io(sfuUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = <T>(event: string, payload: unknown) =>
      new Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>((resolve) =>
        socket.emit(event, payload, resolve),
      );
    const transport = await ack<{ id: string }>('media:createWebRtcTransport', { direction: 'send' });
    expect(transport.ok).toBe(true);
    const refused = await ack('media:produce', {
      transportId: transport.data?.id,
      kind: 'video',
      source: 'screen',
      displaySurface: 'window',
      rtpParameters: {
        mid: '0',
        codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }],
        encodings: [{ ssrc: 1111 }],
      },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'Share your entire screen; a window or a browser tab is not accepted.',
      },
    });
  });

  it('a proctor not assigned to the sitting gets 403 for a media token and sees no tile', async () => {
    const outsider = await openAs('/proctor/', 'proctor2');
    await heading(outsider, 'My sittings').waitFor();
    const status = await outsider.evaluate(async (id) => {
      const response = await fetch(`/api/sittings/${id}/media-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      return response.status;
    }, sittingId);
    expect(status).toBe(403);
    await outsider.goto(`/proctor/sittings/${sittingId}/live`);
    await outsider.getByText('You are not assigned to this sitting.').waitFor();
    expect(await outsider.locator('li.live-tile').count()).toBe(0);
  });
});
