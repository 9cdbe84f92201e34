import { randomUUID } from 'node:crypto';
import type { ProducerLayersWanted } from '@adal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sfu } from '../src/app.js';
import {
  connectAs,
  type MediaSocket,
  ok,
  startSfu,
  studentGrant,
  vp8Simulcast,
  watcherGrant,
} from './sfu-harness.js';

/** Short, so the tests wait for the real timer; production uses seconds. */
const LOWER_AFTER_MS = 400;

type Told = ProducerLayersWanted & { afterMs: number };

/** Everything the SFU tells a student about wanted layers, with when (ms since `mark()`). */
function listen(student: MediaSocket) {
  const told: Told[] = [];
  let since = Date.now();
  student.on('media:producerLayersWanted', (e) => told.push({ ...e, afterMs: Date.now() - since }));
  return {
    told,
    mark: () => {
      since = Date.now();
      told.length = 0;
    },
    async next(ms = LOWER_AFTER_MS * 5): Promise<Told> {
      const deadline = Date.now() + ms;
      while (told.length === 0) {
        if (Date.now() > deadline) throw new Error('the student was told nothing');
        await new Promise((r) => setTimeout(r, 10));
      }
      return told.shift() as Told;
    },
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function studentWithWebcam(url: string, sittingId: string, ssrc: number) {
  const student = await connectAs(url, studentGrant(sittingId));
  const heard = listen(student);
  const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
  const { producerId } = await ok<{ producerId: string }>(student, 'media:produce', {
    transportId: send.id,
    kind: 'video',
    rtpParameters: vp8Simulcast(ssrc),
    source: 'webcam',
  });
  return { student, heard, producerId };
}

async function watching(url: string, sittingId: string, producerId: string) {
  const watcher = await connectAs(url, watcherGrant(sittingId));
  const recv = await ok(watcher, 'media:createWebRtcTransport', { direction: 'recv' });
  const caps = await ok(watcher, 'media:getRouterRtpCapabilities', {});
  const { consumerId } = await ok<{ consumerId: string }>(watcher, 'media:consume', {
    transportId: recv.id,
    producerId,
    rtpCapabilities: caps,
  });
  await ok(watcher, 'media:resumeConsumer', { consumerId });
  const layer = (spatialLayer: number) =>
    ok(watcher, 'media:setPreferredLayers', { consumerId, spatialLayer });
  return { watcher, consumerId, layer };
}

describe('upstream follows demand: the student hears which simulcast layers watchers want', () => {
  let sfu: Sfu;
  let url: string;
  const sockets: MediaSocket[] = [];
  const keep = <T extends { close(): unknown }>(s: T) => (sockets.push(s as never), s);

  beforeAll(async () => {
    ({ sfu, url } = await startSfu(1, { SFU_LAYER_LOWER_AFTER_MS: String(LOWER_AFTER_MS) }));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await sfu?.close();
  });

  it('raises at once when a watcher selects the student, lowers after the delay when it stops', async () => {
    const sittingId = randomUUID();
    const { student, heard, producerId } = await studentWithWebcam(url, sittingId, 20_000);
    keep(student);
    const grid = await watching(url, sittingId, producerId);
    keep(grid.watcher);
    // A grid tile wants the lowest layer, which the browser sends from the start: nothing to say.
    await pause(LOWER_AFTER_MS);
    expect(heard.told).toEqual([]);

    heard.mark();
    await grid.layer(2);
    const raised = await heard.next();
    expect(raised).toMatchObject({ producerId, spatialLayer: 2 });
    expect(raised.afterMs).toBeLessThan(LOWER_AFTER_MS);

    heard.mark();
    await grid.layer(0);
    const lowered = await heard.next();
    expect(lowered).toMatchObject({ producerId, spatialLayer: 0 });
    expect(lowered.afterMs).toBeGreaterThanOrEqual(LOWER_AFTER_MS - 20);

    // A paused consumer (the tile scrolled away) wants nothing, whatever its preferred layer.
    await grid.layer(1);
    expect(await heard.next()).toMatchObject({ spatialLayer: 1 });
    heard.mark();
    await ok(grid.watcher, 'media:pauseConsumer', { consumerId: grid.consumerId });
    expect(await heard.next()).toMatchObject({ spatialLayer: 0 });
    await ok(grid.watcher, 'media:resumeConsumer', { consumerId: grid.consumerId });
    expect(await heard.next()).toMatchObject({ spatialLayer: 1 });

    // The watcher leaves: its consumer closes with its transport.
    heard.mark();
    grid.watcher.close();
    const left = await heard.next();
    expect(left).toMatchObject({ producerId, spatialLayer: 0 });
    expect(left.afterMs).toBeGreaterThanOrEqual(LOWER_AFTER_MS - 20);
  });

  it('follows the highest wish over all watchers, and a quick flip back does not lower at all', async () => {
    const sittingId = randomUUID();
    const { student, heard, producerId } = await studentWithWebcam(url, sittingId, 21_000);
    keep(student);
    const a = await watching(url, sittingId, producerId);
    const b = await watching(url, sittingId, producerId);
    keep(a.watcher);
    keep(b.watcher);

    await a.layer(2);
    expect(await heard.next()).toMatchObject({ spatialLayer: 2 });
    await b.layer(1);
    // The proctor flips to another student and back within the delay: the encoder is left alone.
    await a.layer(0);
    await pause(LOWER_AFTER_MS / 4);
    await a.layer(2);
    await pause(LOWER_AFTER_MS * 2);
    expect(heard.told).toEqual([]);

    // A lets go for good: B still wants layer 1.
    await a.layer(0);
    expect(await heard.next()).toMatchObject({ spatialLayer: 1 });
    b.watcher.close();
    expect(await heard.next()).toMatchObject({ spatialLayer: 0 });
  });

  it('does not count the recording consumer, which would otherwise want the top layer', async () => {
    const sittingId = randomUUID();
    const { student, heard, producerId } = await studentWithWebcam(url, sittingId, 22_000);
    keep(student);
    const room = await sfu.rooms.get(sittingId);
    // RoomRecording consumes every producer on its PlainTransport (mediasoup's default: top layer).
    await expect
      .poll(async () => (await room.router.dump()).mapProducerIdConsumerIds[producerId]?.length ?? 0)
      .toBe(1);
    await pause(LOWER_AFTER_MS * 2);
    expect(heard.told).toEqual([]);
  });

  it('tells only the producing student, about its own producer; a new producer starts again at 0', async () => {
    const sittingId = randomUUID();
    const one = await studentWithWebcam(url, sittingId, 23_000);
    const other = await studentWithWebcam(url, sittingId, 24_000);
    keep(one.student);
    keep(other.student);
    const w = await watching(url, sittingId, one.producerId);
    keep(w.watcher);
    await w.layer(2);
    expect(await one.heard.next()).toMatchObject({ producerId: one.producerId, spatialLayer: 2 });
    expect(other.heard.told).toEqual([]);

    // A reconnect re-produces: the new producer's watchers start from the grid layer again.
    one.student.close();
    const again = await studentWithWebcam(url, sittingId, 25_000);
    keep(again.student);
    const w2 = await watching(url, sittingId, again.producerId);
    keep(w2.watcher);
    await pause(LOWER_AFTER_MS * 2);
    expect(again.heard.told).toEqual([]);
    await w2.layer(1);
    expect(await again.heard.next()).toMatchObject({ producerId: again.producerId, spatialLayer: 1 });
  });
});

describe('upstream follows demand across workers', () => {
  let sfu: Sfu;
  let url: string;
  const sockets: MediaSocket[] = [];
  beforeAll(async () => {
    ({ sfu, url } = await startSfu(2, {
      SFU_PEERS_PER_ROUTER: '1',
      SFU_LAYER_LOWER_AFTER_MS: String(LOWER_AFTER_MS),
    }));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await sfu?.close();
  });

  it('counts a watcher whose router gets the producer through a pipe', async () => {
    const sittingId = randomUUID();
    const { student, heard, producerId } = await studentWithWebcam(url, sittingId, 26_000);
    const w = await watching(url, sittingId, producerId);
    sockets.push(student, w.watcher);
    const room = await sfu.rooms.get(sittingId);
    expect(room.routers.size).toBe(2);
    await w.layer(2);
    expect(await heard.next()).toMatchObject({ producerId, spatialLayer: 2 });
    w.watcher.close();
    expect(await heard.next()).toMatchObject({ producerId, spatialLayer: 0 });
  });
});
