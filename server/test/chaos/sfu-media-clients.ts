import type { MediaSource, ProducerInfo } from '@adal/shared';
import type { TestClient } from '../http-client.js';

/**
 * The exam client's and the proctor console's own media code (shared/web/media: SfuConnection,
 * Publisher, Watcher) run in Node with mediasoup-client's FakeHandler, as tests/e2e does: tokens,
 * signalling, produce/consume and every reconnection path are the real ones; no RTP flows through
 * the WebRTC transports (FakeHandler has no ICE/DTLS).
 *
 * That code is typed against the DOM, which the server's tsconfig does not load, so it is imported
 * untyped and described here by the little the chaos tests use.
 */
export interface MediaConnection {
  readonly state: 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';
  start(): Promise<void>;
  close(): void;
  on(event: 'state', listener: (state: MediaConnection['state']) => void): () => void;
}

interface Publisher {
  publish(source: MediaSource, track: unknown, extra?: { displaySurface?: 'monitor' }): void;
  close(): void;
}

interface Watcher {
  producerOf(studentId: string, source: MediaSource): ProducerInfo | undefined;
  subscribe(
    studentId: string,
    source: MediaSource,
    wish: { visible: boolean; spatialLayer: number },
    onTrack: (track: { id: string } | null) => void,
  ): { close(): void };
  close(): void;
}

interface MediaModule {
  SfuConnection: new (options: {
    direction: 'send' | 'recv';
    tokens: () => Promise<{ token: string; sfuUrl: string }>;
    handlerFactory: unknown;
  }) => MediaConnection;
  Publisher: new (connection: MediaConnection) => Publisher;
  Watcher: new (connection: MediaConnection) => Watcher;
}

// Non-literal specifiers keep tsc from type-checking the DOM-typed modules under server's tsconfig.
const WEB_MEDIA: string = '@adal/shared/web/media';
const MEDIASOUP_CLIENT: string = 'mediasoup-client';
const FAKE_TRACK: string = 'fake-mediastreamtrack';

async function load() {
  const media = (await import(WEB_MEDIA)) as MediaModule;
  const client = (await import(MEDIASOUP_CLIENT)) as {
    FakeHandler: { createFactory(parameters: unknown): unknown };
    testFakeParameters: unknown;
  };
  const { FakeMediaStreamTrack } = (await import(FAKE_TRACK)) as {
    FakeMediaStreamTrack: new (o: { kind: 'video' | 'audio' }) => unknown;
  };
  return {
    media,
    handlerFactory: client.FakeHandler.createFactory(client.testFakeParameters),
    FakeMediaStreamTrack,
  };
}

/** Where a token says to connect; an in-process SFU on an ephemeral port replaces the server's default. */
export type SfuUrlOverride = ((ticketUrl: string) => string) | undefined;

/** Tokens from the server's mediaToken route, fetched on every (re)connection as the apps do. */
function tokensOf(user: TestClient, sittingId: string, override: SfuUrlOverride) {
  return async () => {
    const res = await user.call('mediaToken', { params: { sittingId }, body: { device: 'computer' } });
    if (res.status !== 200) throw new Error(`mediaToken ${res.status}: ${JSON.stringify(res.body)}`);
    const { token, sfuUrl } = res.body as { token: string; sfuUrl: string };
    return { token, sfuUrl: override ? override(sfuUrl) : sfuUrl };
  };
}

/** A student's computer publishing its webcam, and every connection state it went through (with times). */
export interface StudentMedia {
  connection: MediaConnection;
  states: { state: MediaConnection['state']; at: number }[];
  close(): void;
}

export async function studentWebcam(
  student: TestClient,
  sittingId: string,
  override?: SfuUrlOverride,
): Promise<StudentMedia> {
  const { media, handlerFactory, FakeMediaStreamTrack } = await load();
  const connection = new media.SfuConnection({
    direction: 'send',
    tokens: tokensOf(student, sittingId, override),
    handlerFactory,
  });
  const states: StudentMedia['states'] = [];
  connection.on('state', (state) => states.push({ state, at: Date.now() }));
  const publisher = new media.Publisher(connection);
  await connection.start();
  publisher.publish('webcam', new FakeMediaStreamTrack({ kind: 'video' }));
  return {
    connection,
    states,
    close() {
      publisher.close();
      connection.close();
    },
  };
}

/** A proctor's console watching one student's webcam on screen; `tracks` lists each consumer track it got. */
export interface ProctorView {
  watcher: Watcher;
  connection: MediaConnection;
  tracks: { id: string; at: number }[];
  close(): void;
}

export async function proctorWatching(
  proctor: TestClient,
  sittingId: string,
  studentId: string,
  override?: SfuUrlOverride,
): Promise<ProctorView> {
  const { media, handlerFactory } = await load();
  const connection = new media.SfuConnection({
    direction: 'recv',
    tokens: tokensOf(proctor, sittingId, override),
    handlerFactory,
  });
  const watcher = new media.Watcher(connection);
  await connection.start();
  const tracks: ProctorView['tracks'] = [];
  const feed = watcher.subscribe(studentId, 'webcam', { visible: true, spatialLayer: 0 }, (track) => {
    if (track) tracks.push({ id: track.id, at: Date.now() });
  });
  return {
    watcher,
    connection,
    tracks,
    close() {
      feed.close();
      watcher.close();
      connection.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives a value, or fails naming what it waited for. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
