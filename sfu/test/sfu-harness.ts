import { randomUUID } from 'node:crypto';
import type { Ack, MediaClientEventName, MediaGrant, MediaServerToClientEvents } from '@adal/shared';
import { signMediaToken } from '@adal/shared/media-token';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { createSfu, type Sfu } from '../src/app.js';
import { loadSfuConfig } from '../src/config.js';

export const SECRET = 'sfu-test-secret-0123456789-abcdefghij';

/** A real SFU (real mediasoup workers) on an ephemeral port. */
export async function startSfu(
  workers = 1,
  env: Record<string, string> = {},
): Promise<{ sfu: Sfu; url: string }> {
  const config = loadSfuConfig({
    SFU_PORT: '0',
    SFU_WORKERS: String(workers),
    SFU_RTC_MIN_PORT: '41000',
    SFU_RTC_MAX_PORT: '41999',
    MEDIA_TOKEN_SECRET: SECRET,
    ...env,
  });
  const sfu = await createSfu(config, pino({ level: 'silent' }));
  const port = await sfu.listen();
  return { sfu, url: `http://127.0.0.1:${port}` };
}

export function studentGrant(
  sittingId: string,
  sources: MediaGrant['sources'] = ['webcam', 'microphone', 'screen'],
): MediaGrant {
  const id = randomUUID();
  return { userId: id, sittingId, peerRole: 'student', studentId: id, sources };
}

export const watcherGrant = (sittingId: string): MediaGrant => ({
  userId: randomUUID(),
  sittingId,
  peerRole: 'watcher',
  studentId: null,
  sources: [],
});

export type MediaSocket = Socket<MediaServerToClientEvents>;

export async function connect(url: string, token: string | undefined): Promise<MediaSocket> {
  const socket: MediaSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export const connectAs = async (url: string, grant: MediaGrant) =>
  connect(url, await signMediaToken(grant, SECRET, 60));

export function command<T = any>(
  socket: MediaSocket,
  event: MediaClientEventName,
  payload: unknown,
): Promise<Ack<T>> {
  return new Promise((resolve) =>
    (socket.emit as (e: string, p: unknown, cb: (a: Ack<T>) => void) => void)(event, payload, resolve),
  );
}

export async function ok<T = any>(
  socket: MediaSocket,
  event: MediaClientEventName,
  payload: unknown,
): Promise<T> {
  const ack = await command<T>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** RTP parameters a browser would send for one VP8 stream with three simulcast layers. */
export const vp8Simulcast = (ssrcBase: number) => ({
  mid: '0',
  codecs: [
    {
      mimeType: 'video/VP8',
      payloadType: 96,
      clockRate: 90000,
      rtcpFeedback: [{ type: 'nack' }, { type: 'ccm', parameter: 'fir' }],
    },
  ],
  headerExtensions: [],
  encodings: [{ ssrc: ssrcBase }, { ssrc: ssrcBase + 1 }, { ssrc: ssrcBase + 2 }],
  rtcp: { cname: `c${ssrcBase}` },
});

export const opus = (ssrc: number) => ({
  mid: '1',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname: `a${ssrc}` },
});
