import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sfu } from '../src/app.js';
import { connectAs, ok, startSfu, studentGrant, vp8Simulcast, watcherGrant } from './sfu-harness.js';

describe('a mediasoup worker that dies', () => {
  let sfu: Sfu;
  let url: string;
  beforeAll(async () => {
    ({ sfu, url } = await startSfu(2));
  });
  afterAll(() => sfu?.close());

  it('is replaced; its rooms close, their clients are disconnected and can rejoin at once', async () => {
    const sittingId = randomUUID();
    const grant = studentGrant(sittingId);
    const student = await connectAs(url, grant);
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(7000),
      source: 'webcam',
    });
    const room = await sfu.rooms.get(sittingId);
    const deadPid = sfu.pool.worker(room.workerIndex).pid;

    const replaced = new Promise<number>((resolve) =>
      sfu.pool.once('workerReplaced', (_i, w) => resolve(w.pid)),
    );
    const disconnected = new Promise<string>((resolve) => student.once('disconnect', resolve));
    process.kill(deadPid, 'SIGKILL');
    const newPid = await replaced;
    expect(newPid).not.toBe(deadPid);
    expect(sfu.pool.pids()).toHaveLength(2);
    expect(await disconnected).toBe('io server disconnect');

    // The client reconnects (a fresh token, as the apps do) and publishes again.
    const again = await connectAs(url, grant);
    const watcher = await connectAs(url, watcherGrant(sittingId));
    const send2 = await ok(again, 'media:createWebRtcTransport', { direction: 'send' });
    await ok(again, 'media:produce', {
      transportId: send2.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(7100),
      source: 'webcam',
    });
    expect((await ok(watcher, 'media:listProducers', {})).map((p: { source: string }) => p.source)).toEqual([
      'webcam',
    ]);
    again.close();
    watcher.close();
  });
});
