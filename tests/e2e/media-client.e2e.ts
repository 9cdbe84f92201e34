import type { MediaClientEventName } from '@adal/shared';
import type { CallApi } from '@adal/shared/web';
import {
  apiTokenSource,
  type MediaTokenSource,
  Publisher,
  SfuConnection,
  type SfuConnectionState,
  type SfuSession,
  Watcher,
} from '@adal/shared/web/media';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import { FakeHandler, testFakeParameters } from 'mediasoup-client';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './support/api.js';

/**
 * The browser media client (SfuConnection, Publisher, Watcher) against the real server and SFU,
 * in Node with mediasoup-client's FakeHandler: signalling, tokens and recovery without a browser.
 */
const baseUrl = inject('baseUrl');
const handlerFactory = FakeHandler.createFactory(testFakeParameters);
const opened: { close(): void }[] = [];

afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

function connect(direction: 'send' | 'recv', tokens: MediaTokenSource) {
  const connection = new SfuConnection({ direction, tokens, handlerFactory });
  const states: SfuConnectionState[] = [];
  connection.on('state', (s) => states.push(s));
  opened.push(connection);
  return { connection, states };
}

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Records the commands a session sends. */
function spy(session: SfuSession): MediaClientEventName[] {
  const sent: MediaClientEventName[] = [];
  const original = session.request;
  (session as { request: SfuSession['request'] }).request = (event, payload) => {
    sent.push(event);
    return original(event, payload);
  };
  return sent;
}

const videoTrack = () => new FakeMediaStreamTrack({ kind: 'video' }) as unknown as MediaStreamTrack;

describe('media client against the real SFU', () => {
  let sittingId: string;
  let proctorApi: CallApi;

  beforeAll(async () => {
    const proctor = await apiAs(baseUrl, 'proctor1');
    proctorApi = proctor.api;
    const sittings = await proctorApi('listSittings');
    const sitting = sittings.find((s) => s.kind === 'computer_test');
    if (!sitting) throw new Error('no computer_test sitting');
    sittingId = sitting.sittingId;
  });

  async function watching() {
    const { connection } = connect('recv', apiTokenSource(proctorApi, sittingId));
    const watcher = new Watcher(connection);
    opened.push(watcher);
    await connection.start();
    await until('the watcher session', () => connection.current);
    return { connection, watcher };
  }

  it('re-produces after a lost signalling connection, with a fresh token', async () => {
    const student = await apiAs(baseUrl, 'student12');
    let tokensFetched = 0;
    const tokens: MediaTokenSource = () => {
      tokensFetched += 1;
      return apiTokenSource(student.api, sittingId)();
    };
    const { connection, states } = connect('send', tokens);
    const publisher = new Publisher(connection);
    opened.push(publisher);
    const { watcher } = await watching();
    await connection.start();
    publisher.publish('webcam', videoTrack());
    const first = await until('the webcam producer', () => watcher.producerOf(student.id, 'webcam'));

    // The network drops the socket (not a close by either side): socket.io reconnects.
    (connection as unknown as { socket: Socket }).socket.io.engine.close();
    await until('reconnecting', () => states.includes('reconnecting'));
    const second = await until('a new webcam producer', () => {
      const p = watcher.producerOf(student.id, 'webcam');
      return p && p.producerId !== first.producerId ? p : undefined;
    });
    expect(second.source).toBe('webcam');
    expect(tokensFetched).toBe(2);
    expect(connection.state).toBe('connected');
  });

  it('follows the sitting to another SFU address when a fresh token names one', async () => {
    const student = await apiAs(baseUrl, 'student11');
    const urls: string[] = [];
    const tokens: MediaTokenSource = async () => {
      const ticket = await apiTokenSource(student.api, sittingId)();
      // The same SFU under another name stands in for another node.
      const sfuUrl = urls.length === 0 ? ticket.sfuUrl : ticket.sfuUrl.replace('127.0.0.1', 'localhost');
      urls.push(sfuUrl);
      return { ...ticket, sfuUrl };
    };
    const { connection } = connect('send', tokens);
    const publisher = new Publisher(connection);
    opened.push(publisher);
    const { watcher } = await watching();
    await connection.start();
    publisher.publish('webcam', videoTrack());
    const first = await until('the webcam producer', () => watcher.producerOf(student.id, 'webcam'));
    const oldSocket = (connection as unknown as { socket: Socket }).socket;
    oldSocket.io.engine.close();
    const second = await until('a producer through the new address', () => {
      const p = watcher.producerOf(student.id, 'webcam');
      return p && p.producerId !== first.producerId ? p : undefined;
    });
    expect(second.source).toBe('webcam');
    const newSocket = (connection as unknown as { socket: Socket }).socket;
    expect(newSocket).not.toBe(oldSocket);
    expect(oldSocket.connected).toBe(false);
    expect(urls[1]).toContain('localhost');
  });

  it('restarts ICE when the transport fails, and starts over when that does not help', async () => {
    const student = await apiAs(baseUrl, 'student13');
    const { connection, states } = connect('send', apiTokenSource(student.api, sittingId));
    const publisher = new Publisher(connection);
    opened.push(publisher);
    await connection.start();
    const session = await until('a session', () => connection.current);
    let produced = false;
    session.transport.observer.once('newproducer', () => {
      produced = true;
    });
    publisher.publish('webcam', videoTrack());
    await until('the producer', () => produced);
    expect(publisher.snapshot().webcam?.status).toBe('starting');
    const sent = spy(session);
    const handler = session.transport.handler as unknown as { setConnectionState(s: string): void };

    handler.setConnectionState('failed');
    expect(connection.state).toBe('reconnecting');
    await until('an ICE restart', () => sent.includes('media:restartIce'));
    handler.setConnectionState('connected');
    expect(connection.state).toBe('connected');
    expect(publisher.snapshot().webcam?.status).toBe('publishing');

    // ICE fails again and stays failed: after the restart's grace period, a new connection.
    handler.setConnectionState('failed');
    const next = await until(
      'a new session',
      () => connection.current !== session && connection.current,
      20_000,
    );
    expect(next.epoch).toBeGreaterThan(session.epoch);
    expect(states.slice(-2)).toEqual(['reconnecting', 'connected']);
  }, 40_000);

  it('a watcher consumes when a feed comes on screen, raises the layer, pauses when off screen', async () => {
    const student = await apiAs(baseUrl, 'student14');
    const { connection } = connect('send', apiTokenSource(student.api, sittingId));
    const publisher = new Publisher(connection);
    opened.push(publisher);
    await connection.start();
    publisher.publish('webcam', videoTrack());
    const { connection: watching_, watcher } = await watching();
    await until('the webcam producer', () => watcher.producerOf(student.id, 'webcam'));
    const sent = spy(watching_.current as SfuSession);

    let track: MediaStreamTrack | null = null;
    const feed = watcher.subscribe(student.id, 'webcam', { visible: false, spatialLayer: 0 }, (t) => {
      track = t;
    });
    // Off screen from the start: nothing is consumed yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toEqual([]);

    feed.update({ visible: true });
    await until('a consumer track', () => track);
    await until('resumed', () => sent.includes('media:resumeConsumer'));
    feed.update({ spatialLayer: 2 });
    await until('layers', () => sent.includes('media:setPreferredLayers'));
    feed.update({ visible: false });
    await until('paused', () => sent.includes('media:pauseConsumer'));
    expect(sent).toEqual([
      'media:consume',
      'media:resumeConsumer',
      'media:setPreferredLayers',
      'media:pauseConsumer',
    ]);

    // The student stops the webcam: the feed loses its track.
    publisher.stop('webcam');
    await until('the track gone', () => track === null);
    feed.close();
  });

  it('a proctor not assigned to the sitting is refused for good', async () => {
    const outsider = await apiAs(baseUrl, 'proctor2');
    const { connection, states } = connect('recv', apiTokenSource(outsider.api, sittingId));
    await connection.start();
    expect(states).toEqual(['failed']);
    expect(connection.error?.code).toBe('forbidden');
  });
});
