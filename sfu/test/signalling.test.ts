import { randomUUID } from 'node:crypto';
import { signMediaToken } from '@adal/shared/media-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  command,
  connect,
  connectAs,
  type MediaSocket,
  ok,
  opus,
  SECRET,
  startSfu,
  studentGrant,
  vp8Simulcast,
  watcherGrant,
} from './sfu-harness.js';

const nextEvent = <T>(socket: MediaSocket, event: string, ms = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), ms);
    (socket.once as (e: string, cb: (x: T) => void) => void)(event, (x) => {
      clearTimeout(timer);
      resolve(x);
    });
  });

describe('SFU signalling against a real mediasoup worker', () => {
  let url: string;
  let close: () => Promise<void>;
  const sockets: MediaSocket[] = [];
  const track = (s: MediaSocket) => (sockets.push(s), s);

  beforeAll(async () => {
    const started = await startSfu(1);
    url = started.url;
    close = () => started.sfu.close();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await close?.();
  });

  it('refuses a connection without a valid token', async () => {
    await expect(connect(url, undefined)).rejects.toThrow(/unauthenticated/);
    await expect(connect(url, 'not-a-token')).rejects.toThrow(/unauthenticated/);
    const forged = await signMediaToken(watcherGrant(randomUUID()), `${SECRET}-other`, 60);
    await expect(connect(url, forged)).rejects.toThrow(/unauthenticated/);
    const expired = await signMediaToken(watcherGrant(randomUUID()), SECRET, -5);
    await expect(connect(url, expired)).rejects.toThrow(/unauthenticated/);
  });

  it('lets a student produce webcam and microphone and shows them to a watcher, who consumes paused then resumes', async () => {
    const sittingId = randomUUID();
    const grant = studentGrant(sittingId);
    const student = track(await connectAs(url, grant));
    const watcher = track(await connectAs(url, watcherGrant(sittingId)));

    const caps = await ok(student, 'media:getRouterRtpCapabilities', {});
    expect(caps.codecs.map((c: { mimeType: string }) => c.mimeType)).toEqual(
      expect.arrayContaining(['video/VP8', 'audio/opus']),
    );
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    expect(send.iceCandidates[0].ip).toBe('127.0.0.1');

    const added = nextEvent<{ producerId: string; studentId: string; source: string }>(
      watcher,
      'media:producerAdded',
    );
    const webcam = await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(1000),
      source: 'webcam',
    });
    expect(await added).toMatchObject({
      producerId: webcam.producerId,
      studentId: grant.studentId,
      source: 'webcam',
    });
    await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'audio',
      rtpParameters: opus(2000),
      source: 'microphone',
    });

    const listed = await ok(watcher, 'media:listProducers', {});
    expect(listed.map((p: { source: string }) => p.source).sort()).toEqual(['microphone', 'webcam']);

    const recv = await ok(watcher, 'media:createWebRtcTransport', { direction: 'recv' });
    const consumer = await ok(watcher, 'media:consume', {
      transportId: recv.id,
      producerId: webcam.producerId,
      rtpCapabilities: caps,
    });
    expect(consumer).toMatchObject({
      producerId: webcam.producerId,
      kind: 'video',
      source: 'webcam',
      studentId: grant.studentId,
    });
    expect(await ok(watcher, 'media:resumeConsumer', { consumerId: consumer.consumerId })).toEqual({
      resumed: true,
    });
    expect(
      await ok(watcher, 'media:setPreferredLayers', { consumerId: consumer.consumerId, spatialLayer: 2 }),
    ).toEqual({ set: true });
    expect(await ok(watcher, 'media:pauseConsumer', { consumerId: consumer.consumerId })).toEqual({
      paused: true,
    });
    const ice = await ok(watcher, 'media:restartIce', { transportId: recv.id });
    expect(ice.usernameFragment).toBeTruthy();

    const consumerClosed = nextEvent(watcher, 'media:consumerClosed');
    const producerClosed = nextEvent<{ source: string; reason: string }>(watcher, 'media:producerClosed');
    expect(await ok(student, 'media:closeProducer', { producerId: webcam.producerId })).toEqual({
      closed: true,
    });
    expect(await consumerClosed).toEqual({ consumerId: consumer.consumerId, producerId: webcam.producerId });
    expect(await producerClosed).toMatchObject({ source: 'webcam', reason: 'closed' });
  });

  it('tells watchers when a student disconnects, per source', async () => {
    const sittingId = randomUUID();
    const student = await connectAs(url, studentGrant(sittingId));
    const watcher = track(await connectAs(url, watcherGrant(sittingId)));
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(3000),
      source: 'webcam',
    });
    const gone = nextEvent<{ source: string; reason: string }>(watcher, 'media:producerClosed');
    student.close();
    expect(await gone).toMatchObject({ source: 'webcam', reason: 'peer_left' });
    expect(await ok(watcher, 'media:listProducers', {})).toEqual([]);
  });

  it('accepts only the entire screen', async () => {
    const student = track(await connectAs(url, studentGrant(randomUUID())));
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    const base = { transportId: send.id, kind: 'video', source: 'screen' };
    for (const displaySurface of ['window', 'browser', undefined]) {
      const ack = await command(student, 'media:produce', {
        ...base,
        rtpParameters: vp8Simulcast(4000),
        displaySurface,
      });
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', fields: [{ path: 'payload.displaySurface' }] },
      });
      if (!ack.ok) expect(ack.error.message).toMatch(/entire screen/);
    }
    const monitor = await command(student, 'media:produce', {
      ...base,
      rtpParameters: vp8Simulcast(4100),
      displaySurface: 'monitor',
    });
    expect(monitor.ok).toBe(true);
  });

  it('takes the exam tab as a video source of its own, with no display surface, and shows it to watchers', async () => {
    const sittingId = randomUUID();
    const student = track(
      await connectAs(url, studentGrant(sittingId, ['webcam', 'microphone', 'screen', 'tab'])),
    );
    const watcher = track(await connectAs(url, watcherGrant(sittingId)));
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    const asAudio = await command(student, 'media:produce', {
      transportId: send.id,
      kind: 'audio',
      rtpParameters: opus(4200),
      source: 'tab',
    });
    expect(asAudio).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const { producerId } = await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(4300),
      source: 'tab',
    });
    expect(await ok(watcher, 'media:listProducers', {})).toEqual([
      expect.objectContaining({ producerId, source: 'tab', kind: 'video' }),
    ]);
    // A token without the tab (an older one, or the phone's) may not send it.
    const withoutTab = track(await connectAs(url, studentGrant(sittingId)));
    const otherSend = await ok(withoutTab, 'media:createWebRtcTransport', { direction: 'send' });
    const refused = await command(withoutTab, 'media:produce', {
      transportId: otherSend.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(4400),
      source: 'tab',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses what a token does not grant', async () => {
    const sittingId = randomUUID();
    const computer = track(await connectAs(url, studentGrant(sittingId)));
    const phone = track(await connectAs(url, studentGrant(sittingId, ['phone'])));
    const watcher = track(await connectAs(url, watcherGrant(sittingId)));
    const send = await ok(computer, 'media:createWebRtcTransport', { direction: 'send' });
    const phoneSend = await ok(phone, 'media:createWebRtcTransport', { direction: 'send' });

    const refusals = {
      computerPublishesPhone: await command(computer, 'media:produce', {
        transportId: send.id,
        kind: 'video',
        rtpParameters: vp8Simulcast(5000),
        source: 'phone',
      }),
      phonePublishesWebcam: await command(phone, 'media:produce', {
        transportId: phoneSend.id,
        kind: 'video',
        rtpParameters: vp8Simulcast(5100),
        source: 'webcam',
      }),
      studentOpensRecv: await command(computer, 'media:createWebRtcTransport', { direction: 'recv' }),
      studentConsumes: await command(computer, 'media:consume', {
        transportId: send.id,
        producerId: 'x',
        rtpCapabilities: {},
      }),
      studentLists: await command(computer, 'media:listProducers', {}),
      watcherOpensSend: await command(watcher, 'media:createWebRtcTransport', { direction: 'send' }),
      watcherProduces: await command(watcher, 'media:produce', {
        transportId: send.id,
        kind: 'video',
        rtpParameters: vp8Simulcast(5200),
        source: 'webcam',
      }),
    };
    for (const [what, ack] of Object.entries(refusals))
      expect([what, ack.ok ? 'ok' : ack.error.code]).toEqual([what, 'forbidden']);

    const wrongKind = await command(computer, 'media:produce', {
      transportId: send.id,
      kind: 'audio',
      rtpParameters: opus(5300),
      source: 'webcam',
    });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const othersTransport = await command(phone, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(5400),
      source: 'phone',
    });
    expect(othersTransport).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const garbage = await command(computer, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: { codecs: [] },
      source: 'webcam',
    });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(
      await ok(phone, 'media:produce', {
        transportId: phoneSend.id,
        kind: 'video',
        rtpParameters: vp8Simulcast(5500),
        source: 'phone',
      }),
    ).toHaveProperty('producerId');
  });

  it('tells a student device what the same student already sends from other devices, and nothing else', async () => {
    const sittingId = randomUUID();
    const computerGrant = studentGrant(sittingId);
    const phone = track(
      await connectAs(url, { ...studentGrant(sittingId, ['phone']), studentId: computerGrant.studentId }),
    );
    const classmate = track(await connectAs(url, studentGrant(sittingId)));
    const watcher = track(await connectAs(url, watcherGrant(sittingId)));
    const phoneSend = await ok(phone, 'media:createWebRtcTransport', { direction: 'send' });
    const { producerId } = await ok(phone, 'media:produce', {
      transportId: phoneSend.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(7000),
      source: 'phone',
    });
    const classmateSend = await ok(classmate, 'media:createWebRtcTransport', { direction: 'send' });
    await ok(classmate, 'media:produce', {
      transportId: classmateSend.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(7100),
      source: 'webcam',
    });

    // The computer page connects after the phone started: it learns so without waiting for an event.
    const computer = track(await connectAs(url, computerGrant));
    expect(await ok(computer, 'media:listOwnProducers', {})).toEqual([
      expect.objectContaining({ producerId, studentId: computerGrant.studentId, source: 'phone' }),
    ]);
    const refused = await command(watcher, 'media:listOwnProducers', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps sittings apart: a watcher cannot see or consume another sitting’s producers', async () => {
    const a = randomUUID();
    const student = track(await connectAs(url, studentGrant(a)));
    const outsider = track(await connectAs(url, watcherGrant(randomUUID())));
    const send = await ok(student, 'media:createWebRtcTransport', { direction: 'send' });
    const { producerId } = await ok(student, 'media:produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: vp8Simulcast(6000),
      source: 'webcam',
    });
    expect(await ok(outsider, 'media:listProducers', {})).toEqual([]);
    const recv = await ok(outsider, 'media:createWebRtcTransport', { direction: 'recv' });
    const caps = await ok(outsider, 'media:getRouterRtpCapabilities', {});
    const ack = await command(outsider, 'media:consume', {
      transportId: recv.id,
      producerId,
      rtpCapabilities: caps,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
