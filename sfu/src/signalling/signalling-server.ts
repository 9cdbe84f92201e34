import type { Server as HttpServer } from 'node:http';
import {
  type Ack,
  fieldErrors,
  MEDIA_CLIENT_EVENTS,
  type MediaClientEventName,
  type MediaClientToServerEvents,
  type MediaGrant,
  type MediaServerToClientEvents,
  mediaClientEventSchemas,
} from '@adal/shared';
import { MediaTokenError, verifyMediaToken } from '@adal/shared/media-token';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { SfuConfig } from '../config.js';
import { LayerDemand } from '../rooms/layer-demand.js';
import { Peer } from '../rooms/peer.js';
import type { RoomRegistry } from '../rooms/room-registry.js';
import type { SittingRoom } from '../rooms/sitting-room.js';
import type { HandlerContext, MediaHandler, SfuSocket } from './handler-context.js';
import { mediaHandlers } from './handlers.js';
import { SfuError } from './sfu-error.js';

export type SfuServer = Server<
  MediaClientToServerEvents,
  MediaServerToClientEvents,
  Record<string, never>,
  { grant: MediaGrant; room: SittingRoom }
>;

export const roomOf = (sittingId: string) => `room:${sittingId}`;
export const watchersOf = (sittingId: string) => `watchers:${sittingId}`;

/** Sends a room's producer life to everyone watching that sitting (wired once per room). */
export function relayRoomEvents(io: SfuServer, room: SittingRoom): void {
  const watchers = io.to(watchersOf(room.sittingId));
  room.on('producerAdded', (e) => watchers.emit('media:producerAdded', e));
  room.on('producerClosed', (e) => io.to(watchersOf(room.sittingId)).emit('media:producerClosed', e));
  room.on('producerScore', (e) => io.to(watchersOf(room.sittingId)).emit('media:producerScore', e));
}

async function runCommand(name: MediaClientEventName, raw: unknown, ctx: HandlerContext): Promise<unknown> {
  const handler = mediaHandlers[name] as MediaHandler<MediaClientEventName>;
  const { peerRole } = ctx.peer.grant;
  if (handler.who !== 'any' && handler.who !== peerRole)
    throw new SfuError('forbidden', `A ${peerRole} may not ${name}.`);
  const parsed = mediaClientEventSchemas[name].safeParse(raw);
  if (!parsed.success)
    throw new SfuError('validation_failed', `Invalid ${name} payload.`, fieldErrors(parsed.error, 'payload'));
  return handler.handle(parsed.data as never, ctx);
}

/** Token-authenticated signalling: a peer joins its sitting's room and sends mediasoup commands. */
export function createSignalling(
  httpServer: HttpServer,
  rooms: RoomRegistry,
  config: SfuConfig,
  log: Logger,
): SfuServer {
  const io: SfuServer = new Server(httpServer, {
    cors: { origin: true },
    maxHttpBufferSize: 256 * 1024,
    serveClient: false,
  });
  const layers = new LayerDemand(config.layerLowerAfterMs);

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    try {
      if (typeof token !== 'string') throw new MediaTokenError('no token');
      socket.data.grant = await verifyMediaToken(token, config.mediaTokenSecret);
    } catch (error) {
      log.warn({ err: error, address: socket.handshake.address }, 'refused: bad media token');
      return next(new Error('unauthenticated'));
    }
    try {
      // Joined here, before 'connection', so no command can arrive before the peer has its room.
      socket.data.room = await rooms.get(socket.data.grant.sittingId);
      next();
    } catch (error) {
      log.error({ err: error }, 'could not open the sitting room');
      next(new Error('internal'));
    }
  });

  io.on('connection', (socket: SfuSocket) => {
    const grant = socket.data.grant as MediaGrant;
    const room = socket.data.room as SittingRoom;
    const peer = new Peer(socket.id, grant);
    room.peers.set(peer.id, peer);
    void socket.join([
      roomOf(grant.sittingId),
      ...(grant.peerRole === 'watcher' ? [watchersOf(grant.sittingId)] : []),
    ]);
    const ctx: HandlerContext = { socket, peer, room, config, log, layers };
    socket.on('disconnect', () => room.leave(peer));
    for (const name of MEDIA_CLIENT_EVENTS) {
      socket.on(name, async (raw: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (a: Ack<unknown>) => void) : undefined;
        try {
          reply?.({ ok: true, data: await runCommand(name, raw, ctx) });
        } catch (error) {
          if (error instanceof SfuError) {
            if (error.code === 'forbidden')
              log.warn(
                { user: grant.userId, sittingId: grant.sittingId, event: name, why: error.message },
                'refused',
              );
            reply?.({ ok: false, error: error.toBody() });
          } else {
            log.error({ err: error, event: name }, 'media command failed');
            reply?.({
              ok: false,
              error: { code: 'internal', message: 'The media server could not do that.' },
            });
          }
        }
      });
    }
  });
  return io;
}
