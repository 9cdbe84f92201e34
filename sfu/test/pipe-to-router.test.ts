import { randomUUID } from 'node:crypto';
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

describe('a sitting larger than one router', () => {
  let sfu: Sfu;
  let url: string;
  const sockets: MediaSocket[] = [];
  beforeAll(async () => {
    ({ sfu, url } = await startSfu(2, { SFU_PEERS_PER_ROUTER: '1' }));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await sfu?.close();
  });

  it('spreads over workers and pipes producers to the watcher’s router', async () => {
    const sittingId = randomUUID();
    const student = await connectAs(url, studentGrant(sittingId));
    const watcher = await connectAs(url, watcherGrant(sittingId));
    sockets.push(student, watcher);
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    const { producerId } = await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(10_000),
      source: 'webcam',
    });
    const recv = await ok(watcher, 'media:createWebRtcTransport', { direction: 'recv' });
    const room = await sfu.rooms.get(sittingId);
    expect(room.routers.size).toBe(2);
    expect(new Set(room.routers.workers()).size).toBe(2);

    const caps = await ok(watcher, 'media:getRouterRtpCapabilities', {});
    const consumer = await ok(watcher, 'media:consume', {
      transportId: recv.id,
      producerId,
      rtpCapabilities: caps,
    });
    expect(consumer).toMatchObject({ producerId, kind: 'video', source: 'webcam' });
    expect(await ok(watcher, 'media:resumeConsumer', { consumerId: consumer.consumerId })).toEqual({
      resumed: true,
    });

    // Every worker has a router of this sitting now: a third peer shares the least loaded one.
    const third = await connectAs(url, studentGrant(sittingId));
    sockets.push(third);
    await ok(third, 'media:createWebRtcTransport', { direction: 'send' });
    expect(room.routers.size).toBe(2);
  });
});
